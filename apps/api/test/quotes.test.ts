import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '@portal/domain';
import { readMail } from '@portal/mail/testing';
import { renderQuotePdf, type QuoteDocument } from '../src/modules/quotes/quote-pdf.ts';
import { companyIdOf, loginAs, startTestApp, type TestContext } from './helpers.ts';
import { embedsChineseFont, pdfText } from './pdf-text.ts';

let t: TestContext;
const s = {} as Record<'clerk' | 'manager' | 'admin' | 'finance' | 'buyer' | 'buyer2', string>;
let northwind: string;
let rheinland: string;
let buyerId: string;
let bottle: { id: string; moq: string };
let sheetId: string;

const DAY = 86_400_000;
const nobody = '01900000-0000-7000-8000-000000000000';

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['clerk', 'manager', 'admin', 'finance', 'buyer', 'buyer2'] as const) s[u] = await loginAs(t.app, `${u}@demo.example`);
  northwind = await companyIdOf(t.db, 'buyer@demo.example');
  rheinland = await companyIdOf(t.db, 'buyer2@demo.example');
  buyerId = (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'buyer@demo.example' } })).id;
  const p = await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } });
  bottle = { id: p.id, moq: p.moq.toFixed() };
  // The clerk costs the bottle for CIF Hamburg: the worked example of the costing tests.
  const res = await t.app.inject({ method: 'POST', url: '/api/cost-sheets', headers: { cookie: s.clerk }, payload: { name: 'Bottle CIF Hamburg', productId: bottle.id, input: worked } });
  expect(res.statusCode, res.body).toBe(201);
  sheetId = res.json().id;
});
afterAll(() => t.close());

const worked = {
  quoteCurrency: 'USD', purchaseCostInclVat: '20.00', vatRate: '0.13', rebateRate: '0.13', domesticExpensesFixed: '6000', domesticExpensesPerUnit: '0.80',
  quantity: '12000', packing: { unitsPerCarton: 24, cartonLengthCm: '60', cartonWidthCm: '40', cartonHeightCm: '50', cartonGrossWeightKg: '15' },
  freightMode: 'FCL', containerType: '40HQ', freightPerContainer: '3000', insurancePremiumRate: '0.008', commissionRate: '0.03', bankChargesRate: '0.005',
  profitBasis: 'SHARE_OF_PRICE', profitRate: '0.10', exchangeRate: '7.1',
};
/** Cost per unit behind a CIF price on that sheet: (actual cost + domestic + freight + insurance) / 7.1, in USD. */
const cifCost = new Dec('18.9991').plus('1.7750').plus('0.2132').div('7.1');
const marginAt = (price: string) => new Dec(price).minus(cifCost).div(price).toFixed(4);

const day = (offset: number) => new Date(t.clock.now().getTime() + offset * DAY).toISOString().slice(0, 10);
let inquiries = 0;

/** An inquiry as a buyer would have sent it, written directly (the inquiries API is not needed here). */
async function makeInquiry(options: { companyId?: string; createdById?: string; quantity?: string; lines?: number } = {}) {
  inquiries += 1;
  const inquiry = await t.db.prisma.inquiry.create({
    data: {
      number: `INQ-TEST-${String(inquiries).padStart(6, '0')}-${Math.random().toString(36).slice(2, 8)}`,
      buyerCompanyId: options.companyId ?? northwind,
      createdById: options.createdById ?? buyerId,
      incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
      submittedAt: t.clock.now(), lastActivityAt: t.clock.now(),
      lines: { create: Array.from({ length: options.lines ?? 1 }, (_, i) => ({ lineNo: i + 1, productId: bottle.id, description: 'Stainless steel vacuum bottle 500 ml', quantity: options.quantity ?? '12000', unit: 'pc' })) },
    },
    select: { id: true, number: true, lines: { select: { id: true }, orderBy: { lineNo: 'asc' } } },
  });
  return { id: inquiry.id, number: inquiry.number, lineIds: inquiry.lines.map((l) => l.id) };
}

type Inquiry = Awaited<ReturnType<typeof makeInquiry>>;

