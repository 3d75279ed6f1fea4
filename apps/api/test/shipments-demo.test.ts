import { describe, expect, it } from 'vitest';
import { addDays } from '@portal/domain';
import { t, s, call, draft } from './trade-fixture.ts';
import { createShipmentsService } from '../src/modules/shipments/shipments.service.ts';
import { createQualityCertificatesService } from '../src/modules/quality-certificates/quality-certificates.service.ts';
import { seedShipmentsDemo } from '../src/modules/shipments/shipments.demo.ts';
import { createShipmentsHome } from '../src/modules/shipments/shipments.home.ts';

/** A confirmed contract for the buyer, by the real path. */
async function confirmedContract() {
  const inq = await call('POST', '/api/inquiries', s.buyer, {
    lines: [{ productId: (await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } })).id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }],
    incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
  });
  const q = await call('POST', `/api/inquiries/${inq.json().id}/quotes`, s.clerk, draft(inq.json().lines[0].id));
  expect((await call('POST', `/api/quotes/${q.json().id}/revisions/1/send`, s.clerk)).statusCode).toBe(200);
  const accepted = await call('POST', `/api/quotes/${q.json().id}/revisions/1/accept`, s.buyer);
  expect((await call('POST', `/api/contracts/${accepted.json().id}/confirm`, s.buyer)).statusCode).toBe(200);
  return accepted.json().id as string;
}

describe('the shipments demo and home page items', () => {
  it('fills the tracker through the service: in production, booked, at sea, delivered, running late; each with its home page items', async () => {
    const contracts: string[] = [];
    for (let i = 0; i < 5; i++) contracts.push(await confirmedContract());
    const clerk = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'clerk@demo.example' } });
    const actor = { userId: clerk.id, role: 'CLERK' as const, companyId: clerk.companyId, isCompanyAdmin: false };
    const files = { open: async () => { throw new Error('no files in the demo'); } } as never;
    const shipments = createShipmentsService({ prisma: t.db.prisma, clock: t.clock, publicUrl: 'http://portal.test', files });
    const qualityCertificates = createQualityCertificatesService({ prisma: t.db.prisma, clock: t.clock, files });
    const today = t.clock.now().toISOString().slice(0, 10);
    const now = t.clock.now();
    const at = (instant: Date) => t.clock.advance(instant.getTime() - t.clock.now().getTime());
    const made = await seedShipmentsDemo({ shipments, qualityCertificates }, { contracts, today, actor, at });
    at(now);
    expect(made.shipments).toHaveLength(5);

    const tracker = (await call('GET', '/api/shipments/tracker', s.buyer)).json() as { contractId: string; shipmentStatus: string; punctuality: { status: string }; nextMilestone: { milestone: string } | null }[];
    const rows = contracts.map((id) => tracker.find((r) => r.contractId === id)!);
    expect(rows.map((r) => r.shipmentStatus)).toEqual(['PLANNED', 'BOOKED', 'DEPARTED', 'DELIVERED', 'PLANNED']);
    expect(rows.map((r) => r.nextMilestone?.milestone ?? null)).toEqual(['PRODUCTION_FINISHED', 'DEPARTED', 'ARRIVED', null, 'PRODUCTION_FINISHED']);
    expect(rows[4]!.punctuality.status).not.toBe('ON_TIME');
    expect(rows[2]!.punctuality.status).toBe('ON_TIME');
    const atSea = (await call('GET', `/api/contracts/${contracts[2]}/execution`, s.buyer)).json().shipments[0];
    expect(atSea.containers).toHaveLength(2);
    expect(atSea.blNumber).toBe('COSU6312345670');
    expect((await call('GET', '/api/quality-certificates?batchNo=B-DEMO-0318', s.buyer)).json()).toHaveLength(1);

    const home = createShipmentsHome({ prisma: t.db.prisma });
    const buyerUser = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'buyer@demo.example' } });
    const buyer = { userId: buyerUser.id, role: 'BUYER' as const, companyId: buyerUser.companyId, isCompanyAdmin: true };
    const forBuyer = await home(buyer, t.clock.now());
    // Each record bears its moment in the story: an actual on its own day, not the day the demo was loaded.
    const events = await t.db.prisma.shipmentEvent.findMany({ where: { shipmentId: { in: made.shipments } }, select: { classifier: true, eventDate: true, createdAt: true } });
    for (const e of events.filter((e) => e.classifier === 'ACT')) expect(e.createdAt.toISOString().slice(0, 10)).toBe(e.eventDate.toISOString().slice(0, 10));
    expect(events.every((e) => e.createdAt.getTime() < now.getTime())).toBe(true);
    // So the buyer's home shows the milestones of the last week only: the booking two days ago.
    const tracked = forBuyer.items.filter((i) => made.shipments.some((id) => i.id === `shipments.track:${id}`));
    expect(tracked.map((i) => i.id)).toEqual([`shipments.track:${made.shipments[1]}`]);
    expect(tracked[0]).toMatchObject({ params: { milestone: 'BOOKING_CONFIRMED', date: addDays(today, -2) } });
    expect(tracked[0]!.since.slice(0, 10)).toBe(addDays(today, -2));
    expect(forBuyer.figures.find((f) => f.key === 'shipments.atSea')!.count).toBeGreaterThanOrEqual(1);
    const buyer2User = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'buyer2@demo.example' } });
    expect((await home({ userId: buyer2User.id, role: 'BUYER', companyId: buyer2User.companyId, isCompanyAdmin: true }, t.clock.now())).items.some((i) => made.shipments.some((id) => i.id.endsWith(id)))).toBe(false);
    const forClerk = await home(actor, t.clock.now());
    const late = forClerk.items.find((i) => i.id === `shipments.record:${contracts[4]}`);
    expect(late).toMatchObject({ kind: 'shipments.record', urgency: 'OVERDUE', params: { milestone: 'PRODUCTION_FINISHED' } });
  });
});
