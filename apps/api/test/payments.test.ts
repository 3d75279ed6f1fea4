import { beforeAll, describe, expect, it } from 'vitest';
import { ageingReport, isCreditorReference } from '@portal/domain';
import { createScheduleService } from '../src/modules/payments/schedule.service.ts';
import { sampleCamt053 } from '../src/modules/payments/camt-sample.ts';
import { t, s, nobody, day, call, draft, expectFields, DAY } from './trade-fixture.ts';

/*
 * Collections end to end on the real app: schedules from the terms at confirmation (and from
 * shipment facts), the buyer's payment page, receipts and allocation with bank charges and credit,
 * reversals, statement import with matching, ageing, dunning through the outbox, credit exposure.
 * 12,000 pc × USD 3.4126 = USD 40,951.20: T/T 30 % deposit USD 12,285.36, 70 % balance USD 28,665.84.
 */

const ACCOUNT = '358000000000123456';

async function contractWith(paymentTerms: object[], buyer = s.buyer) {
  const product = await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } });
  const inq = await call('POST', '/api/inquiries', buyer, {
    lines: [{ productId: product.id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }],
    incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
  });
  expect(inq.statusCode, inq.body).toBe(201);
  const q = await call('POST', `/api/inquiries/${inq.json().id}/quotes`, s.clerk, draft(inq.json().lines[0].id, { paymentTerms }));
  expect(q.statusCode, q.body).toBe(201);
  expect((await call('POST', `/api/quotes/${q.json().id}/revisions/1/send`, s.clerk)).statusCode).toBe(200);
  const accepted = await call('POST', `/api/quotes/${q.json().id}/revisions/1/accept`, buyer);
  expect(accepted.statusCode, accepted.body).toBe(201);
  const id = accepted.json().id as string;
  expect((await call('POST', `/api/contracts/${id}/confirm`, buyer)).statusCode).toBe(200);
  return { id, number: accepted.json().number as string };
}

const tt = [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'TT', percent: '70', trigger: 'BL_COPY' }];
const itemsOf = (contractId: string) => t.db.prisma.paymentScheduleItem.findMany({ where: { contractId }, orderBy: { seq: 'asc' } });
const compact = (ref: string) => ref.replace(/\s+/g, '');