function draft(inquiry: Inquiry, overrides: Record<string, unknown> = {}, line: Record<string, unknown> = {}) {
  return {
    currency: 'USD', incoterm: 'CIF', namedPlace: 'Hamburg', portOfLoadingCode: 'CNNGB', portOfDischargeCode: 'DEHAM',
    paymentTerms: [
      { method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' },
      { method: 'TT', percent: '70', trigger: 'BL_COPY' },
    ],
    leadTimeDays: 35, shipmentDate: day(60), packing: '24 pcs per export carton, shipping marks as per buyer', validUntil: day(30),
    notes: 'Logo laser engraved on the body.',
    lines: [{ inquiryLineId: inquiry.lineIds[0], productId: bottle.id, costSheetId: sheetId, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000', unit: 'pc', unitPrice: '3.4126', ...line }],
    ...overrides,
  };
}

function call(method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}
const createQuote = (inquiry: Inquiry, body: object, cookie = s.clerk) => call('POST', `/api/inquiries/${inquiry.id}/quotes`, cookie, body);
const send = (quoteId: string, rev: number, cookie = s.clerk) => call('POST', `/api/quotes/${quoteId}/revisions/${rev}/send`, cookie);
const decide = (quoteId: string, rev: number, body: object, cookie = s.manager) => call('POST', `/api/quotes/${quoteId}/revisions/${rev}/approval`, cookie, body);

function expectFields(res: { statusCode: number; body: string; json(): { code: string; errors?: { field: string }[] } }, fields: string[]) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().code).toBe('VALIDATION');
  expect(res.json().errors?.map((e) => e.field).sort()).toEqual([...fields].sort());
}

/** The text drawn on the pages of an uncompressed PDF (pdfkit writes hex strings in TJ arrays). */
const auditOf = (entityId: string, action: string) => t.db.prisma.auditLog.findMany({ where: { entityType: 'QuoteRevision', entityId, action } });
const counts = async () => ({ quotes: await t.db.prisma.quote.count(), revisions: await t.db.prisma.quoteRevision.count(), lines: await t.db.prisma.quoteLine.count() });

describe('a pro-forma quote from inquiry to buyer', () => {
  let inquiry: Inquiry;
  let quoteId: string;
  let number: string;

  it('drafts PI revision 1 with amounts and margins from the cost sheet', async () => {
    inquiry = await makeInquiry();
    const res = await createQuote(inquiry, draft(inquiry));
    expect(res.statusCode, res.body).toBe(201);
    const q = res.json();
    quoteId = q.id;
    number = q.number;
    expect(number).toMatch(new RegExp(`^PI-${t.clock.now().getUTCFullYear()}-\\d{6}$`));
    expect(q).toMatchObject({ status: 'OPEN', inquiry: { id: inquiry.id, number: inquiry.number }, buyerCompany: { id: northwind, name: 'Northwind Imports Ltd' } });
    expect(q.revisions).toHaveLength(1);
    const r = q.revisions[0];
    expect(r).toMatchObject({
      revisionNo: 1, status: 'DRAFT', currency: 'USD', incoterm: 'CIF', namedPlace: 'Hamburg',
      portOfLoading: { code: 'CNNGB', name: 'Ningbo' }, portOfDischarge: { code: 'DEHAM', name: 'Hamburg' },
      paymentTermsText: 'T/T 30% on contract confirmation, T/T 70% against copy of B/L',
      paymentTerms: [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION', days: 0 }, { method: 'TT', percent: '70', trigger: 'BL_COPY', days: 0 }],
      leadTimeDays: 35, validUntil: day(30), shipmentDate: day(60), total: { amount: '40951.20', currency: 'USD' }, sentAt: null,
      pdfUrl: `/api/quotes/${quoteId}/revisions/1/pdf`,
    });
    expect(r.lines).toEqual([expect.objectContaining({
      lineNo: 1, inquiryLineId: inquiry.lineIds[0], productId: bottle.id, sku: 'DW-BTL-500', quantity: '12000', unit: 'pc',
      unitPrice: { amount: '3.4126', currency: 'USD' }, amount: { amount: '40951.20', currency: 'USD' },
    })]);
    expect(r.staff).toMatchObject({ marginRate: marginAt('3.4126'), belowMarginFloor: false, approval: null });
    expect(r.staff.lines).toEqual([{ lineId: r.lines[0].id, costSheetId: sheetId, marginRate: marginAt('3.4126'), marginFloorRate: '0.0800', belowFloor: false }]);
    expect(await auditOf(r.id, 'quote.create')).toHaveLength(1);
  });

  it('takes the product’s latest cost sheet when the line names none', async () => {
    const other = await makeInquiry();
    const res = await createQuote(other, draft(other, {}, { costSheetId: undefined, unitPrice: '3.5000' }));
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json().revisions[0];
    expect(r.staff.lines[0]).toMatchObject({ costSheetId: sheetId, marginRate: marginAt('3.5000') });
  });

  it('takes the latest cost sheet in the quote’s currency, though a newer one is costed in another', async () => {
    const euro = await call('POST', '/api/cost-sheets', s.clerk, { name: 'Bottle CIF Hamburg in EUR', productId: bottle.id, input: { ...worked, quoteCurrency: 'EUR', exchangeRate: '7.7' } });
    expect(euro.statusCode, euro.body).toBe(201);
    const usd = await makeInquiry();
    const inUsd = await createQuote(usd, draft(usd, {}, { costSheetId: undefined, unitPrice: '3.5000' }));
    expect(inUsd.statusCode, inUsd.body).toBe(201);
    expect(inUsd.json().revisions[0].staff.lines[0]).toMatchObject({ costSheetId: sheetId });
    const eur = await makeInquiry();
    const inEur = await createQuote(eur, draft(eur, { currency: 'EUR' }, { costSheetId: undefined, unitPrice: '3.5000' }));
    expect(inEur.statusCode, inEur.body).toBe(201);
    expect(inEur.json().revisions[0].staff.lines[0]).toMatchObject({ costSheetId: euro.json().id });
  });

  it('lets staff read the draft PDF and keeps the draft from the buyer', async () => {
    const pdf = await call('GET', `/api/quotes/${quoteId}/revisions/1/pdf`, s.finance);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Staff read Chinese (the demo's finance user): the PI comes in Chinese unless English is asked for.
    expect(embedsChineseFont(pdf.rawPayload)).toBe(true);
    expect(embedsChineseFont((await call('GET', `/api/quotes/${quoteId}/revisions/1/pdf?lang=en`, s.finance)).rawPayload)).toBe(false);
    expect((await call('GET', `/api/quotes/${quoteId}/revisions/1/pdf?lang=fr`, s.finance)).statusCode).toBe(400);
    expect((await call('GET', `/api/quotes/${quoteId}`, s.buyer)).statusCode).toBe(404);
    expect((await call('GET', `/api/quotes/${quoteId}/revisions/1/pdf`, s.buyer)).statusCode).toBe(404);
  });

  it('sends it: the revision, the inquiry, notifications and mail change together', async () => {
    // One of the buyer's users reads Chinese: their mail carries the PI in Chinese (see the next test).
    await t.db.prisma.user.update({ where: { email: 'purchasing@demo.example' }, data: { locale: 'zh-CN' } });
    const mailsBefore = await t.db.prisma.outboxEvent.count({ where: { topic: 'quote.sent' } });
    const res = await send(quoteId, 1);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json().revisions[0];
    expect(r).toMatchObject({ revisionNo: 1, status: 'SENT', sentAt: t.clock.now().toISOString() });

    const inq = await t.db.prisma.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } });
    expect(inq.status).toBe('QUOTED');
    expect(inq.firstResponseAt?.toISOString()).toBe(t.clock.now().toISOString());
    expect(await auditOf(r.id, 'quote.send')).toHaveLength(1);
    const notes = await t.db.prisma.notification.findMany({ where: { kind: 'quote.sent', title: { contains: number } }, select: { user: { select: { email: true } }, link: true } });
    expect(notes.map((n) => n.user.email).sort()).toEqual(['buyer@demo.example', 'purchasing@demo.example']);
    expect(notes[0]!.link).toBe(`/portal/inquiries/${inquiry.id}`);
    expect(await t.db.prisma.outboxEvent.count({ where: { topic: 'quote.sent' } })).toBe(mailsBefore + 2);
  });

  it('mails the PI as a PDF attachment to each buyer user, through the real SMTP server', async () => {
    await t.app.workers.mail.runOnce();
    const mails = t.smtp.messages.filter((m) => m.raw.includes(number));
    expect(mails.flatMap((m) => m.to).sort()).toEqual(['buyer@demo.example', 'purchasing@demo.example']);
    const raw = mails.find((m) => m.to.includes('buyer@demo.example'))!.raw;
    expect(raw).toMatch(new RegExp(`Subject: Pro-forma invoice ${number} \\(rev\\. 1\\)`));
    expect(raw).toMatch(/Content-Type: application\/pdf; name=PI-\d{4}-\d{6}-rev1\.pdf/);
    expect(raw).toContain('Dear Emma Clarke,');
    // The attachment is a real PDF.
    const body = raw.split(/Content-Type: application\/pdf[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n/)[1]!.split(/\r?\n--/)[0]!;
    expect(Buffer.from(body.replace(/\s+/g, ''), 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // Each in their language: the English reader's PI has no Chinese font, the Chinese reader's has.
    const pdfOf = (to: string) => {
      const mail = mails.find((m) => m.to.includes(to))!.raw;
      const encoded = mail.split(/Content-Type: application\/pdf[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n/)[1]!.split(/\r?\n--/)[0]!;
      return Buffer.from(encoded.replace(/\s+/g, ''), 'base64');
    };
    expect(embedsChineseFont(pdfOf('buyer@demo.example'))).toBe(false);
    expect(embedsChineseFont(pdfOf('purchasing@demo.example'))).toBe(true);
    await t.db.prisma.user.update({ where: { email: 'purchasing@demo.example' }, data: { locale: 'en' } });
  });

  it('shows the buyer the sent revision, without any costing', async () => {
    const res = await call('GET', `/api/quotes/${quoteId}`, s.buyer);
    expect(res.statusCode, res.body).toBe(200);
    const q = res.json();
    expect(q.revisions).toHaveLength(1);
    expect(q.revisions[0]).toMatchObject({ status: 'SENT', total: { amount: '40951.20', currency: 'USD' }, pdfUrl: `/api/quotes/${quoteId}/revisions/1/pdf` });
    expect(q.revisions[0]).not.toHaveProperty('staff');
    for (const secret of ['staff', 'margin', 'Margin', 'costSheet', 'cost', marginAt('3.4126'), sheetId, 'belowFloor', 'approval']) expect(res.body).not.toContain(secret);

    const pdf = await call('GET', `/api/quotes/${quoteId}/revisions/1/pdf`, s.buyer);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`inline; filename="${number}-rev1.pdf"`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.subarray(-6).toString()).toMatch(/%%EOF/);
    // The buyer reads English: their stored language wins over the browser's; ?lang= chooses.
    expect(embedsChineseFont(pdf.rawPayload)).toBe(false);
    const browserZh = await t.app.inject({ method: 'GET', url: `/api/quotes/${quoteId}/revisions/1/pdf`, headers: { cookie: s.buyer, 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(embedsChineseFont(browserZh.rawPayload)).toBe(false);
    expect(embedsChineseFont((await call('GET', `/api/quotes/${quoteId}/revisions/1/pdf?lang=zh`, s.buyer)).rawPayload)).toBe(true);
  });

  it('never changes a sent revision', async () => {
    const res = await call('PUT', `/api/quotes/${quoteId}/revisions/1`, s.clerk, draft(inquiry, {}, { unitPrice: '3.0000' }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', detail: 'a sent revision cannot change; make a new revision' });
    expect((await send(quoteId, 1)).statusCode).toBe(409);
    const line = await t.db.prisma.quoteLine.findFirstOrThrow({ where: { revision: { quoteId, revisionNo: 1 } } });
    expect(line.unitPrice.toFixed(4)).toBe('3.4126');
  });

  it('adds revision 2 to the same PI; sending it supersedes revision 1', async () => {
    const created = await createQuote(inquiry, draft(inquiry, { validUntil: day(45) }, { unitPrice: '3.3900' }));
    expect(created.statusCode, created.body).toBe(201);
    const q = created.json();
    expect(q).toMatchObject({ id: quoteId, number });
    expect(q.revisions.map((r: { revisionNo: number; status: string }) => [r.revisionNo, r.status])).toEqual([[2, 'DRAFT'], [1, 'SENT']]);
    // One draft at a time.
    const again = await createQuote(inquiry, draft(inquiry));
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('already has a draft (revision 2)');
    // The buyer still sees only what was sent.
    expect((await call('GET', `/api/quotes/${quoteId}`, s.buyer)).json().revisions.map((r: { revisionNo: number }) => r.revisionNo)).toEqual([1]);
    // The draft can be edited.
    const edited = await call('PUT', `/api/quotes/${quoteId}/revisions/2`, s.clerk, draft(inquiry, { validUntil: day(45), leadTimeDays: 40 }, { unitPrice: '3.4000' }));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().revisions[0]).toMatchObject({ revisionNo: 2, leadTimeDays: 40, total: { amount: '40800.00' } });

    t.clock.advance(60_000);
    expect((await send(quoteId, 2)).statusCode).toBe(200);
    const seen = (await call('GET', `/api/quotes/${quoteId}`, s.buyer)).json();
    expect(seen.revisions.map((r: { revisionNo: number; status: string }) => [r.revisionNo, r.status])).toEqual([[2, 'SENT'], [1, 'SUPERSEDED']]);
    // The first answer stays the first.
    const inq = await t.db.prisma.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } });
    expect(inq.firstResponseAt!.getTime()).toBeLessThan(t.clock.now().getTime());
  });
});

describe('below the margin floor', () => {
  let inquiry: Inquiry;
  let quoteId: string;
  let number: string;
  let clerkId: string;
  const low = '3.1000';

  beforeAll(async () => {
    clerkId = (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'clerk@demo.example' } })).id;
  });

  it('is flagged on the draft, needs the clerk’s reason, and goes to the managers when sent', async () => {
    inquiry = await makeInquiry();
    const bare = await createQuote(inquiry, draft(inquiry, {}, { unitPrice: low }));
    expect(bare.statusCode, bare.body).toBe(201);
    const refused = await send(bare.json().id, 1);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'belowFloorReason', message: expect.stringMatching(/below the margin floor/) }]);
    expect((await t.db.prisma.quoteRevision.findFirstOrThrow({ where: { quoteId: bare.json().id } })).status).toBe('DRAFT');
    const created = await call('PUT', `/api/quotes/${bare.json().id}/revisions/1`, s.clerk, draft(inquiry, { belowFloorReason: 'Opening order of a new account' }, { unitPrice: low }));
    expect(created.statusCode, created.body).toBe(200);
    quoteId = created.json().id;
    number = created.json().number;
    const margin = marginAt(low);
    expect(Number(margin)).toBeLessThan(0.08);
    expect(created.json().revisions[0].staff).toMatchObject({ marginRate: margin, belowMarginFloor: true });
    expect(created.json().revisions[0].staff.lines[0]).toMatchObject({ belowFloor: true, marginFloorRate: '0.0800' });

    const res = await send(quoteId, 1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revisions[0].status).toBe('PENDING_APPROVAL');
    // Nothing reaches the buyer yet.
    expect(await t.db.prisma.outboxEvent.count({ where: { topic: 'quote.sent', payload: { path: ['subject'], string_contains: number } } })).toBe(0);
    expect((await t.db.prisma.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } })).status).toBe('SUBMITTED');

    // The manager reads Chinese: the margin and the floor as percentages, the total with its currency, grouped.
    const title = `${number} 待您审批：利润率 ${new Dec(margin).times(100).toFixed(1)}%，低于下限 8.0%`;
    const note = await t.db.prisma.notification.findFirstOrThrow({ where: { kind: 'quote.approval', title }, select: { link: true, body: true, user: { select: { email: true } } } });
    expect(note).toMatchObject({ link: '/staff/approvals', user: { email: 'manager@demo.example' } });
    expect(note.body).toMatch(/^Northwind Imports Ltd 的第 1 版，US\$\d{1,3}(,\d{3})*\.\d{2} CIF /);
    await t.app.workers.mail.runOnce();
    const mail = t.smtp.messages.map((m) => ({ to: m.to, ...readMail(m.raw) })).find((m) => m.subject === title);
    expect(mail?.to).toEqual(['manager@demo.example']);
    expect(mail?.text).toContain('http://portal.test/staff/approvals');
    expect(mail?.text).toContain('该报价低于利润率下限，需经您审批后才能发给买方。');
  });

  it('cannot be sent or approved by the clerk, nor edited while waiting', async () => {
    const again = await send(quoteId, 1);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/waits for a manager/);
    expect((await decide(quoteId, 1, { decision: 'APPROVE' }, s.clerk)).statusCode).toBe(403);
    expect((await call('PUT', `/api/quotes/${quoteId}/revisions/1`, s.clerk, draft(inquiry))).statusCode).toBe(409);
  });

  it('is listed for managers', async () => {
    const res = await call('GET', '/api/approvals/quotes', s.manager);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toContainEqual({
      quoteId, quoteNumber: number, revisionNo: 1, buyerCompany: 'Northwind Imports Ltd', total: { amount: '37200.00', currency: 'USD' },
      marginRate: marginAt(low), marginFloorRate: '0.0800', belowFloorReason: 'Opening order of a new account', submittedBy: 'Li Na', submittedAt: t.clock.now().toISOString(),
    });
    expect((await call('GET', '/api/approvals/quotes', s.clerk)).statusCode).toBe(403);
  });

  it('needs a comment to be sent back, and then returns to the clerk as a draft', async () => {
    const bare = await decide(quoteId, 1, { decision: 'REJECT' });
    expectFields(bare, ['body.comment']);
    const blank = await decide(quoteId, 1, { decision: 'REJECT', comment: '   ' });
    expectFields(blank, ['body.comment']);
    expect((await t.db.prisma.quoteRevision.findFirstOrThrow({ where: { quoteId } })).status).toBe('PENDING_APPROVAL');

    const res = await decide(quoteId, 1, { decision: 'REJECT', comment: 'Too cheap for CIF; try 3.30 or FOB.' });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json().revisions[0];
    expect(r.status).toBe('DRAFT');
    expect(r.staff).toMatchObject({ approval: null, returned: { by: 'Zhang Wei', comment: 'Too cheap for CIF; try 3.30 or FOB.' } });
    const note = await t.db.prisma.notification.findFirstOrThrow({ where: { kind: 'quote.returned', userId: clerkId, title: { contains: number } } });
    expect(note.body).toBe('Too cheap for CIF; try 3.30 or FOB.');
    expect(await auditOf(r.id, 'quote.reject')).toHaveLength(1);
    expect((await call('GET', '/api/approvals/quotes', s.manager)).json().map((p: { quoteId: string }) => p.quoteId)).not.toContain(quoteId);
    // Only what waits for approval can be decided.
    expect((await decide(quoteId, 1, { decision: 'APPROVE' })).statusCode).toBe(409);
  });

  it('is sent once a manager approves, keeping the approval', async () => {
    const edited = await call('PUT', `/api/quotes/${quoteId}/revisions/1`, s.clerk, draft(inquiry, { belowFloorReason: 'Opening order of a new account' }, { unitPrice: '3.1500' }));
    expect(edited.statusCode, edited.body).toBe(200);
    // The manager's reason stays with the draft while the clerk works on it.
    expect(edited.json().revisions[0].staff.returned).toMatchObject({ comment: 'Too cheap for CIF; try 3.30 or FOB.' });
    expect((await send(quoteId, 1)).json().revisions[0].status).toBe('PENDING_APPROVAL');

    t.clock.advance(5 * 60_000);
    const res = await decide(quoteId, 1, { decision: 'APPROVE', comment: 'Approved: strategic account, first order.' });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json().revisions[0];
    expect(r).toMatchObject({ status: 'SENT', sentAt: t.clock.now().toISOString(), total: { amount: '37800.00' } });
    expect(r.staff).toMatchObject({
      belowMarginFloor: true,
      approval: { by: 'Zhang Wei', at: t.clock.now().toISOString(), comment: 'Approved: strategic account, first order.' },
    });
    expect(await auditOf(r.id, 'quote.approve')).toHaveLength(1);
    expect(await auditOf(r.id, 'quote.send')).toHaveLength(1);
    expect((await t.db.prisma.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } })).status).toBe('QUOTED');
    expect(await t.db.prisma.outboxEvent.count({ where: { topic: 'quote.sent', payload: { path: ['subject'], string_contains: number } } })).toBe(2);
    // The buyer sees the quote, not the approval.
    const seen = await call('GET', `/api/quotes/${quoteId}`, s.buyer);
    expect(seen.json().revisions[0].status).toBe('SENT');
    expect(seen.body).not.toMatch(/strategic account|approval|Zhang Wei/);
  });
});

