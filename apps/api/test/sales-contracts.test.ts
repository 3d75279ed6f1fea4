import { describe, expect, it } from 'vitest';
import { readMail } from '@portal/mail/testing';
import { loginAs } from './helpers.ts';
import { t, s, bottle, DAY, nobody, day, call, draft, quotedInquiry, expectFields } from './trade-fixture.ts';

const contractsOf = (quoteId: string) => t.db.prisma.salesContract.findMany({ where: { quoteRevision: { quoteId } }, select: { id: true, number: true, quoteRevisionId: true } });
const accept = (quoteId: string, rev: number, cookie = s.buyer) => call('POST', `/api/quotes/${quoteId}/revisions/${rev}/accept`, cookie);

/** A quoted inquiry that the clerk answered again: revision 2, sent, supersedes revision 1. */
async function requotedInquiry() {
  const q = await quotedInquiry();
  expect((await call('POST', `/api/inquiries/${q.inquiryId}/quotes`, s.clerk, draft(q.inquiryLineId, {}, { unitPrice: '3.3500' }))).statusCode).toBe(201);
  expect((await call('POST', `/api/quotes/${q.quoteId}/revisions/2/send`, s.clerk)).statusCode).toBe(200);
  return q;
}

/** The sales contract the buyer's accept of revision 2 issued (revision 1 superseded); confirmed by the buyer when asked. */
async function issuedContract(options: { confirmed?: boolean } = {}) {
  const q = await requotedInquiry();
  const res = await accept(q.quoteId, 2);
  expect(res.statusCode, res.body).toBe(201);
  const { id: contractId, number } = res.json() as { id: string; number: string };
  if (options.confirmed) expect((await call('POST', `/api/contracts/${contractId}/confirm`, s.buyer)).statusCode).toBe(200);
  return { q, contractId, number };
}

