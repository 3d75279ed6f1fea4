import { beforeAll, describe, expect, it } from 'vitest';
import { t, s, nobody, day, call, draft, expectFields } from './trade-fixture.ts';

/** The real path to a contract: inquiry, quote with these payment terms, sent, accepted, and (unless told not to) confirmed. */
async function contractWith(paymentTerms: object[], confirm = true) {
  const inq = await call('POST', '/api/inquiries', s.buyer, {
    lines: [{ productId: (await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } })).id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }],
    incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
  });
  expect(inq.statusCode, inq.body).toBe(201);
  const inquiry = inq.json();
  const q = await call('POST', `/api/inquiries/${inquiry.id}/quotes`, s.clerk, draft(inquiry.lines[0].id, { paymentTerms }));
  expect(q.statusCode, q.body).toBe(201);
  expect((await call('POST', `/api/quotes/${q.json().id}/revisions/1/send`, s.clerk)).statusCode).toBe(200);
  const accepted = await call('POST', `/api/quotes/${q.json().id}/revisions/1/accept`, s.buyer);
  expect(accepted.statusCode, accepted.body).toBe(201);
  const id = accepted.json().id as string;
  if (confirm) expect((await call('POST', `/api/contracts/${id}/confirm`, s.buyer)).statusCode).toBe(200);
  return { id, number: accepted.json().number as string };
}

const lcTerms = [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'LC', percent: '70', trigger: 'SIGHT' }];
// 12,000 pc × USD 3.4126 = USD 40,951.20; the L/C share (70%) is USD 28,665.84. The contract ships by day(60).
const credit = () => ({
  number: 'LC/DE/2026/00417', issuingBank: 'Hamburger Handelsbank AG', issuingBankBic: 'HHBKDEHHXXX', issueDate: day(5), expiryDate: day(81),
  latestShipmentDate: day(60), presentationDays: 21, amount: '28665.84', currency: 'USD',
});
const lcUrl = (id: string) => `/api/contracts/${id}/letter-of-credit`;
const review = (id: string, cookie: string, body: object) => call('POST', `${lcUrl(id)}/review`, cookie, body);