describe('who may see and do what', () => {
  let quoteId: string;
  let inquiry: Inquiry;

  beforeAll(async () => {
    inquiry = await makeInquiry();
    quoteId = (await createQuote(inquiry, draft(inquiry))).json().id;
    expect((await send(quoteId, 1)).statusCode).toBe(200);
  });

  it('answers another company’s buyer 404, as for a quote that does not exist', async () => {
    const foreign = await call('GET', `/api/quotes/${quoteId}`, s.buyer2);
    expect(foreign.statusCode).toBe(404);
    const ghost = await call('GET', `/api/quotes/${nobody}`, s.buyer2);
    expect(ghost.json().detail).toBe(foreign.json().detail);
    expect(foreign.body).not.toContain('Northwind');
    expect((await call('GET', `/api/quotes/${quoteId}/revisions/1/pdf`, s.buyer2)).statusCode).toBe(404);
    expect((await call('GET', `/api/quotes/${quoteId}/revisions/9/pdf`, s.buyer)).statusCode).toBe(404);
  });

  it('does not let buyers draft, send or approve', async () => {
    const before = await counts();
    expect((await createQuote(inquiry, draft(inquiry), s.buyer)).statusCode).toBe(403);
    expect((await send(quoteId, 1, s.buyer)).statusCode).toBe(403);
    expect((await decide(quoteId, 1, { decision: 'APPROVE' }, s.buyer)).statusCode).toBe(403);
    expect((await call('PUT', `/api/quotes/${quoteId}/revisions/1`, s.buyer, draft(inquiry))).statusCode).toBe(403);
    expect((await call('GET', '/api/approvals/quotes', s.buyer)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('lets a Rheinland buyer read their own PI', async () => {
    const buyer2Id = (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'buyer2@demo.example' } })).id;
    const theirs = await makeInquiry({ companyId: rheinland, createdById: buyer2Id });
    const id = (await createQuote(theirs, draft(theirs))).json().id;
    await send(id, 1);
    expect((await call('GET', `/api/quotes/${id}`, s.buyer2)).statusCode).toBe(200);
    expect((await call('GET', `/api/quotes/${id}`, s.buyer)).statusCode).toBe(404);
  });
});

describe('bad drafts', () => {
  let inquiry: Inquiry;
  beforeAll(async () => {
    inquiry = await makeInquiry();
  });

  const cases: [string, (i: Inquiry) => object, string[]][] = [
    ['instalments not adding up to 100%', (i) => draft(i, { paymentTerms: [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'TT', percent: '60', trigger: 'BL_COPY' }] }), ['body.paymentTerms']],
    ['a validity date in the past', (i) => draft(i, { validUntil: day(-1) }), ['body.validUntil']],
    ['a validity date of today', (i) => draft(i, { validUntil: day(0) }), ['body.validUntil']],
    ['an impossible date', (i) => draft(i, { validUntil: '2026-02-30' }), ['body.validUntil']],
    ['a shipment date in the past', (i) => draft(i, { shipmentDate: day(-3) }), ['body.shipmentDate']],
    ['a negative price', (i) => draft(i, {}, { unitPrice: '-3.20' }), ['body.lines.0.unitPrice']],
    ['an absurd price', (i) => draft(i, {}, { unitPrice: '99999999999' }), ['body.lines.0.unitPrice']],
    ['a zero price', (i) => draft(i, {}, { unitPrice: '0.0000' }), ['body.lines.0.unitPrice']],
    ['a price with 5 decimals', (i) => draft(i, {}, { unitPrice: '3.12345' }), ['body.lines.0.unitPrice']],
    ['an unknown inquiry line', (i) => draft(i, {}, { inquiryLineId: nobody }), ['body.lines.0.inquiryLineId']],
    ['a quantity below the MOQ', (i) => draft(i, {}, { quantity: '999' }), ['body.lines.0.quantity']],
    ['an unknown product', (i) => draft(i, {}, { productId: nobody, costSheetId: undefined }), ['body.lines.0.productId']],
    ['an unknown cost sheet', (i) => draft(i, {}, { costSheetId: nobody }), ['body.lines.0.costSheetId']],
    ['an unknown port', (i) => draft(i, { portOfDischargeCode: 'XXABC' }), ['body.portOfDischargeCode']],
    ['an unknown Incoterm', (i) => draft(i, { incoterm: 'FOR' }), ['body.incoterm']],
    ['a currency we do not invoice in', (i) => draft(i, { currency: 'XAU' }), ['body.currency']],
    ['unknown fields', (i) => ({ ...draft(i), discount: '5%' }), ['body.discount']],
    ['an unknown line field', (i) => draft(i, {}, { margin: '0.2' }), ['body.lines.0.margin']],
    ['no lines', (i) => draft(i, { lines: [] }), ['body.lines']],
    ['several faults at once', (i) => draft(i, { validUntil: day(-10), portOfLoadingCode: 'ZZZZZ' }, { quantity: '10' }), ['body.validUntil', 'body.portOfLoadingCode', 'body.lines.0.quantity']],
  ];

  it.each(cases)('refuses %s with 400 naming the field, and writes nothing', async (_name, body, fields) => {
    const before = await counts();
    const res = await createQuote(inquiry, body(inquiry));
    expectFields(res, fields);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await counts()).toEqual(before);
  });

  it('names the MOQ and its unit', async () => {
    const res = await createQuote(inquiry, draft(inquiry, {}, { quantity: '999' }));
    expect(res.json().errors[0].message).toContain(`${bottle.moq} pc`);
  });

  it('refuses a cost sheet that cannot cost the Incoterm', async () => {
    const fobOnly = await call('POST', '/api/cost-sheets', s.clerk, { name: 'FOB only', productId: bottle.id, input: { ...worked, freightMode: 'NONE', packing: undefined, containerType: undefined, freightPerContainer: undefined } });
    const res = await createQuote(inquiry, draft(inquiry, {}, { costSheetId: fobOnly.json().id }));
    expectFields(res, ['body.lines.0.costSheetId']);
    expect(res.json().errors[0].message).toMatch(/no freight/);
    // …but serves an FOB quote.
    const fob = await createQuote(inquiry, draft(inquiry, { incoterm: 'FOB', namedPlace: 'Ningbo' }, { costSheetId: fobOnly.json().id, unitPrice: '3.0936' }));
    expect(fob.statusCode, fob.body).toBe(201);
    expect(fob.json().revisions[0].staff.marginRate).toBe(new Dec('3.0936').minus(new Dec('18.9991').div('7.1')).div('3.0936').toFixed(4));
  });

  it('answers 404 for an unknown inquiry and 400 for a malformed id', async () => {
    const res = await call('POST', `/api/inquiries/${nobody}/quotes`, s.clerk, draft(inquiry));
    expect(res.statusCode).toBe(404);
    expect((await call('POST', '/api/inquiries/not-an-id/quotes', s.clerk, draft(inquiry))).statusCode).toBe(400);
    expect((await call('GET', `/api/quotes/${nobody}/revisions/0/pdf`, s.clerk)).statusCode).toBe(400);
  });
});