describe('accepting a revision issues the sales contract', () => {
  it('refuses a superseded revision with 409 and an explanation', async () => {
    const q = await requotedInquiry();
    const res = await accept(q.quoteId, 1);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', detail: expect.stringMatching(/revision 1 was superseded by a newer revision/) });
    expect(await contractsOf(q.quoteId)).toEqual([]);
  });

  it('hides the revision from another company and from staff', async () => {
    const q = await requotedInquiry();
    expect((await accept(q.quoteId, 2, s.buyer2)).statusCode).toBe(404);
    expect((await accept(q.quoteId, 2, s.clerk)).statusCode).toBe(403);
    expect((await accept(q.quoteId, 9)).statusCode).toBe(404);
    expect(await contractsOf(q.quoteId)).toEqual([]);
  });

  it('creates the contract from revision 2 with all its terms', async () => {
    const q = await requotedInquiry();
    const res = await accept(q.quoteId, 2);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    const contractId = c.id;
    const number = c.number;
    expect(number).toMatch(new RegExp(`^SC-${t.clock.now().getUTCFullYear()}-\\d{6}$`));
    expect(c).toMatchObject({
      status: 'ISSUED', quote: { id: q.quoteId, revisionNo: 2 }, inquiry: { id: q.inquiryId },
      seller: { name: 'Ningbo Harbour Homeware Co., Ltd.', country: 'China', addressLines: expect.arrayContaining(['No. 88 Gangwan Road, Beilun District']) },
      buyer: { name: 'Northwind Imports Ltd' },
      currency: 'USD', total: { amount: '40200.00', currency: 'USD' },
      lines: [{ lineNo: 1, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000', unit: 'pc', unitPrice: { amount: '3.3500' }, amount: { amount: '40200.00' } }],
      incoterm: 'CIF', namedPlace: 'Hamburg', portOfLoading: { code: 'CNNGB', name: 'Ningbo' }, portOfDischarge: { code: 'DEHAM', name: 'Hamburg' },
      latestShipmentDate: day(60), partialShipmentAllowed: false, transhipmentAllowed: true, packing: '24 pcs per export carton',
      insurance: expect.stringContaining('110% of the invoice value against Institute Cargo Clauses (C)'),
      claimsClause: expect.stringContaining('within 30 days'),
      paymentMethod: 'TT', paymentTermsText: 'T/T 30% on contract confirmation, T/T 70% against copy of B/L',
      paymentTerms: [
        { seq: 1, method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION', days: 0, amount: { amount: '12060.00', currency: 'USD' } },
        { seq: 2, method: 'TT', percent: '70', trigger: 'BL_COPY', days: 0, amount: { amount: '28140.00', currency: 'USD' } },
      ],
      lc: null, amendmentNo: 0, amendments: [], confirmedAt: null, pdfUrl: `/api/contracts/${contractId}/pdf`,
    });
    const rev = await t.db.prisma.quoteRevision.findFirstOrThrow({ where: { quoteId: q.quoteId, revisionNo: 2 }, select: { id: true, status: true, acceptedBy: { select: { email: true } }, respondedAt: true } });
    expect(rev).toMatchObject({ status: 'ACCEPTED', acceptedBy: { email: 'buyer@demo.example' } });
    expect(rev.respondedAt).not.toBeNull();
    expect((await t.db.prisma.quote.findUniqueOrThrow({ where: { id: q.quoteId } })).status).toBe('ACCEPTED');
    expect((await t.db.prisma.inquiry.findUniqueOrThrow({ where: { id: q.inquiryId } })).status).toBe('ACCEPTED');
    expect(await t.db.prisma.auditLog.count({ where: { action: 'quote.accept', entityId: rev.id } })).toBe(1);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'contract.issue', entityId: contractId } })).toBe(1);
    // Both sides are told.
    const notes = await t.db.prisma.notification.findMany({ where: { kind: 'contract.issued', link: { contains: contractId } }, select: { user: { select: { email: true } } } });
    expect(notes.map((n) => n.user.email).sort()).toEqual(['buyer@demo.example', 'clerk@demo.example', 'purchasing@demo.example']);
    const thread = (await call('GET', `/api/inquiries/${q.inquiryId}/messages`, s.buyer)).json();
    expect(thread.messages.at(-1)).toMatchObject({ kind: 'SYSTEM', body: expect.stringContaining(number) });
  });

  it('answers a repeated accept with the same contract (200), and revision 1 still with 409', async () => {
    const { q, contractId, number } = await issuedContract();
    const again = await accept(q.quoteId, 2);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id: contractId, number });
    expect(await contractsOf(q.quoteId)).toHaveLength(1);
    expect((await accept(q.quoteId, 1)).statusCode).toBe(409);
    expect((await accept(q.quoteId, 2, s.buyer2)).statusCode).toBe(404);
  });

  it('mails the sales confirmation as a PDF to the buyer’s users through the real SMTP server', async () => {
    const { number } = await issuedContract();
    // Deliver everything due, this contract's mail among it.
    while ((await t.app.workers.mail.runOnce()) > 0);
    const mails = t.smtp.messages.filter((m) => m.raw.includes(`Subject: Sales contract ${number} issued`));
    expect(mails.flatMap((m) => m.to).sort()).toEqual(['buyer@demo.example', 'purchasing@demo.example']);
    const raw = mails[0]!.raw;
    expect(raw).toMatch(new RegExp(`Content-Type: application/pdf; name=${number}\\.pdf`));
    const body = raw.split(/Content-Type: application\/pdf[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n/)[1]!.split(/\r?\n--/)[0]!;
    expect(Buffer.from(body.replace(/\s+/g, ''), 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // The clerk hears of it in Chinese, with the total grouped and its currency.
    const toClerk = t.smtp.messages.filter((m) => m.to.includes('clerk@demo.example')).map((m) => readMail(m.raw)).find((m) => m.subject.includes(number));
    expect(toClerk?.subject).toMatch(new RegExp(`^Northwind Imports Ltd 接受了 PI-\\d{4}-\\d{6} 第 \\d+ 版：合同 ${number}$`));
    expect(toClerk?.text).toMatch(/US\$\d{1,3}(,\d{3})+\.\d{2} /);
  });

  it('serves the contract and its PDF to the buyer and staff, never to another company', async () => {
    const { contractId } = await issuedContract();
    expect((await call('GET', `/api/contracts/${contractId}`, s.buyer)).statusCode).toBe(200);
    expect((await call('GET', `/api/contracts/${contractId}`, s.finance)).statusCode).toBe(200);
    const foreign = await call('GET', `/api/contracts/${contractId}`, s.buyer2);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().detail).toBe((await call('GET', `/api/contracts/${nobody}`, s.buyer2)).json().detail);
    expect((await call('GET', `/api/contracts/${contractId}/pdf`, s.buyer2)).statusCode).toBe(404);
    const pdf = await call('GET', `/api/contracts/${contractId}/pdf`, s.buyer);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call('GET', '/api/contracts', s.buyer)).json().map((c: { id: string }) => c.id)).toContain(contractId);
    expect((await call('GET', '/api/contracts', s.buyer2)).json().map((c: { id: string }) => c.id)).not.toContain(contractId);
    expect((await call('GET', '/api/contracts?status=ISSUED', s.clerk)).json().map((c: { id: string }) => c.id)).toContain(contractId);
  });

  it('is confirmed by the buyer, once; not by another company', async () => {
    const { contractId } = await issuedContract();
    expect((await call('POST', `/api/contracts/${contractId}/confirm`, s.buyer2)).statusCode).toBe(404);
    expect((await call('POST', `/api/contracts/${contractId}/confirm`, s.clerk)).statusCode).toBe(403);
    t.clock.advance(60_000);
    const res = await call('POST', `/api/contracts/${contractId}/confirm`, s.buyer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'CONFIRMED', confirmedBy: 'Emma Clarke', confirmedAt: t.clock.now().toISOString() });
    expect((await call('POST', `/api/contracts/${contractId}/confirm`, s.buyer)).statusCode).toBe(409);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'contract.confirm', entityId: contractId } })).toBe(1);
    expect(await t.db.prisma.notification.count({ where: { kind: 'contract.confirmed', link: { contains: contractId } } })).toBe(1);
  });

  it('takes numbered amendments that apply once the buyer confirms them', async () => {
    const { contractId, number } = await issuedContract({ confirmed: true });
    const body = { reason: 'Vessel space: shipment two weeks later', changes: { latestShipmentDate: day(74), shippingMarks: 'NORTHWIND / HAMBURG / C/NO. 1-UP' } };
    expect((await call('POST', `/api/contracts/${contractId}/amendments`, s.buyer, body)).statusCode).toBe(403);
    expectFields(await call('POST', `/api/contracts/${contractId}/amendments`, s.clerk, { reason: 'nothing', changes: {} }), ['body.changes']);
    const proposed = await call('POST', `/api/contracts/${contractId}/amendments`, s.clerk, body);
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json()).toMatchObject({ amendmentNo: 0, latestShipmentDate: day(60), amendments: [{ number: 1, status: 'PROPOSED', changes: [{ field: 'latestShipmentDate', from: day(60), to: day(74) }, { field: 'shippingMarks' }] }] });
    expect((await call('POST', `/api/contracts/${contractId}/amendments`, s.clerk, body)).statusCode).toBe(409);
    expect((await call('POST', `/api/contracts/${contractId}/amendments/1/confirm`, s.buyer2)).statusCode).toBe(404);
    expect((await call('POST', `/api/contracts/${contractId}/amendments/2/confirm`, s.buyer)).statusCode).toBe(404);
    const confirmed = await call('POST', `/api/contracts/${contractId}/amendments/1/confirm`, s.buyer);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ amendmentNo: 1, latestShipmentDate: day(74), shippingMarks: 'NORTHWIND / HAMBURG / C/NO. 1-UP', amendments: [{ number: 1, status: 'CONFIRMED', confirmedBy: 'Emma Clarke' }] });
    expect((await call('POST', `/api/contracts/${contractId}/amendments/1/confirm`, s.buyer)).statusCode).toBe(409);
    expect(await t.db.prisma.auditLog.count({ where: { action: { in: ['contract.amendment.propose', 'contract.amendment.confirm'] } } })).toBe(2);
    const pdf = await call('GET', `/api/contracts/${contractId}/pdf`, s.buyer);
    expect(pdf.headers['content-disposition']).toBe(`inline; filename="${number}-A1.pdf"`);
  });
});

