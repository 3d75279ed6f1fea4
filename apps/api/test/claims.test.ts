import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@portal/domain';
import { companyIdOf, loginAs, multipart } from './helpers.ts';
import { samplePng } from './sample-images.ts';
import { t, s, nobody, day, call, draft, expectFields, DAY } from './trade-fixture.ts';

/*
 * Claims end to end on a real database: filed against an arrived shipment within the contract's
 * claim period, within the shipped quantities and their value, with photo or PDF evidence; worked
 * through the workflow (acknowledge, investigate, ask for evidence with the response timer paused,
 * responsibility, a settlement approved by another manager above finance's threshold, accepted,
 * recorded by finance); every step audited, on the buyer's timeline and told in the same
 * transaction; another company's buyer kept out.
 */

const booking = () => ({ carrier: 'COSCO Shipping Lines', vessel: 'COSCO Aries', voyage: '041W', bookingNumber: 'COSU6312345670', portOfLoadingCode: 'CNNGB', portOfDischargeCode: 'DEHAM', etd: day(0), eta: day(30) });

/** The real path to a confirmed contract for 12,000 bottles at USD 3.4126 and its one shipment; `arrive` takes it to arrival today. */
async function shippedContract(opts: { depart: boolean; arrive: boolean }) {
  const product = await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } });
  const inq = await call('POST', '/api/inquiries', s.buyer, {
    lines: [{ productId: product.id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }], incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
  });
  expect(inq.statusCode, inq.body).toBe(201);
  const q = await call('POST', `/api/inquiries/${inq.json().id}/quotes`, s.clerk, draft(inq.json().lines[0].id));
  expect(q.statusCode, q.body).toBe(201);
  expect((await call('POST', `/api/quotes/${q.json().id}/revisions/1/send`, s.clerk)).statusCode).toBe(200);
  const accepted = await call('POST', `/api/quotes/${q.json().id}/revisions/1/accept`, s.buyer);
  expect(accepted.statusCode, accepted.body).toBe(201);
  const contractId = accepted.json().id as string;
  expect((await call('POST', `/api/contracts/${contractId}/confirm`, s.buyer)).statusCode).toBe(200);
  const sh = await call('POST', `/api/contracts/${contractId}/shipments`, s.clerk, { lines: [{ contractLineNo: 1, quantity: '12000' }] });
  expect(sh.statusCode, sh.body).toBe(201);
  const shipmentId = sh.json().shipments[0].id as string;
  const ev = async (body: object) => {
    const res = await call('POST', `/api/shipments/${shipmentId}/events`, s.clerk, body);
    expect(res.statusCode, res.body).toBe(201);
  };
  if (opts.depart) {
    await ev({ milestone: 'BOOKING_CONFIRMED', classifier: 'ACT', date: day(0), booking: booking() });
    await ev({ milestone: 'DEPARTED', classifier: 'ACT', date: day(0), location: 'CNNGB' });
    await ev({ milestone: 'BL_ISSUED', classifier: 'ACT', date: day(0), onBoardDate: day(0), blNumber: 'COSU6312345670' });
  }
  if (opts.arrive) await ev({ milestone: 'ARRIVED', classifier: 'ACT', date: day(0), location: 'DEHAM' });
  const line = await t.db.prisma.contractLine.findFirstOrThrow({ where: { contractId, lineNo: 1 } });
  return { contractId, shipmentId, lineId: line.id, contractNumber: accepted.json().number as string };
}

async function upload(cookie: string, file: { name: string; type: string; data: Buffer }) {
  const form = multipart([file]);
  const res = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie, ...form.headers }, payload: form.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const photo = (cookie = s.buyer) => upload(cookie, { name: 'crushed-cartons.png', type: 'image/png', data: samplePng() });