describe('expiry', () => {
  it('reads a sent revision past its validity as expired, recorded once', async () => {
    const inquiry = await makeInquiry();
    const quoteId = (await createQuote(inquiry, draft(inquiry, { validUntil: day(1), shipmentDate: undefined }))).json().id;
    expect((await send(quoteId, 1)).statusCode).toBe(200);
    expect((await call('GET', `/api/quotes/${quoteId}`, s.buyer)).json().revisions[0].status).toBe('SENT');

    t.clock.advance(3 * DAY);
    const first = await call('GET', `/api/quotes/${quoteId}`, s.buyer);
    expect(first.json().revisions[0].status).toBe('EXPIRED');
    const second = await call('GET', `/api/quotes/${quoteId}`, s.clerk);
    expect(second.json().revisions[0].status).toBe('EXPIRED');
    const revId = second.json().revisions[0].id;
    expect(await auditOf(revId, 'quote.expire')).toHaveLength(1);
    // An expired offer cannot be sent again; a new revision can be made.
    expect((await send(quoteId, 1)).statusCode).toBe(409);
    const next = await createQuote(inquiry, draft(inquiry, { validUntil: day(20), shipmentDate: undefined }));
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().revisions.map((r: { revisionNo: number; status: string }) => [r.revisionNo, r.status])).toEqual([[2, 'DRAFT'], [1, 'EXPIRED']]);
  });
});

