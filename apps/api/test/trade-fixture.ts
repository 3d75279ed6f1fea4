import { afterAll, beforeAll, expect } from 'vitest';
import { awayFromMidnight, loginAs, startTestApp, type TestContext } from './helpers.ts';
import { workedCostingExample } from '@portal/domain/examples';

/*
 * The shared fixture of the negotiation and contract tests: the real app with a clerk's cost sheet
 * for the 500 ml bottle, and the real path to a sent quote. Importing it registers the hooks in the
 * importing test file; the exported lets are live bindings, set in beforeAll.
 */
export let t: TestContext;
export const s = {} as Record<'clerk' | 'manager' | 'finance' | 'buyer' | 'buyer2', string>;
export let bottle: { id: string; moq: string };
export let sheetId: string;

export const DAY = 86_400_000;
export const nobody = '01900000-0000-7000-8000-000000000000';
export const day = (offset: number) => new Date(t.clock.now().getTime() + offset * DAY).toISOString().slice(0, 10);

export const worked = workedCostingExample;

export function call(method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

beforeAll(async () => {
  t = await startTestApp({}, { clockStart: awayFromMidnight() });
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
export function draft(inquiryLineId: string, overrides: Record<string, unknown> = {}, line: Record<string, unknown> = {}) {
  return {
    currency: 'USD', incoterm: 'CIF', namedPlace: 'Hamburg', portOfLoadingCode: 'CNNGB', portOfDischargeCode: 'DEHAM',
    paymentTerms: [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'TT', percent: '70', trigger: 'BL_COPY' }],
    leadTimeDays: 35, shipmentDate: day(60), packing: '24 pcs per export carton', validUntil: day(30),
    lines: [{ inquiryLineId, productId: bottle.id, costSheetId: sheetId, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000', unit: 'pc', unitPrice: '3.4126', ...line }],
    ...overrides,
  };
}

/** The real path: the buyer sends an inquiry, the clerk quotes it from the cost sheet and sends revision 1. */
export async function quotedInquiry(buyer = s.buyer) {
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

export function expectFields(res: { statusCode: number; body: string; json(): { code: string; errors?: { field: string }[] } }, fields: string[]) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().code).toBe('VALIDATION');
  expect(res.json().errors?.map((e) => e.field).sort()).toEqual([...fields].sort());
}

/** Payment terms with an L/C at sight for 70 %. */
export const lcTerms = [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'LC', percent: '70', trigger: 'SIGHT' }];

/**
 * A confirmed contract of 12,000 bottles, 30 % T/T and 70 % L/C at sight (the credit registered with
 * 21 days to present), whose one shipment went on board today. `ref` keeps the credit's and the
 * booking's numbers apart between tests.
 */
export async function shippedLcContract(ref: { lcNumber: string; bookingNumber: string }) {
  const product = await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } });
  const inq = await call('POST', '/api/inquiries', s.buyer, {
    lines: [{ productId: product.id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }],
    incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
  });
  const q = await call('POST', `/api/inquiries/${inq.json().id}/quotes`, s.clerk, draft(inq.json().lines[0].id, { paymentTerms: lcTerms }));
  expect((await call('POST', `/api/quotes/${q.json().id}/revisions/1/send`, s.clerk)).statusCode).toBe(200);
  const id = (await call('POST', `/api/quotes/${q.json().id}/revisions/1/accept`, s.buyer)).json().id as string;
  expect((await call('POST', `/api/contracts/${id}/confirm`, s.buyer)).statusCode).toBe(200);
  const lc = await call('PUT', `/api/contracts/${id}/letter-of-credit`, s.buyer, {
    number: ref.lcNumber, issuingBank: 'Hamburger Handelsbank AG', issuingBankBic: 'HHBKDEHHXXX', issueDate: day(0), expiryDate: day(81),
    latestShipmentDate: day(60), presentationDays: 21, amount: '28665.84', currency: 'USD',
  });
  expect(lc.statusCode, lc.body).toBe(200);
  const planned = await call('POST', `/api/contracts/${id}/shipments`, s.clerk, { lines: [{ contractLineNo: 1, quantity: '12000' }] });
  expect(planned.statusCode, planned.body).toBe(201);
  const sh = planned.json().shipments[0].id as string;
  const event = (body: object) => call('POST', `/api/shipments/${sh}/events`, s.clerk, body);
  const booking = { carrier: 'COSCO Shipping Lines', vessel: 'COSCO Aries', voyage: '041W', bookingNumber: ref.bookingNumber, portOfLoadingCode: 'CNNGB', portOfDischargeCode: 'DEHAM', etd: day(0), eta: day(32) };
  expect((await event({ milestone: 'BOOKING_CONFIRMED', classifier: 'ACT', date: day(-2), booking })).statusCode).toBe(201);
  const bl = await event({ milestone: 'BL_ISSUED', classifier: 'ACT', date: day(0), onBoardDate: day(0), blNumber: ref.bookingNumber });
  expect(bl.statusCode, bl.body).toBe(201);
  return id;
}