const step = (id: string, cookie: string, body: object) => call('POST', `/api/claims/${id}/steps`, cookie, body);
const counts = async () => ({
  claims: await t.db.prisma.claim.count(), events: await t.db.prisma.claimEvent.count(), evidence: await t.db.prisma.claimEvidence.count(),
  audits: await t.db.prisma.auditLog.count({ where: { entityType: 'Claim' } }), notes: await t.db.prisma.notification.count({ where: { link: { contains: '/claims/' } } }),
});
const noticesOf = (claimId: string) =>
  t.db.prisma.notification.findMany({ where: { link: { contains: claimId } }, orderBy: { createdAt: 'asc' }, select: { kind: true, title: true, user: { select: { email: true } } } });

let arrived: Awaited<ReturnType<typeof shippedContract>>;
let arrivedOn: string;
beforeAll(async () => {
  arrived = await shippedContract({ depart: true, arrive: true });
  arrivedOn = day(0);
});

const damage = (over: Record<string, unknown> = {}) => ({
  contractId: arrived.contractId, shipmentId: arrived.shipmentId, kind: 'DAMAGE', description: '240 bottles dented: 10 cartons crushed in container CSQU3054383.', currency: 'USD', amount: '819.02',
  lines: [{ contractLineId: arrived.lineId, quantity: '240', batchNo: 'B-0412' }], ...over,
});

