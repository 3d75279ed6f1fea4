import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestContext } from './helpers.ts';

let t: TestContext;
const s = {} as Record<'clerk' | 'manager' | 'finance' | 'buyer' | 'buyer2', string>;
let bottle: { id: string; moq: string };
let sheetId: string;

const DAY = 86_400_000;
const nobody = '01900000-0000-7000-8000-000000000000';
const day = (offset: number) => new Date(t.clock.now().getTime() + offset * DAY).toISOString().slice(0, 10);

const worked = {
  quoteCurrency: 'USD', purchaseCostInclVat: '20.00', vatRate: '0.13', rebateRate: '0.13', domesticExpensesFixed: '6000', domesticExpensesPerUnit: '0.80',
  quantity: '12000', packing: { unitsPerCarton: 24, cartonLengthCm: '60', cartonWidthCm: '40', cartonHeightCm: '50', cartonGrossWeightKg: '15' },
  freightMode: 'FCL', containerType: '40HQ', freightPerContainer: '3000', insurancePremiumRate: '0.008', commissionRate: '0.03', bankChargesRate: '0.005',
  profitBasis: 'SHARE_OF_PRICE', profitRate: '0.10', exchangeRate: '7.1',
};

function call(method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['clerk', 'manager', 'finance', 'buyer', 'buyer2'] as const) s[u] = await loginAs(t.app, `${u}@demo.example`);
  const p = await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } });
  expect(p.status).toBe('ACTIVE');
  bottle = { id: p.id, moq: p.moq.toFixed() };
  const res = await call('POST', '/api/cost-sheets', s.clerk, { name: 'Bottle CIF Hamburg', productId: bottle.id, input: worked });
  expect(res.statusCode, res.body).toBe(201);
  sheetId = res.json().id;
});
afterAll(() => t.close());

/** A quote revision as the clerk writes it, for the inquiry's first line. */
function draft(inquiryLineId: string, overrides: Record<string, unknown> = {}, line: Record<string, unknown> = {}) {
  return {
    currency: 'USD', incoterm: 'CIF', namedPlace: 'Hamburg', portOfLoadingCode: 'CNNGB', portOfDischargeCode: 'DEHAM',
    paymentTerms: [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'TT', percent: '70', trigger: 'BL_COPY' }],
    leadTimeDays: 35, shipmentDate: day(60), packing: '24 pcs per export carton', validUntil: day(30),
    lines: [{ inquiryLineId, productId: bottle.id, costSheetId: sheetId, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000', unit: 'pc', unitPrice: '3.4126', ...line }],
    ...overrides,
  };
}

/** The real path: the buyer sends an inquiry, the clerk quotes it from the cost sheet and sends revision 1. */
async function quotedInquiry(buyer = s.buyer) {
  const inq = await call('POST', '/api/inquiries', buyer, {
    lines: [{ productId: bottle.id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }],
    incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
  });
  expect(inq.statusCode, inq.body).toBe(201);
  const inquiry = inq.json() as { id: string; number: string; lines: { id: string }[] };
  const q = await call('POST', `/api/inquiries/${inquiry.id}/quotes`, s.clerk, draft(inquiry.lines[0]!.id));
  expect(q.statusCode, q.body).toBe(201);
  const quote = q.json();
  const sent = await call('POST', `/api/quotes/${quote.id}/revisions/1/send`, s.clerk);
  expect(sent.statusCode, sent.body).toBe(200);
  return { inquiryId: inquiry.id, inquiryLineId: inquiry.lines[0]!.id, quoteId: quote.id as string, lineId: sent.json().revisions[0].lines[0].id as string };
}

function expectFields(res: { statusCode: number; body: string; json(): { code: string; errors?: { field: string }[] } }, fields: string[]) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().code).toBe('VALIDATION');
  expect(res.json().errors?.map((e) => e.field).sort()).toEqual([...fields].sort());
}