describe('many accepts at once', () => {
  it('create exactly one contract; every answer is that contract', async () => {
    const q = await quotedInquiry();
    const revisionId = (await t.db.prisma.quoteRevision.findFirstOrThrow({ where: { quoteId: q.quoteId, revisionNo: 1 } })).id;
    const purchasing = await loginAs(t.app, 'purchasing@demo.example');
    const numbersBefore = await t.db.prisma.salesContract.count();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => accept(q.quoteId, 1, i % 2 ? purchasing : s.buyer)));
    for (const r of results) expect([200, 201], r.body).toContain(r.statusCode);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const ids = new Set(results.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect(await t.db.prisma.salesContract.count({ where: { quoteRevisionId: revisionId } })).toBe(1);
    expect(await t.db.prisma.salesContract.count()).toBe(numbersBefore + 1);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'quote.accept', entityId: revisionId } })).toBe(1);
    expect(await t.db.prisma.outboxEvent.count({ where: { topic: 'contract.issued', payload: { path: ['subject'], string_contains: results[0]!.json().number } } })).toBeGreaterThanOrEqual(2);
    // Contract numbers stay gapless: the losers drew none.
    const numbers = (await t.db.prisma.salesContract.findMany({ select: { number: true } })).map((c) => Number(c.number.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
  });
});

describe('an expired revision', () => {
  it('cannot be accepted (409) once its validity date has passed', async () => {
    const inq = await call('POST', '/api/inquiries', s.buyer, {
      lines: [{ productId: bottle.id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }],
      incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
    });
    const inquiry = inq.json();
    const quote = (await call('POST', `/api/inquiries/${inquiry.id}/quotes`, s.clerk, draft(inquiry.lines[0].id, { validUntil: day(2) }))).json();
    expect((await call('POST', `/api/quotes/${quote.id}/revisions/1/send`, s.clerk)).statusCode).toBe(200);
    t.clock.advance(3 * DAY);
    const res = await accept(quote.id, 1);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/revision 1 expired: it was valid until \d{4}-\d{2}-\d{2}/);
    expect(await contractsOf(quote.id)).toEqual([]);
    expect((await t.db.prisma.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } })).status).toBe('QUOTED');
  });
});