describe('filing a claim', () => {
  it('shows the deadline of each kind before filing: the contract clause counted from the arrival', async () => {
    const res = await call('GET', `/api/claims/filing-terms/${arrived.shipmentId}`, s.buyer);
    expect(res.statusCode, res.body).toBe(200);
    const terms = res.json();
    expect(terms.shipment).toMatchObject({ arrivedOn: day(0), shippedOn: day(0) });
    expect(terms.lines).toEqual([expect.objectContaining({ contractLineId: arrived.lineId, shippedQuantity: '12000.000', unitPrice: { amount: '3.4126', currency: 'USD' }, value: { amount: '40951.20', currency: 'USD' } })]);
    expect(terms.deadlines.find((d: { kind: string }) => d.kind === 'DAMAGE')).toEqual({ kind: 'DAMAGE', deadline: day(30), days: 30, daysLeft: 30, open: true });
    expect(terms.deadlines.find((d: { kind: string }) => d.kind === 'QUANTITY')).toMatchObject({ deadline: day(15), days: 15 });
    expect((await call('GET', `/api/claims/filing-terms/${arrived.shipmentId}`, s.buyer2)).statusCode).toBe(404);
  });

  it('files a damage claim with a photo: lines, evidence, timeline, audit, the handlers told in Chinese, mail through the outbox', async () => {
    const fileId = await photo();
    const res = await call('POST', '/api/claims', s.buyer, damage({ evidenceIds: [fileId] }));
    expect(res.statusCode, res.body).toBe(201);
    const claim = res.json();
    expect(claim).toMatchObject({
      number: expect.stringMatching(/^CLM-\d{4}-\d{6}$/), status: 'FILED', kind: 'DAMAGE', amount: { amount: '819.02', currency: 'USD' }, periodEndsOn: day(30), arrivedOn: day(0),
      lines: [{ contractLineId: arrived.lineId, quantity: '240.000', shippedQuantity: '12000.000', batchNo: 'B-0412' }],
      evidence: [{ id: fileId, contentType: 'image/png' }], timeline: [{ action: 'FILE', toStatus: 'FILED', side: 'BUYER' }],
      response: { targetMinutes: 45 * 60, paused: false, stopped: false, breached: false }, actions: ['ADD_EVIDENCE', 'WITHDRAW'],
    });
    const notes = await noticesOf(claim.id);
    expect(notes.map((n) => n.user.email).sort()).toEqual(['clerk@demo.example', 'manager@demo.example']);
    expect(notes[0]!.title).toContain('运输损坏');
    expect(await t.db.prisma.auditLog.count({ where: { entityType: 'Claim', entityId: claim.id, action: 'claim.file' } })).toBe(1);
    expect(await t.db.prisma.outboxEvent.count({ where: { channel: 'mail', payload: { path: ['subject'], string_contains: claim.number } } })).toBe(2);
    // Evidence on a claim is not attached anywhere else.
    expectFields(await call('POST', '/api/tickets', s.buyer, { kind: 'COMPLAINT', subject: 'Same photo', body: 'See the photo.', attachmentIds: [fileId] }), ['body.attachmentIds.0']);
  });

  it('refuses more than was shipped, more than the lines are worth, another currency, a line not on the shipment — naming each field, saving nothing', async () => {
    const before = await counts();
    expectFields(await call('POST', '/api/claims', s.buyer, damage({ lines: [{ contractLineId: arrived.lineId, quantity: '12001' }], amount: '40951.21', currency: 'EUR' })), [
      'body.lines.0.quantity', 'body.currency', 'body.amount',
    ]);
    expectFields(await call('POST', '/api/claims', s.buyer, damage({ lines: [{ contractLineId: nobody, quantity: '1' }] })), ['body.lines.0.contractLineId']);
    expectFields(await call('POST', '/api/claims', s.buyer, damage({ amount: '1.001' })), ['body.amount']);
    expectFields(await call('POST', '/api/claims', s.buyer, damage({ lines: [] })), ['body.lines']);
    expect(await counts()).toEqual(before);
  });

  it('takes photos and PDF reports only: a text file is refused by its real type', async () => {
    const before = await counts();
    const text = await upload(s.buyer, { name: 'survey.txt', type: 'text/plain', data: Buffer.from('not a photo') });
    const ok = await photo();
    const res = await call('POST', '/api/claims', s.buyer, damage({ evidenceIds: [ok, text] }));
    expectFields(res, ['body.evidenceIds.1']);
    expect(res.json().errors[0].message).toBe('must be a photo (JPEG, PNG, WebP) or a PDF report, not text/plain');
    const other = await photo(s.buyer2);
    expectFields(await call('POST', '/api/claims', s.buyer, damage({ evidenceIds: [other] })), ['body.evidenceIds.0']);
    expect(await counts()).toEqual(before);
  });

  it('refuses another company’s contract and shipment, and goods not yet shipped or not arrived', async () => {
    const before = await counts();
    expectFields(await call('POST', '/api/claims', s.buyer2, damage()), ['body.contractId']);
    const planned = await shippedContract({ depart: false, arrive: false });
    expectFields(await call('POST', '/api/claims', s.buyer, damage({ contractId: planned.contractId, shipmentId: planned.shipmentId, lines: [{ contractLineId: planned.lineId, quantity: '1' }], amount: '1.00' })), ['body.shipmentId']);
    expectFields(await call('POST', '/api/claims', s.buyer, damage({ shipmentId: planned.shipmentId })), ['body.shipmentId']);
    const atSea = await shippedContract({ depart: true, arrive: false });
    const res = await call('POST', '/api/claims', s.buyer, damage({ contractId: atSea.contractId, shipmentId: atSea.shipmentId, lines: [{ contractLineId: atSea.lineId, quantity: '1' }], amount: '1.00' }));
    expectFields(res, ['body.shipmentId']);
    expect(res.json().errors[0].message).toBe('has not arrived yet: a damage claim is filed after the goods arrive');
    // Staff file only from a complaint.
    expectFields(await call('POST', '/api/claims', s.clerk, damage()), ['body.sourceTicketId']);
    expect(await counts()).toEqual(before);
  });

  it('keeps a suspended company from filing', async () => {
    const northwind = await companyIdOf(t.db, 'buyer@demo.example');
    const before = await counts();
    expect((await call('POST', `/api/companies/${northwind}/review`, s.manager, { decision: 'SUSPEND', reason: 'Unpaid invoices' })).statusCode).toBe(200);
    try {
      const res = await call('POST', '/api/claims', s.buyer, damage({ evidenceIds: [] }));
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().detail).toMatch(/suspended/);
      expect(await t.db.prisma.claim.count()).toBe(before.claims);
    } finally {
      expect((await call('POST', `/api/companies/${northwind}/review`, s.manager, { decision: 'REINSTATE' })).statusCode).toBe(200);
    }
  });
});