const counts = async () => ({
  messages: await t.db.prisma.negotiationMessage.count(),
  lines: await t.db.prisma.counterOfferLine.count(),
  audit: await t.db.prisma.auditLog.count(),
  outbox: await t.db.prisma.outboxEvent.count(),
  notifications: await t.db.prisma.notification.count(),
});

describe('the negotiation thread', () => {
  let q: Awaited<ReturnType<typeof quotedInquiry>>;
  beforeAll(async () => {
    q = await quotedInquiry();
  });

  it('is shared by both sides, each message audited and notified to the other side', async () => {
    const mailsBefore = await t.db.prisma.outboxEvent.count({ where: { topic: 'negotiation.message' } });
    const mine = await call('POST', `/api/inquiries/${q.inquiryId}/messages`, s.buyer, { body: 'Could you do better on the price for 20,000 pcs?' });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ side: 'BUYER', kind: 'MESSAGE', author: 'Emma Clarke', attachments: [] });
    const answer = await call('POST', `/api/inquiries/${q.inquiryId}/messages`, s.clerk, { body: 'We will look into it and send a new revision.' });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json()).toMatchObject({ side: 'EXPORTER', author: 'Li Na (export clerk)' });

    for (const who of [s.buyer, s.clerk, s.finance]) {
      const thread = await call('GET', `/api/inquiries/${q.inquiryId}/messages`, who);
      expect(thread.statusCode).toBe(200);
      expect(thread.json().messages.map((m: { body: string }) => m.body)).toEqual(['Could you do better on the price for 20,000 pcs?', 'We will look into it and send a new revision.']);
    }
    expect(await t.db.prisma.auditLog.count({ where: { action: 'negotiation.message', entityId: { in: [mine.json().id, answer.json().id] } } })).toBe(2);
    // The clerks heard of the buyer's message, the buyer's users of the clerk's answer: in the portal and by mail.
    const notes = await t.db.prisma.notification.findMany({ where: { kind: 'negotiation.message' }, select: { user: { select: { email: true } } } });
    expect(notes.map((n) => n.user.email)).toEqual(expect.arrayContaining(['clerk@demo.example', 'buyer@demo.example', 'purchasing@demo.example']));
    expect(await t.db.prisma.outboxEvent.count({ where: { topic: 'negotiation.message' } })).toBeGreaterThan(mailsBefore + 2);
    await t.app.workers.mail.runOnce();
    expect(t.smtp.messages.some((m) => m.to.includes('buyer@demo.example') && m.raw.includes('We will look into it'))).toBe(true);
  });

  it('is hidden from another company’s buyer on every route (404), and nothing is written', async () => {
    const before = await counts();
    const tries = [
      await call('GET', `/api/inquiries/${q.inquiryId}/messages`, s.buyer2),
      await call('POST', `/api/inquiries/${q.inquiryId}/messages`, s.buyer2, { body: 'hello' }),
      await call('POST', `/api/inquiries/${q.inquiryId}/counter-offers`, s.buyer2, { revisionNo: 1, lines: [{ quoteLineId: q.lineId, proposedUnitPrice: '3.00' }] }),
      await call('POST', `/api/inquiries/${q.inquiryId}/change-requests`, s.buyer2, { revisionNo: 1, body: 'cheaper' }),
      await call('POST', `/api/quotes/${q.quoteId}/revisions/1/decline`, s.buyer2, { reason: 'too dear' }),
    ];
    const ghost = await call('GET', `/api/inquiries/${nobody}/messages`, s.buyer2);
    for (const res of tries) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.body).not.toContain('Northwind');
    }
    expect(tries[0]!.json().detail).toBe(ghost.json().detail);
    expect(await counts()).toEqual(before);
  });

  it('refuses bad counter-offers and messages with 400 naming the field, writing nothing', async () => {
    const before = await counts();
    const offer = (lines: object[], extra: object = {}) => call('POST', `/api/inquiries/${q.inquiryId}/counter-offers`, s.buyer, { revisionNo: 1, lines, ...extra });
    expectFields(await offer([{ quoteLineId: nobody, proposedUnitPrice: '3.00' }]), ['body.lines.0.quoteLineId']);
    expectFields(await offer([{ quoteLineId: q.lineId, proposedUnitPrice: '-3.00' }]), ['body.lines.0.proposedUnitPrice']);
    expectFields(await offer([{ quoteLineId: q.lineId, proposedUnitPrice: '0' }]), ['body.lines.0.proposedUnitPrice']);
    const short = await offer([{ quoteLineId: q.lineId, proposedQuantity: '999' }]);
    expectFields(short, ['body.lines.0.proposedQuantity']);
    expect(short.json().errors[0].message).toBe('is below the minimum order quantity of 1000 pc');
    expectFields(await offer([{ quoteLineId: q.lineId }]), ['body.lines.0']);
    expectFields(await offer([]), ['body.lines']);
    expectFields(await offer([{ quoteLineId: q.lineId, proposedUnitPrice: '3.00' }], { message: 'x'.repeat(4001) }), ['body.message']);
    expectFields(await offer([{ quoteLineId: q.lineId, proposedUnitPrice: '3.00' }], { revisionNo: 7 }), ['body.revisionNo']);
    expectFields(await call('POST', `/api/inquiries/${q.inquiryId}/messages`, s.buyer, { body: 'x'.repeat(4001) }), ['body.body']);
    expectFields(await call('POST', `/api/inquiries/${q.inquiryId}/messages`, s.buyer, { body: '   ' }), ['body.body']);
    expectFields(await call('POST', `/api/inquiries/${q.inquiryId}/messages`, s.buyer, { body: 'see file', attachmentIds: [nobody] }), ['body.attachmentIds.0']);
    expect(await counts()).toEqual(before);
    expect((await t.db.prisma.inquiry.findUniqueOrThrow({ where: { id: q.inquiryId } })).status).toBe('QUOTED');
  });

  it('takes a structured counter-offer: lines, payment terms and Incoterm; the inquiry is negotiating', async () => {
    const res = await call('POST', `/api/inquiries/${q.inquiryId}/counter-offers`, s.buyer, {
      revisionNo: 1,
      lines: [{ quoteLineId: q.lineId, proposedUnitPrice: '3.2500', proposedQuantity: '15000', proposedShipmentDate: day(50) }],
      proposedPaymentTerms: 'T/T 20% deposit, 80% against copy of B/L',
      proposedIncoterm: 'CFR',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      side: 'BUYER', kind: 'COUNTER_OFFER', revisionNo: 1,
      counterOffer: {
        lines: [{ quoteLineId: q.lineId, lineNo: 1, description: 'Stainless steel vacuum bottle 500 ml', proposedUnitPrice: '3.2500', proposedQuantity: '15000', proposedShipmentDate: day(50) }],
        paymentTermsText: 'T/T 20% deposit, 80% against copy of B/L', incoterm: 'CFR',
      },
    });
    expect((await t.db.prisma.inquiry.findUniqueOrThrow({ where: { id: q.inquiryId } })).status).toBe('NEGOTIATING');
    expect(await t.db.prisma.counterOfferLine.count({ where: { messageId: res.json().id } })).toBe(1);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'negotiation.counter_offer', entityId: res.json().id } })).toBe(1);
    const note = await t.db.prisma.notification.findFirstOrThrow({ where: { kind: 'negotiation.counter_offer' }, select: { title: true, user: { select: { email: true } } } });
    expect(note.user.email).toBe('clerk@demo.example');
    expect(note.title).toMatch(/^Counter-offer from Northwind Imports Ltd on PI-\d{4}-\d{6} rev\. 1$/);
    expect(await t.db.prisma.outboxEvent.count({ where: { topic: 'negotiation.counter_offer' } })).toBeGreaterThan(0);
    // The clerk sees it in the thread as well.
    const thread = (await call('GET', `/api/inquiries/${q.inquiryId}/messages`, s.clerk)).json();
    expect(thread.messages.at(-1)).toMatchObject({ kind: 'COUNTER_OFFER', counterOffer: { incoterm: 'CFR' } });
  });

  it('takes a change request in words', async () => {
    const res = await call('POST', `/api/inquiries/${q.inquiryId}/change-requests`, s.buyer, { revisionNo: 1, body: 'Please quote with our logo printed on the lid.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'CHANGE_REQUEST', revisionNo: 1, side: 'BUYER' });
    expect(await t.db.prisma.auditLog.count({ where: { action: 'negotiation.change_request', entityId: res.json().id } })).toBe(1);
    // Staff may not counter in the buyer's name.
    expect((await call('POST', `/api/inquiries/${q.inquiryId}/change-requests`, s.clerk, { revisionNo: 1, body: 'x' })).statusCode).toBe(403);
    expect((await call('POST', `/api/inquiries/${q.inquiryId}/messages`, s.finance, { body: 'x' })).statusCode).toBe(403);
  });

  it('the clerk answers with revision 2; sending it supersedes revision 1, which then cannot be countered', async () => {
    const created = await call('POST', `/api/inquiries/${q.inquiryId}/quotes`, s.clerk, draft(q.inquiryLineId, {}, { unitPrice: '3.3000', quantity: '15000' }));
    expect(created.statusCode, created.body).toBe(201);
    expect((await call('POST', `/api/quotes/${q.quoteId}/revisions/2/send`, s.clerk)).statusCode).toBe(200);
    const seen = (await call('GET', `/api/quotes/${q.quoteId}`, s.buyer)).json();
    expect(seen.revisions.map((r: { revisionNo: number; status: string }) => [r.revisionNo, r.status])).toEqual([[2, 'SENT'], [1, 'SUPERSEDED']]);

    const late = await call('POST', `/api/inquiries/${q.inquiryId}/counter-offers`, s.buyer, { revisionNo: 1, lines: [{ quoteLineId: q.lineId, proposedUnitPrice: '3.00' }] });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/revision 1 was superseded by a newer revision/);
    const declined = await call('POST', `/api/quotes/${q.quoteId}/revisions/1/decline`, s.buyer, { reason: 'too dear' });
    expect(declined.statusCode).toBe(409);
  });
});

