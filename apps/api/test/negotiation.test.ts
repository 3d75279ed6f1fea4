import { beforeAll, describe, expect, it } from 'vitest';
import { t, s, bottle, nobody, day, call, draft, quotedInquiry, expectFields } from './trade-fixture.ts';

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
    expect(answer.json()).toMatchObject({ side: 'EXPORTER', author: 'Li Na' });

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
    const note = await t.db.prisma.notification.findFirstOrThrow({ where: { kind: 'negotiation.counter_offer' }, select: { title: true, body: true, user: { select: { email: true } } } });
    expect(note.user.email).toBe('clerk@demo.example');
    // The clerk reads Chinese: the offer in Chinese, the price with its currency, the quantity grouped, the date for the locale.
    expect(note.title).toMatch(/^Northwind Imports Ltd 对 PI-\d{4}-\d{6} 第 1 版提出还价$/);
    const [y, m, d] = day(50).split('-').map(Number);
    expect(note.body).toBe(`第 1 行：单价 US$3.2500，数量 15,000，${y}年${m}月${d}日前装运；付款方式：T/T 20% deposit, 80% against copy of B/L；贸易术语：CFR`);
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
    // 15,000 pc take a second 40HQ: the line is costed at its own quantity, and 3.30 would leave 6.3 %
    // (below the 8 % floor, a manager's to approve); 3.45 leaves 10.3 %.
    const created = await call('POST', `/api/inquiries/${q.inquiryId}/quotes`, s.clerk, draft(q.inquiryLineId, {}, { unitPrice: '3.4500', quantity: '15000' }));
    expect(created.statusCode, created.body).toBe(201);
    const sent = await call('POST', `/api/quotes/${q.quoteId}/revisions/2/send`, s.clerk);
    expect(sent.statusCode, sent.body).toBe(200);
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