describe('payments', () => {
  let c: { id: string; number: string };
  let northwind: string;
  let rheinland: string;

  beforeAll(async () => {
    c = await contractWith(tt);
    northwind = (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'buyer@demo.example' } })).companyId!;
    rheinland = (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'buyer2@demo.example' } })).companyId!;
  });

  describe('the schedule', () => {
    it('is derived at confirmation: the deposit due today, the balance waiting for the B/L, adding up to the contract total, each with a valid RF reference', async () => {
      const items = await itemsOf(c.id);
      expect(items.map((i) => [i.seq, i.key, i.amount.toFixed(2), i.dueDate?.toISOString().slice(0, 10) ?? null])).toEqual([
        [1, '1', '12285.36', day(0)],
        [2, '2:rest', '28665.84', null],
      ]);
      for (const i of items) expect(isCreditorReference(i.reference)).toBe(true);
      const audit = await t.db.prisma.auditLog.findFirst({ where: { action: 'payments.schedule.refresh', entityId: c.id } });
      expect(audit?.changes).toMatchObject({ created: 2 });
    });

    it('gives the PI of the accepted revision the same references to print', async () => {
      const { findPayablesOfRevision } = await import('../src/modules/quotes/quotes.repository.ts');
      const contract = await t.db.prisma.salesContract.findUniqueOrThrow({ where: { id: c.id }, select: { quoteRevisionId: true } });
      const payables = await findPayablesOfRevision(t.db.prisma, contract.quoteRevisionId);
      expect(payables.map((p) => [p.reference, p.amount.toFixed(2)])).toEqual((await itemsOf(c.id)).map((i) => [i.reference, i.amount.toFixed(2)]));
    });

    it('follows shipments: the balance of a half shipment falls due from its B/L date, pro rata; the rest waits', async () => {
      const other = await contractWith(tt);
      const shipment = await t.db.prisma.shipment.create({ data: { number: `SH-T-${Date.now()}`, contractId: other.id } });
      let facts = [{ id: shipment.id, number: shipment.number, value: '20475.60', plannedDeparture: null, blDate: day(20), onBoardDate: null, invoiceDate: null, presentedOn: null, acceptedOn: null }];
      const schedule = createScheduleService({ clock: t.clock, shipmentFacts: async () => facts });
      await t.db.prisma.$transaction((tx) => schedule.refreshSchedule(tx, other.id));
      let items = await itemsOf(other.id);
      expect(items.map((i) => [i.key, i.amount.toFixed(2), i.dueDate?.toISOString().slice(0, 10) ?? null])).toEqual([
        ['1', '12285.36', day(0)],
        ['2:rest', '14332.92', null],
        [`2:${shipment.id}`, '14332.92', day(20)],
      ]);
      expect(items.reduce((sum, i) => sum + Number(i.amount.toFixed(2)) * 100, 0)).toBe(4095120);
      // The whole contract ships: the rest item goes, the shipment's balance takes the full 70 %; references stay with their items.
      const refs = new Map(items.map((i) => [i.key, i.reference]));
      facts = [{ ...facts[0]!, value: '40951.20' }];
      await t.db.prisma.$transaction((tx) => schedule.refreshSchedule(tx, other.id));
      items = await itemsOf(other.id);
      expect(items.map((i) => [i.key, i.amount.toFixed(2)])).toEqual([['1', '12285.36'], [`2:${shipment.id}`, '28665.84']]);
      expect(items.find((i) => i.key === `2:${shipment.id}`)!.reference).toBe(refs.get(`2:${shipment.id}`));
    });
  });

  describe('the buyer’s payment page', () => {
    it('shows per currency what is scheduled, due and paid, with the bank details and each item’s reference', async () => {
      const res = await call('GET', `/api/contracts/${c.id}/payments`, s.buyer);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      expect(page.summaries).toEqual([{ currency: 'USD', scheduled: '40951.20', due: '12285.36', paid: '0.00', overdue: '0.00', open: '40951.20', nextDueDate: day(0), nextDueAmount: '12285.36' }]);
      expect(page.bankDetails).toContain('BKCHCNBJ92A');
      expect(page.items[0]).toMatchObject({ status: 'DUE', reference: expect.stringMatching(/^RF\d\d( \w{1,4})+$/) });
    });

    it('is the buyer’s own company’s only: another company’s buyer gets 404 for the contract and never sees its items', async () => {
      const foreign = await call('GET', `/api/contracts/${c.id}/payments`, s.buyer2);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().detail).toBe((await call('GET', `/api/contracts/${nobody}/payments`, s.buyer2)).json().detail);
      const theirs = await call('GET', `/api/payments?companyId=${northwind}`, s.buyer2);
      expect(theirs.statusCode).toBe(200);
      expect(theirs.json().company.id).toBe(rheinland);
      expect(theirs.body).not.toContain(c.number);
    });
  });

  describe('receipts', () => {
    const receipt = (over: object = {}) => ({ companyId: northwind, amount: '12250.36', currency: 'USD', valueDate: day(0), bankReference: 'BOC-T-1', bankCharges: '35.00', ...over });

    it('refuses bad input naming the field, and changes nothing', async () => {
      const before = await t.db.prisma.paymentReceipt.count();
      const [deposit] = await itemsOf(c.id);
      expectFields(await call('POST', '/api/payments/receipts', s.finance, receipt({ amount: '0' })), ['body.amount']);
      expectFields(await call('POST', '/api/payments/receipts', s.finance, receipt({ amount: '-5.00' })), ['body.amount']);
      expectFields(await call('POST', '/api/payments/receipts', s.finance, receipt({ valueDate: day(3) })), ['body.valueDate']);
      expectFields(await call('POST', '/api/payments/receipts', s.finance, receipt({ companyId: rheinland, contractId: c.id })), ['body.contractId']);
      expectFields(await call('POST', '/api/payments/receipts', s.finance, receipt({ currency: 'EUR', allocations: [{ itemId: deposit!.id, amount: '100.00' }] })), ['body.allocations.0.itemId']);
      expectFields(await call('POST', '/api/payments/receipts', s.finance, receipt({ amount: '20000.00', allocations: [{ itemId: deposit!.id, amount: '12285.37' }] })), ['body.allocations.0.amount']);
      expectFields(await call('POST', '/api/payments/receipts', s.finance, receipt({ companyId: rheinland, allocations: [{ itemId: deposit!.id, amount: '100.00' }] })), ['body.allocations.0.itemId']);
      for (const who of [s.buyer, s.clerk]) expect((await call('POST', '/api/payments/receipts', who, receipt())).statusCode).toBe(403);
      expect(await t.db.prisma.paymentReceipt.count()).toBe(before);
      expect((await itemsOf(c.id))[0]!.paidAmount.toFixed(2)).toBe('0.00');
    });

    it('books a deposit short by bank charges: the shortfall within the tolerance is written off, the item paid, the buyer told, all audited', async () => {
      const [deposit] = await itemsOf(c.id);
      const mailsBefore = await t.db.prisma.outboxEvent.count({ where: { topic: 'payments.received' } });
      const res = await call('POST', '/api/payments/receipts', s.finance, receipt({ contractId: c.id, allocations: [{ itemId: deposit!.id, amount: '12250.36' }], writeOffBankCharges: true }));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ allocated: { amount: '12250.36' }, unallocated: { amount: '0.00' } });
      expect(res.json().entries.map((e: { kind: string; amount: { amount: string } }) => [e.kind, e.amount.amount])).toEqual([['ALLOCATION', '12250.36'], ['BANK_CHARGES', '35.00']]);
      const item = (await itemsOf(c.id))[0]!;
      expect([item.status, item.openAmount.toFixed(2), item.isOpen]).toEqual(['PAID', '0.00', false]);
      expect(await t.db.prisma.outboxEvent.count({ where: { topic: 'payments.received' } })).toBeGreaterThan(mailsBefore);
      expect(await t.db.prisma.auditLog.count({ where: { action: { in: ['payments.receipt.record', 'payments.allocate'] }, entityId: res.json().id } })).toBe(2);
    });

    it('keeps an over-payment as the customer’s credit; an allocation never goes above the item’s open amount', async () => {
      const other = await contractWith([{ method: 'TT', percent: '100', trigger: 'CONTRACT_CONFIRMATION' }]);
      const [item] = await itemsOf(other.id);
      const res = await call('POST', '/api/payments/receipts', s.finance, receipt({ amount: '45000.00', bankCharges: undefined, bankReference: 'BOC-T-2', allocations: [{ itemId: item!.id, amount: '40951.20' }] }));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().unallocated.amount).toBe('4048.80');
      const again = await call('POST', `/api/payments/receipts/${res.json().id}/allocate`, s.finance, { allocations: [{ itemId: item!.id, amount: '1.00' }] });
      expectFields(again, ['body.allocations.0.amount']);
      const page = (await call('GET', '/api/payments', s.buyer)).json();
      expect(page.credit).toContainEqual({ amount: expect.any(String), currency: 'USD' });
      expect(Number(page.credit.find((x: { currency: string }) => x.currency === 'USD').amount)).toBeGreaterThanOrEqual(4048.8);
    });

    it('corrects by reversal: the entry negated, the item open again; a second reversal is refused', async () => {
      const other = await contractWith([{ method: 'TT', percent: '100', trigger: 'CONTRACT_CONFIRMATION' }]);
      const [item] = await itemsOf(other.id);
      const rec = await call('POST', '/api/payments/receipts', s.finance, receipt({ amount: '1000.00', bankCharges: undefined, bankReference: 'BOC-T-3', allocations: [{ itemId: item!.id, amount: '1000.00' }] }));
      const entry = rec.json().entries[0].id;
      const rev = await call('POST', `/api/payments/entries/${entry}/reverse`, s.finance, { reason: 'booked to the wrong contract' });
      expect(rev.statusCode, rev.body).toBe(200);
      expect(rev.json()).toMatchObject({ allocated: { amount: '0.00' }, unallocated: { amount: '1000.00' } });
      expect(rev.json().entries.map((e: { kind: string; amount: { amount: string } }) => [e.kind, e.amount.amount])).toEqual([['ALLOCATION', '1000.00'], ['REVERSAL', '-1000.00']]);
      expect((await itemsOf(other.id))[0]!.openAmount.toFixed(2)).toBe('40951.20');
      expect((await call('POST', `/api/payments/entries/${entry}/reverse`, s.finance, { reason: 'again' })).statusCode).toBe(409);
      // The same money can now pay the right item.
      expect((await call('POST', `/api/payments/receipts/${rec.json().id}/allocate`, s.finance, { allocations: [{ itemId: item!.id, amount: '1000.00' }] })).statusCode).toBe(200);
    });
  });

  describe('bank statements', () => {
    let other: { id: string; number: string };
    let xml: string;

    beforeAll(async () => {
      other = await contractWith(tt);
      const [deposit] = await itemsOf(other.id);
      xml = sampleCamt053({
        account: ACCOUNT, currency: 'USD', date: day(0), statementId: `T-${other.number}`,
        credits: [
          { amount: '12250.36', currency: 'USD', bankReference: `BOC-${other.number}-1`, debtorName: 'NORTHWIND IMPORTS LTD', creditorReference: deposit!.reference },
          { amount: '999.00', currency: 'USD', bankReference: `BOC-${other.number}-2`, debtorName: 'Someone Else GmbH', remittance: 'invoice 4711' },
        ],
      });
    });

    it('refuses what is not camt XML, or a statement of another account, naming the file', async () => {
      expectFields(await call('POST', '/api/payments/statements', s.finance, { fileName: 'x.xml', content: 'not xml at all' }), ['body.content']);
      expectFields(await call('POST', '/api/payments/statements', s.finance, { fileName: 'x.xml', content: xml.replace(ACCOUNT, '999999999999') }), ['body.content']);
      expect(await t.db.prisma.statementImport.count()).toBe(0);
      expect((await call('POST', '/api/payments/statements', s.clerk, { fileName: 'x.xml', content: xml })).statusCode).toBe(403);
    });

    it('proposes matches with their reasons; the same file again books nothing twice; finance confirms', async () => {
      const res = await call('POST', '/api/payments/statements', s.finance, { fileName: 'today.xml', content: xml });
      expect(res.statusCode, res.body).toBe(201);
      const imp = res.json();
      expect(imp.lines.map((l: { reason: string }) => l.reason)).toEqual(['STRUCTURED_REFERENCE', 'UNMATCHED']);
      const [hit] = imp.lines;
      expect(hit.allocations).toEqual([expect.objectContaining({ amount: '12250.36', contractNumber: other.number })]);
      expect(hit.bankChargeWriteOffs).toEqual([expect.objectContaining({ amount: '35.00' })]);

      const again = await call('POST', '/api/payments/statements', s.finance, { fileName: 'today-again.xml', content: xml });
      expect(again.json()).toMatchObject({ credits: 2, duplicates: 2, lines: [] });

      const ok = await call('POST', `/api/payments/statement-lines/${hit.id}/confirm`, s.finance, { companyId: hit.customer.id, allocations: hit.allocations.map((a: { itemId: string; amount: string }) => ({ itemId: a.itemId, amount: a.amount })), writeOffBankCharges: true });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().lines[0]).toMatchObject({ status: 'CONFIRMED', receiptId: expect.any(String) });
      expect((await itemsOf(other.id))[0]!.status).toBe('PAID');
      expect((await call('POST', `/api/payments/statement-lines/${hit.id}/confirm`, s.finance, { companyId: hit.customer.id, allocations: [] })).statusCode).toBe(409);
      const ignored = await call('POST', `/api/payments/statement-lines/${imp.lines[1].id}/ignore`, s.finance, { reason: 'not a customer payment' });
      expect(ignored.json().lines[1].status).toBe('IGNORED');
      // The buyer's page shows the remainder due.
      const page = (await call('GET', `/api/contracts/${other.id}/payments`, s.buyer)).json();
      expect(page.summaries[0]).toMatchObject({ paid: '12250.36', open: '28665.84' });
      expect(page.received[0]).toMatchObject({ amount: { amount: '12250.36' }, contractNumbers: [other.number] });
    });
  });

  describe('ageing, dunning and credit', () => {
    it('ages every open amount into one bucket, as the domain does, and exports CSV', async () => {
      const res = await call('GET', `/api/payments/ageing?asOf=${day(45)}`, s.finance);
      expect(res.statusCode, res.body).toBe(200);
      const open = await t.db.prisma.paymentScheduleItem.findMany({ where: { isOpen: true }, select: { buyerCompanyId: true, currency: true, openAmount: true, dueDate: true } });
      const expected = ageingReport(open.map((i) => ({ customerId: i.buyerCompanyId, currency: i.currency, open: i.openAmount.toFixed(2), dueDate: i.dueDate?.toISOString().slice(0, 10) ?? null })), day(45));
      const got = res.json().rows.map((r: { customer: { id: string }; currency: string; buckets: object; total: string; items: number }) => ({ customerId: r.customer.id, currency: r.currency, buckets: r.buckets, total: r.total, items: r.items }));
      expect(got.sort((a: { customerId: string }, b: { customerId: string }) => a.customerId.localeCompare(b.customerId))).toEqual(expected);
      expect(got.find((r: { customerId: string }) => r.customerId === northwind).buckets.DAYS_31_60).not.toBe('0.00');
      const drill = await call('GET', `/api/payments/ageing/items?asOf=${day(45)}&currency=USD&companyId=${northwind}&bucket=DAYS_31_60`, s.finance);
      expect(drill.json().length).toBeGreaterThan(0);
      expect(drill.json().every((i: { daysOverdue: number }) => i.daysOverdue === 45)).toBe(true);
      const csv = await call('GET', '/api/payments/ageing.csv', s.manager);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.body.split('\r\n')[0]).toBe('customer,currency,not_due,days_1_30,days_31_60,days_61_90,over_90,total,items');
      expect(csv.body).toContain('Northwind Imports Ltd,USD,');
      expect((await call('GET', '/api/payments/ageing', s.buyer)).statusCode).toBe(403);
    });

    it('sends the dunning level reached once per item, in the buyer’s language, through the outbox; a pause stops it', async () => {
      await t.db.prisma.user.update({ where: { email: 'buyer2@demo.example' }, data: { locale: 'zh' } });
      const theirs = await contractWith([{ method: 'TT', percent: '100', trigger: 'CONTRACT_CONFIRMATION' }], s.buyer2);
      expect((await call('POST', `/api/payments/customers/${rheinland}/dunning-pause`, s.finance, { reason: 'disputed quality, claim open' })).statusCode).toBe(204);
      t.clock.advance(12 * DAY);
      const run = await call('POST', '/api/payments/dunning/run', s.finance);
      expect(run.statusCode, run.body).toBe(200);
      expect(run.json().dunning).toBeGreaterThan(0);
      const [theirItem] = await itemsOf(theirs.id);
      expect(await t.db.prisma.dunningNotice.count({ where: { scheduleItemId: theirItem!.id } })).toBe(0);
      expect(await t.db.prisma.dunningNotice.count({ where: { scheduleItem: { contractId: c.id } } })).toBe(0); // paid
      const notices = await t.db.prisma.dunningNotice.findMany({ where: { kind: 'DUNNING' }, select: { level: true } });
      expect(new Set(notices.map((n) => n.level))).toEqual(new Set([2]));
      const again = await call('POST', '/api/payments/dunning/run', s.finance);
      expect(again.json()).toMatchObject({ dunning: 0, reminders: 0 });

      expect((await call('POST', `/api/payments/customers/${rheinland}/dunning-resume`, s.finance)).statusCode).toBe(204);
      await call('POST', '/api/payments/dunning/run', s.finance);
      expect(await t.db.prisma.dunningNotice.count({ where: { scheduleItemId: theirItem!.id, level: 2 } })).toBe(1);
      const mail = await t.db.prisma.outboxEvent.findFirst({ where: { topic: 'payments.dunning', payload: { path: ['to'], equals: 'buyer2@demo.example' } } });
      expect(JSON.stringify(mail?.payload)).toContain('逾期');
      t.clock.advance(-12 * DAY);
    });

    it('shows the exposure against the credit limit and warns when a new contract would pass it', async () => {
      expectFields(await call('PUT', `/api/payments/customers/${northwind}/credit`, s.finance, { limit: { amount: '-1', currency: 'USD' }, creditTermsDays: 60 }), ['body.limit.amount']);
      const set = await call('PUT', `/api/payments/customers/${northwind}/credit`, s.finance, { limit: { amount: '200000.00', currency: 'USD' }, creditTermsDays: 60 });
      expect(set.statusCode, set.body).toBe(200);
      const base = set.json();
      expect(base).toMatchObject({ currency: 'USD', limit: '200000.00', status: expect.stringMatching(/WITHIN|WARNING/) });
      const over = await call('GET', `/api/payments/customers/${northwind}/exposure?amount=250000.00&currency=USD`, s.clerk);
      expect(over.json()).toMatchObject({ status: 'OVER', proposed: '250000.00' });
      expect(Number(over.json().after)).toBeCloseTo(Number(base.exposure) + 250000, 2);
      expect((await call('PUT', `/api/payments/customers/${northwind}/credit`, s.clerk, { limit: null, creditTermsDays: null })).statusCode).toBe(403);
    });
  });
});