describe('a damage claim through its workflow', () => {
  let id: string;
  beforeAll(async () => {
    const res = await call('POST', '/api/claims', s.buyer, damage({ amount: '4800.00', lines: [{ contractLineId: arrived.lineId, quantity: '1500' }], evidenceIds: [await photo()] }));
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
  });

  it('keeps buyers off staff steps and another company out (404), writing nothing', async () => {
    const before = await counts();
    const own = await step(id, s.buyer, { action: 'ACKNOWLEDGE' });
    expect(own.statusCode, own.body).toBe(403);
    expect((await call('GET', `/api/claims/${id}`, s.buyer2)).statusCode).toBe(404);
    expect((await step(id, s.buyer2, { action: 'WITHDRAW' })).statusCode).toBe(404);
    expect((await call('GET', '/api/claims', s.buyer2)).json().some((c: { id: string }) => c.id === id)).toBe(false);
    expect((await step(id, s.clerk, { action: 'OFFER_SETTLEMENT', settlement: { kind: 'REFUND', amount: '1.00' } })).statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('pauses the response timer while the buyer is asked for evidence, and runs it again when they add it', async () => {
    expect((await step(id, s.clerk, { action: 'ACKNOWLEDGE' })).json()).toMatchObject({ status: 'ACKNOWLEDGED', timeline: [{ action: 'FILE' }, { action: 'ACKNOWLEDGE', responseDueAt: expect.any(String) }] });
    expect((await step(id, s.clerk, { action: 'START_INVESTIGATION' })).statusCode).toBe(200);
    expect((await call('POST', `/api/claims/${id}/notes`, s.clerk, { body: 'Carrier’s tally shows 10 cartons wet at discharge.' })).statusCode).toBe(201);
    expectFields(await step(id, s.clerk, { action: 'REQUEST_EVIDENCE' }), ['body.reason']);
    const asked = await step(id, s.clerk, { action: 'REQUEST_EVIDENCE', reason: 'Please send the surveyor’s report.' });
    expect(asked.statusCode, asked.body).toBe(200);
    const before = asked.json().response;
    expect(before).toMatchObject({ paused: true, dueAt: null });
    t.clock.advance(3 * DAY);
    const paused = (await call('GET', `/api/claims/${id}`, s.clerk)).json().response;
    expect(paused.remainingMinutes).toBe(before.remainingMinutes);
    // The buyer sees the request, not the staff note.
    const buyerView = (await call('GET', `/api/claims/${id}`, s.buyer)).json();
    expect(buyerView.timeline.map((e: { action: string }) => e.action)).toEqual(['FILE', 'ACKNOWLEDGE', 'START_INVESTIGATION', 'REQUEST_EVIDENCE']);
    expect(buyerView.actions).toContain('ADD_EVIDENCE');
    expect((await noticesOf(id)).some((n) => n.kind === 'claims.evidenceRequested' && n.user.email === 'buyer@demo.example')).toBe(true);
    expectFields(await step(id, s.buyer, { action: 'ADD_EVIDENCE' }), ['body.evidenceIds']);
    const added = await step(id, s.buyer, { action: 'ADD_EVIDENCE', note: 'Survey report attached.', evidenceIds: [await photo()] });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ status: 'UNDER_INVESTIGATION', response: { paused: false, remainingMinutes: before.remainingMinutes } });
    expect(added.json().evidence).toHaveLength(2);
  });

  it('needs a manager other than the proposer to approve a settlement above finance’s threshold; the buyer accepts; finance records the credit note and the claim closes', async () => {
    expectFields(await step(id, s.clerk, { action: 'DETERMINE_RESPONSIBILITY' }), ['body.responsibleParty']);
    expect((await step(id, s.clerk, { action: 'DETERMINE_RESPONSIBILITY', responsibleParty: 'FACTORY', note: 'Cartons below the agreed burst strength.' })).statusCode).toBe(200);
    // Finance sets USD 2,000.00 (the default) as the threshold; a clerk may not set it.
    expect((await call('PUT', '/api/claims/settings', s.clerk, { approvalThresholds: { USD: '1000' } })).statusCode).toBe(403);
    expect((await call('PUT', '/api/claims/settings', s.finance, { approvalThresholds: { USD: '2000', EUR: '2000' } })).json()).toEqual({ approvalThresholds: { USD: '2000.00', EUR: '2000.00' } });
    expectFields(await step(id, s.manager, { action: 'OFFER_SETTLEMENT', settlement: { kind: 'CREDIT_NOTE', amount: '4800.01' } }), ['body.settlement.amount']);
    const offered = await step(id, s.manager, { action: 'OFFER_SETTLEMENT', settlement: { kind: 'CREDIT_NOTE', amount: '4500.00' }, note: 'Against your next contract.' });
    expect(offered.json()).toMatchObject({ status: 'PENDING_APPROVAL', settlement: { kind: 'CREDIT_NOTE', amount: { amount: '4500.00', currency: 'USD' } } });
    expect((await call('GET', `/api/claims/${id}`, s.buyer)).json()).toMatchObject({ status: 'PENDING_APPROVAL', settlement: null });
    // Nobody approves their own offer.
    expect((await step(id, s.manager, { action: 'APPROVE_SETTLEMENT' })).statusCode).toBe(403);
    const home = (await call('GET', '/api/home', s.manager)).json();
    expect(home.items.some((i: { kind: string; link: string }) => i.kind === 'claims.approve' && i.link.endsWith(id))).toBe(false);
    const manager = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'manager@demo.example' } });
    const manager2 = await t.db.prisma.user.create({ data: { email: 'manager2@demo.example', name: 'Li Wei', role: 'MANAGER', status: 'ACTIVE', passwordHash: manager.passwordHash, companyId: manager.companyId, locale: 'zh', emailVerifiedAt: new Date() } });
    const m2 = await loginAs(t.app, manager2.email);
    expect((await call('GET', '/api/home', m2)).json().items.some((i: { kind: string; link: string }) => i.kind === 'claims.approve' && i.link.endsWith(id))).toBe(true);
    const approved = await step(id, m2, { action: 'APPROVE_SETTLEMENT' });
    expect(approved.json()).toMatchObject({ status: 'SETTLEMENT_OFFERED', response: { stopped: true } });
    expect((await call('GET', '/api/home', s.buyer)).json().items.some((i: { kind: string }) => i.kind === 'claims.answerOffer')).toBe(true);
    expect((await step(id, s.buyer, { action: 'ACCEPT' })).json()).toMatchObject({ status: 'ACCEPTED' });
    expect((await call('GET', '/api/home', s.finance)).json().items.some((i: { kind: string; link: string }) => i.kind === 'claims.pay' && i.link.endsWith(id))).toBe(true);
    expect((await step(id, s.clerk, { action: 'RECORD_SETTLEMENT', settlementReference: 'CN-1' })).statusCode).toBe(403);
    expectFields(await step(id, s.finance, { action: 'RECORD_SETTLEMENT' }), ['body.settlementReference']);
    const recorded = await step(id, s.finance, { action: 'RECORD_SETTLEMENT', settlementReference: 'CN-2026-0007' });
    expect(recorded.json()).toMatchObject({ status: 'CLOSED', settlementDetail: { reference: 'CN-2026-0007', approvedBy: 'Li Wei', creditNoteOpen: true } });
    // The buyer's timeline: every step with its date, the approval round shown as the offer, no internal note.
    const timeline = (await call('GET', `/api/claims/${id}`, s.buyer)).json().timeline as { action: string; toStatus: string; internal: boolean; at: string }[];
    expect(timeline.map((e) => e.toStatus)).toEqual([
      'FILED', 'ACKNOWLEDGED', 'UNDER_INVESTIGATION', 'WAITING_FOR_EVIDENCE', 'UNDER_INVESTIGATION', 'RESPONSIBILITY_DETERMINED', 'SETTLEMENT_OFFERED', 'ACCEPTED', 'SETTLED', 'CLOSED',
    ]);
    expect(timeline.every((e) => !e.internal && e.at)).toBe(true);
    const staffTimeline = (await call('GET', `/api/claims/${id}`, s.clerk)).json().timeline as { action: string; internal: boolean }[];
    expect(staffTimeline.filter((e) => e.internal).map((e) => e.action)).toEqual(['NOTE', 'OFFER_SETTLEMENT']);
    // Audited step by step; the buyer told of each step that concerns them.
    const audits = await t.db.prisma.auditLog.findMany({ where: { entityType: 'Claim', entityId: id }, orderBy: { createdAt: 'asc' }, select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual([
      'claim.file', 'claim.acknowledge', 'claim.start_investigation', 'claim.note', 'claim.request_evidence', 'claim.add_evidence', 'claim.determine_responsibility',
      'claim.offer_settlement', 'claim.approve_settlement', 'claim.accept', 'claim.record_settlement+close',
    ]);
    const buyerNotes = (await noticesOf(id)).filter((n) => n.user.email === 'buyer@demo.example').map((n) => n.kind);
    expect(buyerNotes).toEqual(['claims.acknowledged', 'claims.investigating', 'claims.evidenceRequested', 'claims.responsibility', 'claims.settlementOffered', 'claims.settled']);
    // Finance sees the credit note open against the customer.
    const figures = (await call('GET', '/api/claims/finance', s.finance)).json();
    expect(figures.find((f: { buyerCompany: { name: string } }) => f.buyerCompany.name === 'Northwind Imports Ltd')).toMatchObject({ openCreditNotes: [{ amount: '4500.00', currency: 'USD' }], openCreditNoteCount: 1 });
    expect((await call('GET', '/api/claims/finance', s.buyer)).statusCode).toBe(403);
    const financeHome = (await call('GET', '/api/home', s.finance)).json();
    expect(financeHome.figures.find((f: { key: string }) => f.key === 'claims.openCreditNotes')).toMatchObject({ count: 1, amounts: [{ amount: '4500.00', currency: 'USD' }] });
    // Finance uses it against a later contract of the same customer (not the claimed one, not another company's).
    const claimed = (await t.db.prisma.salesContract.findUniqueOrThrow({ where: { id: arrived.contractId } })).number;
    expectFields(await call('POST', `/api/claims/${id}/credit-note-use`, s.finance, { contractNumber: claimed }), ['body.contractNumber']);
    expect((await call('POST', `/api/claims/${id}/credit-note-use`, s.clerk, { contractNumber: claimed })).statusCode).toBe(403);
    const later = await shippedContract({ depart: false, arrive: false });
    const used = await call('POST', `/api/claims/${id}/credit-note-use`, s.finance, { contractNumber: later.contractNumber });
    expect(used.statusCode, used.body).toBe(200);
    expect(used.json()).toMatchObject({ settlementDetail: { creditNoteOpen: false }, timeline: expect.arrayContaining([expect.objectContaining({ action: 'USE_CREDIT_NOTE', usedOn: later.contractNumber })]) });
    expect((await call('POST', `/api/claims/${id}/credit-note-use`, s.finance, { contractNumber: later.contractNumber })).statusCode).toBe(409);
    const after = (await call('GET', '/api/claims/finance', s.finance)).json();
    expect(after.find((f: { buyerCompany: { name: string } }) => f.buyerCompany.name === 'Northwind Imports Ltd')).toMatchObject({ openCreditNotes: [], openCreditNoteCount: 0 });
  });
});