describe('the letter of credit of an L/C contract', () => {
  let c: { id: string; number: string };

  beforeAll(async () => {
    c = await contractWith(lcTerms);
  });

  it('is pending until the buyer records it, with the L/C share to open', async () => {
    const res = await call('GET', `/api/contracts/${c.id}`, s.clerk);
    expect(res.json()).toMatchObject({ paymentMethod: 'LC', lc: { status: null, number: null, requiredAmount: { amount: '28665.84', currency: 'USD' }, discrepancies: [] } });
    expect((await review(c.id, s.clerk, { decision: 'ACCEPT' })).statusCode).toBe(409);
  });

  it('refuses a bad BIC, an expiry before the shipment date, more than 21 days and a malformed amount, naming the fields', async () => {
    expectFields(await call('PUT', lcUrl(c.id), s.buyer, { ...credit(), issuingBankBic: 'HHBK-DE' }), ['body.issuingBankBic']);
    expectFields(await call('PUT', lcUrl(c.id), s.buyer, { ...credit(), expiryDate: day(59) }), ['body.expiryDate']);
    expectFields(await call('PUT', lcUrl(c.id), s.buyer, { ...credit(), presentationDays: 30, amount: '28665.845', number: 'X'.repeat(36) }), ['body.presentationDays', 'body.amount', 'body.number']);
    expect((await t.db.prisma.salesContract.findUniqueOrThrow({ where: { id: c.id } })).lcStatus).toBeNull();
  });

  it('is not for staff to record, nor for another company’s buyer (404, as for no contract)', async () => {
    expect((await call('PUT', lcUrl(c.id), s.clerk, credit())).statusCode).toBe(403);
    const foreign = await call('PUT', lcUrl(c.id), s.buyer2, credit());
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().detail).toBe((await call('PUT', lcUrl(nobody), s.buyer2, credit())).json().detail);
    expect((await review(c.id, s.buyer2, { decision: 'ACCEPT' })).statusCode).toBe(403);
  });

  it('is recorded by the buyer: RECEIVED, with its discrepancies, an audit record, and the clerk told', async () => {
    const res = await call('PUT', lcUrl(c.id), s.buyer, { ...credit(), issuingBankBic: 'hhbkdehh', amount: '28000.00', expiryDate: day(75), presentationDays: undefined });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lc).toMatchObject({
      status: 'RECEIVED', number: 'LC/DE/2026/00417', issuingBank: 'Hamburger Handelsbank AG', issuingBankBic: 'HHBKDEHH', expiryDate: day(75), presentationDays: 21,
      amount: { amount: '28000.00', currency: 'USD' },
      discrepancies: [
        { field: 'amount', message: expect.stringContaining('below the L/C share of the contract, USD 28665.84') },
        { field: 'expiryDate', message: expect.stringContaining('UCP 600 art. 14c') },
      ],
    });
    expect((await call('GET', `/api/contracts/${c.id}`, s.finance)).json().lc.discrepancies).toHaveLength(2);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'contract.lc.record', entityId: c.id } })).toBe(1);
    const notes = await t.db.prisma.notification.findMany({ where: { kind: 'contract.lc.received', link: { contains: c.id } }, select: { user: { select: { email: true } } } });
    expect(notes.map((n) => n.user.email)).toEqual(['clerk@demo.example']);
    expect(await t.db.prisma.outboxEvent.count({ where: { topic: 'contract.lc.received', payload: { path: ['subject'], string_contains: c.number } } })).toBe(1);
  });

  it('cannot be reviewed by the buyer or finance; an amendment request needs a note', async () => {
    expect((await review(c.id, s.buyer, { decision: 'ACCEPT' })).statusCode).toBe(403);
    expect((await review(c.id, s.finance, { decision: 'ACCEPT' })).statusCode).toBe(403);
    expectFields(await review(c.id, s.clerk, { decision: 'REQUEST_AMENDMENT' }), ['body.note']);
  });

  it('is sent back by the clerk for amendment, once; the buyer’s users are told in the portal and by mail', async () => {
    const res = await review(c.id, s.clerk, { decision: 'REQUEST_AMENDMENT', note: 'Amount must be USD 28,665.84; expiry at least 21 days after the latest shipment date.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lc).toMatchObject({ status: 'AMENDMENT_REQUESTED', reviewNote: expect.stringContaining('USD 28,665.84'), reviewedBy: expect.any(String), reviewedAt: t.clock.now().toISOString() });
    const again = await review(c.id, s.manager, { decision: 'ACCEPT' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already been reviewed/);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'contract.lc.review', entityId: c.id } })).toBe(1);
    const notes = await t.db.prisma.notification.findMany({ where: { kind: 'contract.lc.amendment', link: { contains: c.id } }, select: { user: { select: { email: true } } } });
    expect(notes.map((n) => n.user.email).sort()).toEqual(['buyer@demo.example', 'purchasing@demo.example']);
    expect(await t.db.prisma.outboxEvent.count({ where: { topic: 'contract.lc.amendment', payload: { path: ['subject'], string_contains: c.number } } })).toBe(2);
  });

  it('is recorded again as amended (back to RECEIVED, review cleared) and accepted by the manager; then it is fixed', async () => {
    const res = await call('PUT', lcUrl(c.id), s.buyer, credit());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lc).toMatchObject({ status: 'RECEIVED', reviewNote: null, reviewedAt: null, amount: { amount: '28665.84' }, discrepancies: [] });
    const ok = await review(c.id, s.manager, { decision: 'ACCEPT' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().lc).toMatchObject({ status: 'ACCEPTED', reviewNote: null });
    expect(await t.db.prisma.notification.count({ where: { kind: 'contract.lc.accepted', link: { contains: c.id } } })).toBe(2);
    expect((await review(c.id, s.clerk, { decision: 'ACCEPT' })).statusCode).toBe(409);
    expect((await call('PUT', lcUrl(c.id), s.buyer, credit())).statusCode).toBe(409);
    expect(await t.db.prisma.auditLog.count({ where: { action: { in: ['contract.lc.record', 'contract.lc.review'] }, entityId: c.id } })).toBe(4);
  });

  it('shows the credit in the PDF instead of “to be opened by the buyer”', async () => {
    const pdf = await call('GET', `/api/contracts/${c.id}/pdf`, s.buyer);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('recording a letter of credit is refused (409)', () => {
  it('on a contract paid by T/T, saying why', async () => {
    const tt = await contractWith([{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'TT', percent: '70', trigger: 'BL_COPY' }]);
    expect((await call('GET', `/api/contracts/${tt.id}`, s.buyer)).json().lc).toBeNull();
    const res = await call('PUT', lcUrl(tt.id), s.buyer, credit());
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('the contract is paid by T/T, not by letter of credit');
    expect((await review(tt.id, s.clerk, { decision: 'ACCEPT' })).statusCode).toBe(409);
  });

  it('on an L/C contract not yet confirmed', async () => {
    const issued = await contractWith(lcTerms, false);
    const res = await call('PUT', lcUrl(issued.id), s.buyer, credit());
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/confirm the contract before/);
  });

  it('on a cancelled contract', async () => {
    const cancelled = await contractWith(lcTerms);
    await t.db.prisma.salesContract.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED', cancelledAt: t.clock.now() } });
    const res = await call('PUT', lcUrl(cancelled.id), s.buyer, credit());
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/cancelled/);
  });
});