describe('numbering', () => {
  beforeAll(() => {
    // Into the next year: the 10 PIs below also race to open its number series.
    const now = t.clock.now();
    t.clock.advance(Date.UTC(now.getUTCFullYear() + 1, 0, 1, 1) - now.getTime());
  });

  it('gives 10 PIs created at once 10 distinct consecutive numbers', async () => {
    const batch = await Promise.all(Array.from({ length: 10 }, () => makeInquiry()));
    const results = await Promise.all(batch.map((i) => createQuote(i, draft(i))));
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const numbers = results.map((r) => r.json().number as string);
    expect(new Set(numbers).size).toBe(10);
    const year = t.clock.now().getUTCFullYear();
    expect(numbers.every((n) => n.startsWith(`PI-${year}-`))).toBe(true);
    expect(numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('opens one PI for concurrent drafts of one inquiry', async () => {
    const inquiry = await makeInquiry();
    const results = await Promise.all(Array.from({ length: 3 }, () => createQuote(inquiry, draft(inquiry))));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await t.db.prisma.quote.count({ where: { inquiryId: inquiry.id } })).toBe(1);
  });
});

describe('the PI document', () => {
  const pi: QuoteDocument = {
    number: 'PI-2026-000123', revisionNo: 2, date: '2026-05-04', validUntil: '2026-06-03', draft: false,
    seller: { name: 'Ningbo Harbour Homeware Co., Ltd.', addressLines: ['No. 88 Gangwan Road, Beilun District', '315800 Ningbo'], country: 'China', taxId: '91330206MA2CH8XXXX', phone: '+86 574 8688 0000', website: 'https://harbour-homeware.example' },
    buyer: { name: 'Łódź Trading Sp. z o.o.', addressLines: ['ul. Piotrkowska 1', '90-001 Łódź'], country: 'Poland', taxId: 'PL1234567890', phone: null },
    currency: 'USD', incoterm: 'CIF', namedPlace: 'Gdansk', portOfLoading: 'Ningbo, China (CNNGB)', portOfDischarge: 'Gdansk, Poland (PLGDN)',
    paymentTerms: 'T/T 30% on contract confirmation, T/T 70% against copy of B/L', leadTimeDays: 35, shipmentDate: '2026-07-15',
    packing: '50 pcs per carton', notes: null, bankDetails: 'Bank of China, SWIFT BKCHCNBJ92A', inquiryNumber: 'INQ-2026-000045', paymentReferences: [],
    lines: [
      { no: 1, description: 'Stainless steel vacuum bottle 500 ml', sku: 'DW-BTL-500', quantity: '12000', unit: 'pc', unitPrice: '3.0936', amount: '37123.20' },
      { no: 2, description: 'Cotton T-shirt 180 g/m²', sku: 'TX-TEE-180', quantity: '5000', unit: 'pc', unitPrice: '2.3500', amount: '11750.00' },
    ],
    total: '48873.20',
  };

  it('is a PDF with the PI number, lines, total and terms', async () => {
    const pdf = await renderQuotePdf(pi, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\bBT\b/g)!.length).toBeGreaterThan(20);
    const text = pdfText(pdf);
    for (const expected of ['PRO-FORMA INVOICE', 'PI-2026-000123', 'USD 48,873.20', '37,123.20', '3.0936', '12,000', 'CIF Gdansk, Incoterms® 2020', 'T/T 30% on contract confirmation', 'Bank of China', 'DW-BTL-500', 'SAY US DOLLARS FORTY-EIGHT THOUSAND EIGHT HUNDRED AND SEVENTY-THREE AND CENTS TWENTY ONLY', 'Page 1 of 1']) {
      expect(text).toContain(expected);
    }
    // Helvetica has ó but not Ł: the name stays readable rather than broken.
    expect(text).toContain('Lódz Trading Sp. z o.o.');
    expect(text).not.toContain('DRAFT');
  });

  it('prints the payment references of the confirmed contract’s schedule, so that the bank statement brings them back', async () => {
    const paymentReferences = [
      { reference: 'RF83 SC20 2600 0001 01', description: 'T/T 30% on contract confirmation', amount: '14661.96', dueDate: '2026-05-10' },
      { reference: 'RF56 SC20 2600 0001 02', description: 'T/T 70% against copy of B/L', amount: '34211.24', dueDate: null },
    ];
    const text = pdfText(await renderQuotePdf({ ...pi, paymentReferences }, { compress: false }));
    for (const expected of ['PAYMENT REFERENCES: QUOTE ONE WITH EACH PAYMENT', 'RF83 SC20 2600 0001 01   T/T 30% on contract confirmation: USD 14,661.96, due May 10, 2026', 'RF56 SC20 2600 0001 02   T/T 70% against copy of B/L: USD 34,211.24']) {
      expect(text).toContain(expected);
    }
    expect(pdfText(await renderQuotePdf(pi, { compress: false }))).not.toContain('PAYMENT REFERENCES');
  });

  it('renders the same PI to the same bytes, and marks drafts', async () => {
    expect((await renderQuotePdf(pi)).equals(await renderQuotePdf(pi))).toBe(true);
    expect(pdfText(await renderQuotePdf({ ...pi, draft: true }, { compress: false }))).toContain('DRAFT');
  });

  it('prints in Chinese for a Chinese reader: labels, conditions, dates and money for the locale, the text searchable', async () => {
    const zh = await renderQuotePdf(pi, { compress: false, lang: 'zh' });
    expect(embedsChineseFont(zh)).toBe(true);
    const text = pdfText(zh);
    for (const expected of ['形式发票', '发票号', '有效期至', '2026年6月3日', '不迟于 2026年7月15日', '订单确认并收到定金后 35 天', '货物描述', '单价 USD', 'US$48,873.20', '37,123.20', '合计 CIF Gdansk', '货号 DW-BTL-500', '收款银行信息', '卖方所在国以外的银行费用由买方承担', '第 1 页，共 1 页', 'Trading Sp. z o.o.']) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('PRO-FORMA INVOICE');
    expect(text).not.toContain('Description of goods');
    // The amount in words in Chinese financial capitals, not the banks' English.
    expect(text).toContain('美元肆万捌仟捌佰柒拾叁元贰角');
    expect(text).not.toContain('SAY US DOLLARS');
    // The English PI: English dates, and no Chinese font embedded.
    const en = await renderQuotePdf(pi, { compress: false });
    expect(pdfText(en)).toContain('June 3, 2026');
    expect(embedsChineseFont(en)).toBe(false);
    expect((await renderQuotePdf(pi, { lang: 'zh' })).equals(await renderQuotePdf(pi, { lang: 'zh' }))).toBe(true);
    expect(pdfText(await renderQuotePdf({ ...pi, draft: true }, { compress: false, lang: 'zh' }))).toContain('草稿');
  });

  it('sets text Helvetica cannot draw (a Chinese description) in the Chinese face, also in an English PI', async () => {
    const mixed = { ...pi, lines: [{ ...pi.lines[0]!, description: '不锈钢真空保温瓶 500 ml' }] };
    const pdf = await renderQuotePdf(mixed, { compress: false });
    expect(embedsChineseFont(pdf)).toBe(true);
    expect(pdfText(pdf)).toContain('不锈钢真空保温瓶 500 ml');
    expect(pdfText(pdf)).toContain('PRO-FORMA INVOICE');
  });

  it('continues the lines table over pages', async () => {
    const many = { ...pi, lines: Array.from({ length: 60 }, (_, i) => ({ ...pi.lines[0]!, no: i + 1 })) };
    const text = pdfText(await renderQuotePdf(many, { compress: false }));
    expect(text).toMatch(/Page 1 of [2-9]/);
    expect(text.match(/Description of goods/g)!.length).toBeGreaterThan(1);
  });
});