describe('a complaint turned into a claim', () => {
  it('takes over the buyer’s words and files without retyping, once', async () => {
    const fileId = await photo();
    const opened = await call('POST', '/api/tickets', s.buyer, { kind: 'COMPLAINT', subject: 'Wrong colour delivered', body: 'We ordered black, 300 pcs came in silver.', about: { type: 'CONTRACT', id: arrived.contractId }, attachmentIds: [fileId] });
    expect(opened.statusCode, opened.body).toBe(201);
    const ticketId = opened.json().id;
    // The complaint names the contract; its one shipped shipment is the claim's. A complaint naming no
    // contract becomes a claim once staff name the shipment, one of the company's that has left.
    const loose = await call('POST', '/api/tickets', s.buyer, { kind: 'COMPLAINT', subject: 'Lids do not close', body: 'The lids of the last delivery do not close tightly.' });
    const looseId = loose.json().id;
    const refused = await call('GET', `/api/claims/drafts/${looseId}`, s.clerk);
    expectFields(refused, ['contractId']);
    const choices = await call('GET', `/api/claims/drafts/${looseId}/shipments`, s.clerk);
    expect(choices.statusCode, choices.body).toBe(200);
    expect(choices.json()).toContainEqual(expect.objectContaining({ id: arrived.shipmentId, contractId: arrived.contractId, arrivedOn: expect.any(String) }));
    expect((await call('GET', `/api/claims/drafts/${looseId}/shipments`, s.buyer)).statusCode).toBe(403);
    const chosen = await call('GET', `/api/claims/drafts/${looseId}?shipmentId=${arrived.shipmentId}`, s.clerk);
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toMatchObject({ contractId: arrived.contractId, shipmentId: arrived.shipmentId, description: expect.stringContaining('do not close tightly') });
    // Another company's complaint may not concern Northwind's shipment, nor list it.
    const theirs = (await call('POST', '/api/tickets', s.buyer2, { kind: 'COMPLAINT', subject: 'Dented cans', body: 'Several cans arrived dented.' })).json().id;
    expectFields(await call('GET', `/api/claims/drafts/${theirs}?shipmentId=${arrived.shipmentId}`, s.clerk), ['shipmentId']);
    expect((await call('GET', `/api/claims/drafts/${theirs}/shipments`, s.clerk)).json()).not.toContainEqual(expect.objectContaining({ id: arrived.shipmentId }));
    expect((await call('GET', `/api/claims/drafts/${ticketId}`, s.buyer)).statusCode).toBe(403);
    const d = await call('GET', `/api/claims/drafts/${ticketId}`, s.clerk);
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ contractId: arrived.contractId, shipmentId: arrived.shipmentId, description: 'Wrong colour delivered\n\nWe ordered black, 300 pcs came in silver.', evidence: [{ id: fileId }] });
    const body = { contractId: arrived.contractId, shipmentId: arrived.shipmentId, kind: 'WRONG_GOODS', description: d.json().description, currency: 'USD', amount: '1023.78', lines: [{ contractLineId: arrived.lineId, quantity: '300' }], sourceTicketId: ticketId };
    expectFields(await call('POST', '/api/claims', s.buyer, body), ['body.sourceTicketId']);
    const filed = await call('POST', '/api/claims', s.clerk, body);
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ kind: 'WRONG_GOODS', buyerCompany: { name: 'Northwind Imports Ltd' }, evidence: [{ id: fileId }], sourceTicket: { id: ticketId } });
    expect((await noticesOf(filed.json().id)).some((n) => n.kind === 'claims.filedForYou' && n.user.email === 'buyer@demo.example')).toBe(true);
    expect((await call('POST', '/api/claims', s.clerk, body)).statusCode).toBe(409);
  });
});

