import { describe, expect, it } from 'vitest';
import { contractDocument, renderContractPdf } from '../src/modules/sales-contracts/sales-contract-pdf.ts';
import { call, draft, expectFields, quotedInquiry, s, t } from './trade-fixture.ts';
import { embedsChineseFont, pdfText } from './pdf-text.ts';

/*
 * Negotiation that converges (issue 11): the clerk sees what a buyer's counter means before answering,
 * builds the next revision from it (taking the buyer's price and quantity, adding and removing lines),
 * and everything agreed on the accepted revision reaches the contract, its PDF and its amendments.
 */

/** The text drawn on the pages of an uncompressed PDF (pdfkit writes hex strings in TJ arrays). */
describe('a counter-offer answered with a revision built from it', () => {
  let q: Awaited<ReturnType<typeof quotedInquiry>>;
  let counterMargin = NaN;

  it('the clerk sees the margin and profit rate of the buyer’s counter line; the buyer does not', async () => {
    q = await quotedInquiry();
    const counter = await call('POST', `/api/inquiries/${q.inquiryId}/counter-offers`, s.buyer, {
      revisionNo: 1, lines: [{ quoteLineId: q.lineId, proposedUnitPrice: '3.2000', proposedQuantity: '50000' }], message: 'We can take 50,000 pc at 3.20.',
    });
    expect(counter.statusCode, counter.body).toBe(201);

    const staffThread = await call('GET', `/api/inquiries/${q.inquiryId}/messages`, s.clerk);
    expect(staffThread.statusCode, staffThread.body).toBe(200);
    const line = staffThread.json().messages.find((m: { kind: string }) => m.kind === 'COUNTER_OFFER').counterOffer.lines[0];
    expect(line).toMatchObject({ proposedUnitPrice: '3.2000', proposedQuantity: '50000', staff: { floorRate: '0.0800', profitLoss: { currency: 'CNY' } } });
    expect(Number(line.staff.marginRate)).toBeLessThan(0.1338); // the quoted CIF 3.4126 leaves 13.38 %
    expect(Number(line.staff.profitRate)).toBeLessThan(0.1);
    counterMargin = Number(line.staff.marginRate);

    const buyerThread = await call('GET', `/api/inquiries/${q.inquiryId}/messages`, s.buyer);
    expect(buyerThread.body).not.toMatch(/marginRate|profitRate|floorRate/);
  });

  it('revision 2 starts from revision 1, taking the buyer’s price and quantity', async () => {
    expectFields(await call('POST', `/api/quotes/${q.quoteId}/revisions`, s.clerk, { take: [{ quoteLineId: '01900000-0000-7000-8000-000000000000', price: true }] }), ['body.take.0.quoteLineId']);
    expectFields(await call('POST', `/api/quotes/${q.quoteId}/revisions`, s.clerk, { take: [{ quoteLineId: q.lineId, shipmentDate: true }] }), ['body.take.0.shipmentDate']);
    expect((await call('POST', `/api/quotes/${q.quoteId}/revisions`, s.buyer, { take: [] })).statusCode).toBe(403);

    const res = await call('POST', `/api/quotes/${q.quoteId}/revisions`, s.clerk, { take: [{ quoteLineId: q.lineId, price: true, quantity: true }] });
    expect(res.statusCode, res.body).toBe(201);
    const rev = res.json().revisions[0];
    expect(rev).toMatchObject({ revisionNo: 2, status: 'DRAFT', incoterm: 'CIF', packing: '24 pcs per export carton' });
    expect(rev.lines).toHaveLength(1);
    expect(rev.lines[0]).toMatchObject({ quantity: '50000', unitPrice: { amount: '3.2000' }, inquiryLineId: q.inquiryLineId });
    // One story: the revision's margin at 3.20 for 50,000 pc is the counter line's (the cost sheet costed
    // at 50,000 pc, its fixed expenses and containers spread over them; the counter's insurance is on
    // the given price, the sheet's on its own CIF price), above the 8 % floor as the counter said.
    expect(Math.abs(Number(rev.staff.marginRate) - counterMargin)).toBeLessThan(0.001);
    expect(rev.staff.belowMarginFloor).toBe(false);
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { entityId: rev.id, action: 'quote.create' } });
    expect(audit.changes).toMatchObject({ basedOn: { revisionNo: 1 } });
    // A second draft while this one is open is refused.
    expect((await call('POST', `/api/quotes/${q.quoteId}/revisions`, s.clerk, { take: [] })).statusCode).toBe(409);
  });

  it('the clerk edits it: quantity kept, a free tooling line added, special terms agreed; bad lines are named', async () => {
    const base = draft(q.inquiryLineId, {}, { quantity: '50000', unitPrice: '3.2500', notes: 'Laser engraving, 3 colours' });
    const tooling = { description: 'Engraving tooling (one-off)', quantity: '1', unit: 'set', unitPrice: '350.0000' };
    expectFields(await call('PUT', `/api/quotes/${q.quoteId}/revisions/2`, s.clerk, { ...base, lines: [] }), ['body.lines']);
    expectFields(await call('PUT', `/api/quotes/${q.quoteId}/revisions/2`, s.clerk, { ...base, lines: [...base.lines, { ...tooling, quantity: '0' }] }), ['body.lines.1.quantity']);
    expectFields(await call('PUT', `/api/quotes/${q.quoteId}/revisions/2`, s.clerk, { ...base, lines: [...base.lines, { ...tooling, unitPrice: '-1' }] }), ['body.lines.1.unitPrice']);
    const other = await quotedInquiry();
    expectFields(await call('PUT', `/api/quotes/${q.quoteId}/revisions/2`, s.clerk, { ...base, lines: [...base.lines, { ...tooling, inquiryLineId: other.inquiryLineId }] }), ['body.lines.1.inquiryLineId']);

    const saved = await call('PUT', `/api/quotes/${q.quoteId}/revisions/2`, s.clerk, {
      ...base, specialTerms: 'Laser engraving of the buyer’s logo, 3 colours; gift box per piece', shippingMarks: 'NORTHWIND / HAMBURG / C/NO. 1-UP',
      lines: [...base.lines, tooling],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const rev = saved.json().revisions[0];
    expect(rev.lines.map((l: { description: string; notes: string | null }) => [l.description, l.notes])).toEqual([
      ['Stainless steel vacuum bottle 500 ml', 'Laser engraving, 3 colours'], ['Engraving tooling (one-off)', null],
    ]);
    expect(rev.staff.belowMarginFloor).toBe(false);
    const sent = await call('POST', `/api/quotes/${q.quoteId}/revisions/2/send`, s.clerk);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().revisions[0].status).toBe('SENT');
  });

  it('the buyer accepts: the contract, its PDF and its amendments carry what was agreed', async () => {
    const accepted = await call('POST', `/api/quotes/${q.quoteId}/revisions/2/accept`, s.buyer, {});
    expect(accepted.statusCode, accepted.body).toBe(201);
    const contract = accepted.json();
    expect(contract).toMatchObject({
      specialTerms: 'Laser engraving of the buyer’s logo, 3 colours; gift box per piece', shippingMarks: 'NORTHWIND / HAMBURG / C/NO. 1-UP', leadTimeDays: 35,
      total: { amount: '162850.00' },
    });
    expect(contract.lines.map((l: { notes: string | null; quantity: string }) => [l.quantity, l.notes])).toEqual([['50000', 'Laser engraving, 3 colours'], ['1', null]]);

    const text = pdfText(await renderContractPdf(contractDocument(contract).document, { compress: false }));
    expect(text).toContain('Special terms');
    expect(text).toContain('gift box per piece');
    expect(text).toContain('Laser engraving, 3 colours');
    expect(text).toContain('NORTHWIND / HAMBURG');
    // Both languages in the one document both parties sign: each clause's Chinese beneath its English.
    for (const words of ['SALES CONFIRMATION', '销售确认书', '价格条款', '特别条款', '不可抗力', '中国国际经济贸易仲裁委员会', '货物描述', '合同总值', 'Force majeure']) expect(text, words).toContain(words);
    // The total in words twice: the banks' English and the Chinese capitals (大写).
    expect(text).toContain('SAY US DOLLARS ONE HUNDRED AND SIXTY-TWO THOUSAND EIGHT HUNDRED AND FIFTY ONLY');
    expect(text).toContain('美元壹拾陆万贰仟捌佰伍拾元整');

    const amend = await call('POST', `/api/contracts/${contract.id}/amendments`, s.clerk, { reason: 'Buyer asked for 2 colours', changes: { specialTerms: 'Laser engraving of the buyer’s logo, 2 colours' } });
    expect(amend.statusCode, amend.body).toBe(201);
    expect(amend.json().amendments[0].changes).toEqual([{ field: 'specialTerms', from: 'Laser engraving of the buyer’s logo, 3 colours; gift box per piece', to: 'Laser engraving of the buyer’s logo, 2 colours' }]);
  });
});
