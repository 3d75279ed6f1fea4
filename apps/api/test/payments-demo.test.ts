import { beforeAll, describe, expect, it } from 'vitest';
import { createDunningService } from '../src/modules/payments/dunning.service.ts';
import { createFinanceSettingsService } from '../src/modules/payments/finance-settings.service.ts';
import { createPaymentsHome } from '../src/modules/payments/payments.home.ts';
import { seedPaymentsDemo } from '../src/modules/payments/payments.demo.ts';
import { createReceiptsService } from '../src/modules/payments/receipts.service.ts';
import { t, s, call, draft, day, DAY } from './trade-fixture.ts';

/*
 * The lived-in demo of collections, made through the feature's own services on confirmed contracts
 * forty days old: paid, partly paid, over-paid (credit) and overdue items, dunning letters sent, a
 * camt.053 sample that matches open items by each rule; and what the home pages then show.
 */

async function confirmedContract(buyer = s.buyer) {
  const product = await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } });
  const inq = await call('POST', '/api/inquiries', buyer, {
    lines: [{ productId: product.id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }],
    incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
  });
  const q = await call('POST', `/api/inquiries/${inq.json().id}/quotes`, s.clerk, draft(inq.json().lines[0].id));
  await call('POST', `/api/quotes/${q.json().id}/revisions/1/send`, s.clerk);
  const accepted = await call('POST', `/api/quotes/${q.json().id}/revisions/1/accept`, buyer);
  expect((await call('POST', `/api/contracts/${accepted.json().id}/confirm`, buyer)).statusCode).toBe(200);
  return accepted.json().id as string;
}

describe('the payments demo', () => {
  let result: Awaited<ReturnType<typeof seedPaymentsDemo>>;
  let contracts: string[];
  const actorOf = async (email: string) => {
    const u = await t.db.prisma.user.findUniqueOrThrow({ where: { email } });
    return { userId: u.id, role: u.role, companyId: u.companyId!, isCompanyAdmin: u.isCompanyAdmin };
  };

  beforeAll(async () => {
    contracts = [await confirmedContract(), await confirmedContract(s.buyer2), await confirmedContract(), await confirmedContract(s.buyer2)];
    t.clock.advance(40 * DAY);
    const prisma = t.db.prisma;
    const settings = createFinanceSettingsService({ prisma });
    const receipts = createReceiptsService({ prisma, clock: t.clock, publicUrl: 'http://portal.test', settings });
    const dunning = createDunningService({ prisma, clock: t.clock, publicUrl: 'http://portal.test', settings });
    const now = t.clock.now();
    const at = (instant: Date) => t.clock.advance(instant.getTime() - t.clock.now().getTime());
    result = await seedPaymentsDemo({ prisma, receipts, dunning, settings, finance: await actorOf('finance@demo.example') }, { contracts, today: day(0), at, now });
  });

  it('leaves items paid, partly paid, over-paid and overdue, with dunning letters sent', async () => {
    expect(result.receipts).toBe(3);
    const deposits = await Promise.all(contracts.map((id) => t.db.prisma.paymentScheduleItem.findFirstOrThrow({ where: { contractId: id, seq: 1 } })));
    // Paid (USD 35.00 of bank charges written off), 40 % paid, paid with USD 500.00 over, nothing paid.
    expect(deposits.map((d) => [d.paidAmount.toFixed(2), d.bankCharges.toFixed(2), d.openAmount.toFixed(2)])).toEqual([
      ['12250.36', '35.00', '0.00'], ['4914.14', '0.00', '7371.22'], ['12285.36', '0.00', '0.00'], ['0.00', '0.00', '12285.36'],
    ]);
    expect(result.dunning).toBeGreaterThanOrEqual(1);
    expect(await t.db.prisma.dunningNotice.count({ where: { scheduleItemId: deposits[3]!.id, kind: 'DUNNING', level: 3 } })).toBe(1);
    const credit = await call('GET', '/api/payments', s.buyer);
    expect(credit.json().credit).toEqual([{ amount: '500.00', currency: 'USD' }]);
  });

  it('gives a sample statement that matches open items by reference, document number and payer', async () => {
    const imp = await call('POST', '/api/payments/statements', s.finance, { fileName: 'camt.053-demo.xml', content: result.sample });
    expect(imp.statusCode, imp.body).toBe(201);
    expect(imp.json().lines.map((l: { reason: string }) => l.reason)).toEqual(['STRUCTURED_REFERENCE', 'DOCUMENT_NUMBER', 'AMOUNT_AND_PAYER', 'UNMATCHED']);
  });

  it('puts what waits on the home pages: the buyer’s overdue items, finance’s chasing and allocating, the overdue figure', async () => {
    const home = createPaymentsHome({ prisma: t.db.prisma });
    const buyer = await home(await actorOf('buyer2@demo.example'), t.clock.now());
    expect(buyer.items.length).toBeGreaterThan(0);
    expect(buyer.items.every((i) => i.kind === 'payments.pay')).toBe(true);
    expect(buyer.items[0]).toMatchObject({ urgency: 'OVERDUE', params: { currency: 'USD', daysOverdue: 40 } });
    const finance = await home(await actorOf('finance@demo.example'), t.clock.now());
    expect(finance.items.map((i) => i.kind)).toEqual(expect.arrayContaining(['payments.chase', 'payments.allocate']));
    // The over-paid receipt waits to be allocated: its item leads to the receipts section of the receivables page (the SPA has no /staff/payments/receipts).
    expect(finance.items.find((i) => i.id === 'payments.allocate:receipts')).toMatchObject({ params: { source: 'receipts', receipts: 1 }, link: '/staff/payments#receipts' });
    // Each receipt was booked on its value date; the one with money to allocate waits since then, not since now.
    const receipts = await t.db.prisma.paymentReceipt.findMany({ where: { contractId: { in: contracts } }, select: { valueDate: true, createdAt: true, amount: true, allocated: true } });
    for (const r of receipts) expect(r.createdAt.toISOString().slice(0, 10)).toBe(r.valueDate.toISOString().slice(0, 10));
    const over = receipts.find((r) => r.amount.gt(r.allocated))!;
    expect(finance.items.find((i) => i.id === 'payments.allocate:receipts')?.since).toBe(over.createdAt.toISOString());
    expect(finance.figures).toEqual([expect.objectContaining({ key: 'payments.overdue', amounts: [expect.objectContaining({ currency: 'USD' })] })]);
    const clerk = await home(await actorOf('clerk@demo.example'), t.clock.now());
    expect(clerk).toEqual({ items: [], figures: [] });
  });
});