describe('the claim period', () => {
  it('refuses a claim after its period and names the deadline; quantity claims close after 15 days, damage still open', async () => {
    // Noon UTC sixteen days after the arrival: the quantity period (15 days) is over, damage's (30) is not.
    t.clock.advance(Date.parse(`${addDays(arrivedOn, 16)}T12:00:00Z`) - t.clock.now().getTime());
    const terms = (await call('GET', `/api/claims/filing-terms/${arrived.shipmentId}`, s.buyer)).json();
    expect(terms.deadlines.find((d: { kind: string }) => d.kind === 'QUANTITY')).toMatchObject({ open: false });
    const before = await counts();
    const late = await call('POST', '/api/claims', s.buyer, damage({ kind: 'QUANTITY' }));
    expectFields(late, ['body.kind']);
    expect(late.json().errors[0].message).toBe(`the claim period for quantity claims ended on ${addDays(arrivedOn, 15)} (15 days after the arrival on ${arrivedOn})`);
    expect((await call('POST', '/api/claims', s.buyer, damage({ amount: '10.00', lines: [{ contractLineId: arrived.lineId, quantity: '3' }] }))).statusCode).toBe(201);
    const within = await counts();
    t.clock.advance(15 * DAY);
    expectFields(await call('POST', '/api/claims', s.buyer, damage()), ['body.kind']);
    expect(await counts()).toEqual(within);
  });
});
