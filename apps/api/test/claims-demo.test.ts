import { describe, expect, it } from 'vitest';
import { createAttachmentsService } from '../src/modules/attachments/attachments.service.ts';
import { seedClaimsDemo } from '../src/modules/claims/claims.demo.ts';
import { createClaimsService } from '../src/modules/claims/claims.service.ts';
import { createFileStore } from '../src/infra/file-store.ts';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addDays, type Actor } from '@portal/domain';
import { samplePng } from './sample-images.ts';
import { t, s, call, draft } from './trade-fixture.ts';

/** A confirmed contract for the buyer whose one shipment arrived twenty days ago, by the real path. */
async function arrivedShipment(today: string) {
  const d = (n: number) => addDays(today, n);
  const inq = await call('POST', '/api/inquiries', s.buyer, {
    lines: [{ productId: (await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } })).id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }],
    incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
  });
  const q = await call('POST', `/api/inquiries/${inq.json().id}/quotes`, s.clerk, draft(inq.json().lines[0].id));
  expect((await call('POST', `/api/quotes/${q.json().id}/revisions/1/send`, s.clerk)).statusCode).toBe(200);
  const accepted = await call('POST', `/api/quotes/${q.json().id}/revisions/1/accept`, s.buyer);
  const contractId = accepted.json().id as string;
  expect((await call('POST', `/api/contracts/${contractId}/confirm`, s.buyer)).statusCode).toBe(200);
  const sh = await call('POST', `/api/contracts/${contractId}/shipments`, s.clerk, { lines: [{ contractLineNo: 1, quantity: '12000' }] });
  const shipmentId = sh.json().shipments[0].id as string;
  const booking = { carrier: 'Maersk', vessel: 'Maersk Kendal', voyage: '612W', bookingNumber: 'MAEU224417509', portOfLoadingCode: 'CNNGB', portOfDischargeCode: 'DEHAM', etd: d(-50), eta: d(-20) };
  for (const body of [
    { milestone: 'BOOKING_CONFIRMED', classifier: 'ACT', date: d(-55), booking },
    { milestone: 'DEPARTED', classifier: 'ACT', date: d(-50), location: 'CNNGB' },
    { milestone: 'BL_ISSUED', classifier: 'ACT', date: d(-50), onBoardDate: d(-50), blNumber: 'MAEU224417509' },
    { milestone: 'ARRIVED', classifier: 'ACT', date: d(-20), location: 'DEHAM' },
  ]) {
    const res = await call('POST', `/api/shipments/${shipmentId}/events`, s.clerk, body);
    expect(res.statusCode, res.body).toBe(201);
  }
  return shipmentId;
}

const actorOf = async (email: string): Promise<Actor> => {
  const u = await t.db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, companyId: true, isCompanyAdmin: true, company: { select: { status: true } } } });
  return { userId: u.id, role: u.role, companyId: u.companyId, isCompanyAdmin: u.isCompanyAdmin, companyStatus: u.company.status };
};

describe('the claims demo', () => {
  it('seeds, through the service, a claim settled with a credit note and one under investigation, each step on its historic day', async () => {
    const today = t.clock.now().toISOString().slice(0, 10);
    const shipmentId = await arrivedShipment(today);
    const claims = createClaimsService({ prisma: t.db.prisma, clock: t.clock, publicUrl: 'http://portal.test' });
    const attachments = createAttachmentsService({ prisma: t.db.prisma, clock: t.clock, files: createFileStore(await mkdtemp(path.join(tmpdir(), 'claims-demo-'))) });
    const end = t.clock.now();
    const ids = await seedClaimsDemo({ claims, attachments }, {
      shipmentId, today, photo: samplePng(),
      buyer: await actorOf('buyer@demo.example'), clerk: await actorOf('clerk@demo.example'), manager: await actorOf('manager@demo.example'), finance: await actorOf('finance@demo.example'),
      at: (instant) => t.clock.advance(instant.getTime() - t.clock.now().getTime()),
    });
    t.clock.advance(end.getTime() - t.clock.now().getTime());

    const settled = (await call('GET', `/api/claims/${ids.settled}`, s.buyer)).json();
    expect(settled).toMatchObject({ status: 'CLOSED', kind: 'QUALITY', responsibleParty: 'FACTORY', settlement: { kind: 'CREDIT_NOTE' }, settlementDetail: { creditNoteOpen: true, approvedBy: expect.any(String) } });
    expect(settled.evidence).toHaveLength(2);
    expect(settled.timeline.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'FILED', 'ACKNOWLEDGED', 'UNDER_INVESTIGATION', 'WAITING_FOR_EVIDENCE', 'UNDER_INVESTIGATION', 'RESPONSIBILITY_DETERMINED', 'SETTLEMENT_OFFERED', 'ACCEPTED', 'SETTLED', 'CLOSED',
    ]);
    const days = settled.timeline.map((e: { at: string }) => e.at.slice(0, 10));
    expect(days[0]).toBe(addDays(today, -19));
    expect(days.at(-1)! < today).toBe(true);
    const investigating = (await call('GET', `/api/claims/${ids.investigating}`, s.clerk)).json();
    expect(investigating).toMatchObject({ status: 'UNDER_INVESTIGATION', kind: 'DAMAGE' });
    expect(investigating.timeline.some((e: { internal: boolean }) => e.internal)).toBe(true);
    expect((await call('GET', `/api/claims/${ids.investigating}`, s.buyer)).json().timeline.some((e: { internal: boolean }) => e.internal)).toBe(false);
    const figures = (await call('GET', '/api/claims/finance', s.finance)).json();
    expect(figures.find((f: { buyerCompany: { name: string } }) => f.buyerCompany.name === 'Northwind Imports Ltd').openCreditNoteCount).toBe(1);
  });
});