describe('declining', () => {
  it('declines the revision with its reason, and the inquiry when nothing else is open', async () => {
    const q = await quotedInquiry();
    expectFields(await call('POST', `/api/quotes/${q.quoteId}/revisions/1/decline`, s.buyer, { reason: '' }), ['body.reason']);
    const res = await call('POST', `/api/quotes/${q.quoteId}/revisions/1/decline`, s.buyer, { revisionNo: 1, reason: 'We placed the order elsewhere.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'SYSTEM', body: expect.stringContaining('We placed the order elsewhere.') });
    const rev = await t.db.prisma.quoteRevision.findFirstOrThrow({ where: { quoteId: q.quoteId, revisionNo: 1 } });
    expect(rev).toMatchObject({ status: 'DECLINED', declineReason: 'We placed the order elsewhere.' });
    expect(rev.respondedAt).not.toBeNull();
    expect((await t.db.prisma.inquiry.findUniqueOrThrow({ where: { id: q.inquiryId } })).status).toBe('DECLINED');
    expect(await t.db.prisma.auditLog.count({ where: { action: 'quote.decline', entityId: rev.id } })).toBe(1);
    expect((await call('POST', `/api/quotes/${q.quoteId}/revisions/1/decline`, s.buyer, { reason: 'again' })).statusCode).toBe(409);
    expect((await call('POST', `/api/quotes/${q.quoteId}/revisions/1/decline`, s.clerk, { reason: 'x' })).statusCode).toBe(403);
  });
});
