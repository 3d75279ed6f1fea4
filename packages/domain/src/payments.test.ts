import { describe, expect, it } from 'vitest';
import { CN_2025, TARGET_2025 } from './banking-days.examples.ts';
import { businessCalendar } from './banking-days.ts';
import { Dec } from './money.ts';
import {
  type AllocatableItem, type LedgerEntry, type MatchableItem, type ScheduleContract, type ScheduleShipment, ageingBucket, ageingReport, assertReceipt,
  compactCreditorReference, creditExposure, creditorReference, creditorReferencesIn, dateOfShipment, deriveSchedule, dunningPolicy, formatCreditorReference,
  isCreditorReference, itemLedgerTotals, lcPresentationDeadline, nameSimilarity, noticesDue, openAmount, planAllocation, proposeMatches, reversalOf,
  scheduleChanges, scheduleItemReference, scheduleItemStatus,
} from './payments.ts';
import type { Instalment } from './quotes.ts';
import { refusal } from './testing.ts';

const weekendsOnly = businessCalendar({ id: 'weekends' });
const ttDepositBalance: Instalment[] = [
  { method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION', days: 7 },
  { method: 'TT', percent: '70', trigger: 'BL_COPY' },
];
const contract = (over: Partial<ScheduleContract> = {}): ScheduleContract => ({
  number: 'SC-2025-000123', currency: 'USD', total: '110400.00', confirmedOn: '2025-03-03', latestShipmentDate: '2025-06-30', terms: ttDepositBalance, fullyShipped: false, ...over,
});
const shipment = (id: string, value: string, over: Partial<ScheduleShipment> = {}): ScheduleShipment => ({
  id, number: `SH-${id}`, value, plannedDeparture: null, blDate: null, onBoardDate: null, invoiceDate: null, presentedOn: null, acceptedOn: null, ...over,
});
const sum = (items: readonly { amount: string }[]) => items.reduce((s, i) => s.plus(i.amount), new Dec(0)).toFixed(2);

describe('deriveSchedule: T/T deposit and balance against copy of B/L', () => {
  it('before shipment: the deposit falls due 7 days after confirmation, the balance waits for a B/L', () => {
    const items = deriveSchedule(contract(), []);
    expect(items.map((i) => [i.key, i.amount, i.dueDate, i.description])).toEqual([
      ['1', '33120.00', '2025-03-10', 'T/T 30% 7 days after contract confirmation'],
      ['2:rest', '77280.00', null, 'T/T 70% against copy of B/L, not yet shipped'],
    ]);
    expect(sum(items)).toBe('110400.00');
  });

  it('an unconfirmed contract has no deposit due date yet', () => {
    expect(deriveSchedule(contract({ confirmedOn: null }), [])[0]!.dueDate).toBeNull();
  });

  it('splits the balance pro rata over partial shipments, each due on its B/L date; the rest stays open', () => {
    const items = deriveSchedule(contract(), [shipment('a', '36800.00', { blDate: '2025-04-10' })]);
    expect(items.map((i) => [i.key, i.amount, i.dueDate])).toEqual([
      ['1', '33120.00', '2025-03-10'],
      ['2:a', '25760.00', '2025-04-10'],
      ['2:rest', '51520.00', null],
    ]);
    expect(sum(items)).toBe('110400.00');
  });

  it('lets the last shipment of a fully shipped contract take the rounding rest, so the sum is the contract amount exactly', () => {
    const three = [shipment('a', '333.33', { blDate: '2025-04-10' }), shipment('b', '333.33', { blDate: '2025-05-12' }), shipment('c', '333.34', { blDate: '2025-06-20' })];
    const items = deriveSchedule(contract({ total: '1000.00', fullyShipped: true }), three);
    expect(items.map((i) => [i.key, i.amount])).toEqual([['1', '300.00'], ['2:a', '233.33'], ['2:b', '233.33'], ['2:c', '233.34']]);
    expect(sum(items)).toBe('1000.00');
  });

  it('never lets an over-shipment (within tolerance) push the instalments past their amount', () => {
    const items = deriveSchedule(contract({ total: '1000.00' }), [shipment('a', '600.00', { blDate: '2025-04-10' }), shipment('b', '450.00', { blDate: '2025-05-10' })]);
    expect(items.map((i) => [i.key, i.amount])).toEqual([['1', '300.00'], ['2:a', '420.00'], ['2:b', '280.00']]);
    expect(sum(items)).toBe('1000.00');
  });

  it('always adds up to the contract amount, whatever the split', () => {
    const termsList: Instalment[][] = [
      ttDepositBalance,
      [{ method: 'TT', percent: '33.33', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'LC', percent: '66.67', trigger: 'SIGHT' }],
      [{ method: 'TT', percent: '10', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'DA', percent: '45', trigger: 'ACCEPTANCE', days: 60 }, { method: 'OA', percent: '45', trigger: 'INVOICE_DATE', days: 90 }],
    ];
    for (const total of ['0.01', '99.99', '110400.00', '1234567.89']) {
      for (const terms of termsList) {
        for (const parts of [1, 2, 3, 7]) {
          const value = new Dec(total).div(parts).toDecimalPlaces(2, Dec.ROUND_DOWN);
          const ships = Array.from({ length: parts }, (_, k) => shipment(`s${k}`, k === parts - 1 ? new Dec(total).minus(value.times(parts - 1)).toFixed(2) : value.toFixed(2)));
          for (const fullyShipped of [false, true]) {
            for (const shipped of [ships.slice(0, 1), ships]) {
              expect(sum(deriveSchedule(contract({ total, terms, fullyShipped }), shipped))).toBe(new Dec(total).toFixed(2));
            }
          }
        }
      }
    }
  });

  it('re-derives after an amendment: a larger total raises the items, a smaller one reports what was overpaid', () => {
    const before = deriveSchedule(contract(), []);
    const stored = before.map((i) => ({ key: i.key, amount: i.amount, paid: i.key === '1' ? '33120.00' : '0' }));
    const up = scheduleChanges(stored, deriveSchedule(contract({ total: '115000.00' }), []));
    expect(up.update.map((i) => [i.key, i.amount])).toEqual([['1', '34500.00'], ['2:rest', '80500.00']]);
    expect(up.overpaid).toEqual([]);
    const down = scheduleChanges(stored, deriveSchedule(contract({ total: '100000.00' }), []));
    expect(down.overpaid).toEqual([{ key: '1', paid: '33120.00', amount: '30000.00', excess: '3120' }]);
  });

  it('re-derives after a shipment: the rest item goes, the shipment item comes, nothing paid is dropped', () => {
    const stored = [{ key: '1', amount: '33120.00', paid: '33120.00' }, { key: '2:rest', amount: '77280.00', paid: '0' }];
    const changes = scheduleChanges(stored, deriveSchedule(contract({ fullyShipped: true }), [shipment('a', '110400.00', { blDate: '2025-04-10' })]));
    expect(changes.create.map((i) => [i.key, i.amount, i.dueDate])).toEqual([['2:a', '77280.00', '2025-04-10']]);
    expect(changes.remove).toEqual(['2:rest']);
    const paidRest = scheduleChanges([{ key: '2:rest', amount: '77280.00', paid: '1000.00' }], []);
    expect(paidRest).toMatchObject({ remove: [], overpaid: [{ key: '2:rest', excess: '1000' }] });
  });
});

describe('deriveSchedule: other terms', () => {
  const one = (terms: Instalment[], s: Partial<ScheduleShipment>, lc = null as Parameters<typeof deriveSchedule>[2]) =>
    deriveSchedule(contract({ terms, fullyShipped: true }), [shipment('a', '110400.00', s)], lc)[0]!;

  it('L/C at sight: due on presentation, to be presented by the deadline of art. 14(c) and 29(a)', () => {
    const lc = { expiryDate: '2025-02-15', presentationDays: 21, latestShipmentDate: '2025-01-31', calendar: CN_2025 };
    expect(one([{ method: 'LC', percent: '100', trigger: 'SIGHT' }], { onBoardDate: '2025-01-10', presentedOn: '2025-01-20' }, lc).dueDate).toBe('2025-01-20');
  });

  it('L/C drawing shipped but no presentation recorded: due on the last presentation day, not left waiting for ever', () => {
    const lc = { expiryDate: '2025-02-15', presentationDays: 21, latestShipmentDate: '2025-01-31', calendar: CN_2025 };
    const shipped = one([{ method: 'LC', percent: '100', trigger: 'SIGHT' }], { onBoardDate: '2025-01-10', blDate: '2025-01-10' }, lc);
    expect(shipped).toMatchObject({ description: 'L/C at sight, shipment SH-a', amount: '110400.00', dueDate: '2025-02-05', presentBy: '2025-02-05' });
    expect(scheduleItemStatus({ amount: shipped.amount, paid: '0', dueDate: shipped.dueDate }, '2025-03-01')).toBe('OVERDUE');
    // Usance: 60 days after acceptance, counted from the presentation deadline until the acceptance is recorded.
    expect(one([{ method: 'LC', percent: '100', trigger: 'ACCEPTANCE', days: 60 }], { onBoardDate: '2025-01-10' }, lc).dueDate).toBe('2025-04-06');
    // Not shipped yet: nothing to present, no due date.
    const rest = deriveSchedule(contract({ terms: [{ method: 'LC', percent: '100', trigger: 'SIGHT' }], fullyShipped: false }), [], lc)[0]!;
    expect(rest).toMatchObject({ dueDate: null, presentBy: null });
  });

  it('L/C usance 60 days after B/L date counts from the on-board date (art. 20a-ii), the date excluded (art. 3)', () => {
    // 15 March + 60 days = 14 May (16 days to 31 March, 30 in April, 14 in May).
    expect(one([{ method: 'LC', percent: '100', trigger: 'BL_DATE', days: 60 }], { onBoardDate: '2025-03-15', blDate: '2025-03-17' }).dueDate).toBe('2025-05-14');
    expect(dateOfShipment({ blDate: '2025-03-17', onBoardDate: null })).toBe('2025-03-17');
  });

  it('D/P at sight: due when the collecting bank presents the documents; D/A 60 days after acceptance', () => {
    expect(one([{ method: 'DP', percent: '100', trigger: 'SIGHT' }], { presentedOn: '2025-05-06' }).dueDate).toBe('2025-05-06');
    expect(one([{ method: 'DA', percent: '100', trigger: 'ACCEPTANCE', days: 60 }], { acceptedOn: '2025-04-01' }).dueDate).toBe('2025-05-31');
    expect(one([{ method: 'DA', percent: '100', trigger: 'ACCEPTANCE', days: 60 }], { presentedOn: '2025-03-25' }).dueDate).toBeNull();
  });

  it('O/A 90 days after invoice date, or 30 days after B/L date', () => {
    expect(one([{ method: 'OA', percent: '100', trigger: 'INVOICE_DATE', days: 90 }], { invoiceDate: '2025-01-15' }).dueDate).toBe('2025-04-15');
    expect(one([{ method: 'OA', percent: '100', trigger: 'BL_DATE', days: 30 }], { blDate: '2025-01-31' }).dueDate).toBe('2025-03-02');
  });

  it('T/T before shipment: due N days before the planned departure, or before the latest shipment date while unshipped', () => {
    const terms: Instalment[] = [{ method: 'TT', percent: '100', trigger: 'BEFORE_SHIPMENT', days: 7 }];
    expect(one(terms, { plannedDeparture: '2025-06-20' }).dueDate).toBe('2025-06-13');
    expect(deriveSchedule(contract({ terms }), [])[0]).toMatchObject({ key: '1:rest', dueDate: '2025-06-23' });
  });
});

describe('lcPresentationDeadline (UCP 600 art. 14c, 29a, 29c)', () => {
  it('gives 21 calendar days after shipment, moved off a bank holiday to the next banking day', () => {
    // On board Friday 10 Jan 2025 in China: day 21 is 31 Jan, inside the Spring Festival closing → 5 Feb.
    expect(lcPresentationDeadline('2025-01-10', { expiryDate: '2025-02-15', presentationDays: null, latestShipmentDate: '2025-01-31', calendar: CN_2025 })).toEqual({
      shipmentDate: '2025-01-10', lastPresentationDay: '2025-01-31', expiryDate: '2025-02-17', presentBy: '2025-02-05', lateShipment: false,
    });
  });

  it('does not move a day on which the bank works, a worked Sunday included', () => {
    // 5 Jan + 21 = Sunday 26 Jan 2025: a working day for Chinese banks, a closed one under TARGET.
    expect(lcPresentationDeadline('2025-01-05', { expiryDate: '2025-03-31', presentationDays: 21, latestShipmentDate: null, calendar: CN_2025 }).presentBy).toBe('2025-01-26');
    expect(lcPresentationDeadline('2025-01-05', { expiryDate: '2025-03-31', presentationDays: 21, latestShipmentDate: null, calendar: TARGET_2025 }).presentBy).toBe('2025-01-27');
  });

  it('never lets the deadline pass the expiry (art. 14c): shipped 12 Apr 2011, expiry 26 Apr 2011 → present by 26 Apr', () => {
    // Worked example from Mr Old Man, "Interpretation of sub-article 14(b)": latest shipment 15 April, expiry 26 April.
    expect(lcPresentationDeadline('2011-04-12', { expiryDate: '2011-04-26', presentationDays: 21, latestShipmentDate: '2011-04-15', calendar: weekendsOnly })).toMatchObject({
      lastPresentationDay: '2011-05-03', presentBy: '2011-04-26', lateShipment: false,
    });
  });

  it('moves an expiry on Good Friday past Easter Monday (TARGET) and takes the shorter period a credit sets', () => {
    expect(lcPresentationDeadline('2025-04-01', { expiryDate: '2025-04-18', presentationDays: 21, latestShipmentDate: null, calendar: TARGET_2025 })).toMatchObject({ expiryDate: '2025-04-22', presentBy: '2025-04-22' });
    expect(lcPresentationDeadline('2025-04-01', { expiryDate: '2025-04-30', presentationDays: 10, latestShipmentDate: null, calendar: TARGET_2025 }).presentBy).toBe('2025-04-11');
  });

  it('never moves the latest shipment date (art. 29c): shipping on the next banking day is late', () => {
    expect(lcPresentationDeadline('2025-02-05', { expiryDate: '2025-02-28', presentationDays: 21, latestShipmentDate: '2025-01-31', calendar: CN_2025 }).lateShipment).toBe(true);
  });

  it('refuses a presentation period beyond 21 days', () => {
    expect(refusal(() => lcPresentationDeadline('2025-04-01', { expiryDate: '2025-06-30', presentationDays: 30, latestShipmentDate: null, calendar: weekendsOnly })).fields?.[0]?.field).toBe('lc.presentationDays');
  });
});

describe('scheduleItemStatus', () => {
  const item = { amount: '1000.00', paid: '0', dueDate: '2025-05-14' as string | null };
  it('derives the status as of a date', () => {
    expect(scheduleItemStatus({ ...item, dueDate: null }, '2025-05-01')).toBe('SCHEDULED');
    expect(scheduleItemStatus(item, '2025-05-01')).toBe('DUE');
    expect(scheduleItemStatus(item, '2025-05-14')).toBe('DUE');
    expect(scheduleItemStatus(item, '2025-05-15')).toBe('OVERDUE');
    expect(scheduleItemStatus({ ...item, paid: '400.00' }, '2025-05-01')).toBe('PARTLY_PAID');
    expect(scheduleItemStatus({ ...item, paid: '400.00' }, '2025-05-20')).toBe('OVERDUE');
    expect(scheduleItemStatus({ ...item, paid: '1000.00' }, '2025-05-20')).toBe('PAID');
    expect(scheduleItemStatus({ ...item, paid: '985.00', bankCharges: '15.00' }, '2025-05-20')).toBe('PAID');
    expect(scheduleItemStatus({ ...item, paid: '200.00', writtenOff: '800.00' }, '2025-09-20')).toBe('WRITTEN_OFF');
  });
  it('never shows a negative open amount', () => {
    expect(openAmount({ ...item, paid: '1200.00' }).toFixed(2)).toBe('0.00');
  });
});

describe('ISO 11649 RF creditor references', () => {
  it('validates the example of the standard and refuses a changed check digit (ISO 11649; python-stdnum docs)', () => {
    expect(isCreditorReference('RF18 5390 0754 7034')).toBe(true);
    expect(isCreditorReference('RF18539007547034')).toBe(true);
    expect(isCreditorReference('rf18 5390 0754 70y')).toBe(true);
    expect(isCreditorReference('RF17 5390 0754 7034')).toBe(false);
    expect(isCreditorReference('RF18 5390 0754 7043')).toBe(false);
    // SEPA remittance example of Maric Services (<CdtrRefInf> … <Ref>RF2012345678</Ref>).
    expect(isCreditorReference('RF2012345678')).toBe(true);
  });

  it('refuses what is not RF, two digits and 1–21 letters or digits', () => {
    for (const bad of ['RF18', 'XX18539007547034', 'RF1A539007547034', 'RF18-5390', `RF18${'1'.repeat(22)}`]) expect(isCreditorReference(bad)).toBe(false);
  });

  it('generates check digits 98 − (reference + "RF00") mod 97', () => {
    expect(creditorReference('539007547034')).toBe('RF18539007547034');
    expect(creditorReference('5390 0754 70Y')).toBe('RF185390075470Y');
    expect(formatCreditorReference('RF18539007547034')).toBe('RF18 5390 0754 7034');
    expect(compactCreditorReference(' rf18 5390 0754 7034 ')).toBe('RF18539007547034');
    expect(refusal(() => creditorReference('SC-2025-000123')).fields?.[0]?.field).toBe('reference');
    expect(refusal(() => creditorReference('1234567890123456789012')).code).toBe('VALIDATION');
  });

  it('gives every schedule item its own reference, which validates', () => {
    const refs = [1, 2, 3].map((seq) => scheduleItemReference('SC-2025-000123', seq));
    expect(refs[0]).toBe('RF51SC202500012301');
    expect(refs[1]).toBe('RF24SC202500012302');
    expect(new Set(refs).size).toBe(3);
    for (const r of refs) expect(isCreditorReference(r)).toBe(true);
  });

  it('finds references printed with spaces in a remittance text', () => {
    // A longer run can pass MOD 97 by chance: every valid prefix is offered, to be looked up among known references.
    expect(creditorReferencesIn('Payment RF18 5390 0754 7034 balance')).toContain('RF18539007547034');
    expect(creditorReferencesIn('invoice 4711 refund')).toEqual([]);
  });
});

describe('receipts and allocation', () => {
  const items: AllocatableItem[] = [
    { id: 'dep', customerId: 'nw', currency: 'USD', amount: '33120.00', paid: '0', dueDate: '2025-03-10' },
    { id: 'bal', customerId: 'nw', currency: 'USD', amount: '77280.00', paid: '0', dueDate: '2025-04-10' },
    { id: 'eur', customerId: 'nw', currency: 'EUR', amount: '5000.00', paid: '0', dueDate: '2025-04-10' },
    { id: 'rh', customerId: 'rh', currency: 'USD', amount: '100.00', paid: '0', dueDate: '2025-04-10' },
  ];
  const receipt = { id: 'r1', customerId: 'nw', currency: 'USD', amount: '40000.00', allocated: '0' };
  const tolerance = { USD: '50.00', EUR: '40.00' };

  it('refuses a receipt of zero or a value date in the future', () => {
    expect(refusal(() => assertReceipt({ amount: '0', currency: 'USD', valueDate: '2025-03-01' }, '2025-03-10')).fields?.[0]?.field).toBe('amount');
    expect(refusal(() => assertReceipt({ amount: '-5', currency: 'USD', valueDate: '2025-03-01' }, '2025-03-10')).fields?.[0]?.field).toBe('amount');
    expect(refusal(() => assertReceipt({ amount: '5', currency: 'USD', valueDate: '2025-03-11' }, '2025-03-10')).fields?.[0]?.field).toBe('valueDate');
    expect(() => assertReceipt({ amount: '5', currency: 'USD', valueDate: '2025-03-10', bankCharges: '15.00' }, '2025-03-10')).not.toThrow();
  });

  it('allocates one payment to several items and keeps the over-payment as the customer\'s credit', () => {
    const plan = planAllocation(receipt, items, { allocations: [{ itemId: 'dep', amount: '33120' }, { itemId: 'bal', amount: '6000.5' }], restToCredit: true }, tolerance);
    expect(plan).toEqual({ allocations: [{ itemId: 'dep', amount: '33120.00' }, { itemId: 'bal', amount: '6000.50' }], bankChargeWriteOffs: [], credit: '879.50', unallocated: '0.00' });
  });

  it('writes off a short payment by bank charges within the tolerance', () => {
    const plan = planAllocation({ ...receipt, amount: '33085.00' }, items, { allocations: [{ itemId: 'dep', amount: '33085.00' }], writeOffBankCharges: true }, tolerance);
    expect(plan.bankChargeWriteOffs).toEqual([{ itemId: 'dep', amount: '35.00' }]);
    const err = refusal(() => planAllocation({ ...receipt, amount: '33000.00' }, items, { allocations: [{ itemId: 'dep', amount: '33000.00' }], writeOffBankCharges: true }, tolerance));
    expect(err.fields).toEqual([{ field: 'allocations.0.amount', message: 'leaves USD 120.00 open, more than the bank charge tolerance of USD 50.00' }]);
  });

  it('never allocates above an item\'s open amount, nor more than the receipt has', () => {
    expect(refusal(() => planAllocation(receipt, items, { allocations: [{ itemId: 'dep', amount: '20000' }, { itemId: 'dep', amount: '13120.01' }] }, tolerance)).fields).toEqual([
      { field: 'allocations.1.amount', message: 'exceeds the open amount of the item (USD 33120.00)' },
    ]);
    expect(refusal(() => planAllocation({ ...receipt, allocated: '39000.00' }, items, { allocations: [{ itemId: 'dep', amount: '1000.01' }] }, tolerance)).fields?.[0]?.field).toBe('allocations');
    expect(refusal(() => planAllocation(receipt, [{ ...items[0]!, paid: '33000.00' }], { allocations: [{ itemId: 'dep', amount: '120.01' }] }, tolerance)).code).toBe('VALIDATION');
  });

  it('refuses another currency, another customer\'s item, and amounts of zero or below a cent', () => {
    expect(refusal(() => planAllocation(receipt, items, { allocations: [{ itemId: 'eur', amount: '10' }] }, tolerance)).fields?.[0]?.message).toBe('is in EUR; the receipt is in USD');
    expect(refusal(() => planAllocation(receipt, items, { allocations: [{ itemId: 'rh', amount: '10' }] }, tolerance)).fields?.[0]?.field).toBe('allocations.0.itemId');
    expect(refusal(() => planAllocation(receipt, items, { allocations: [{ itemId: 'dep', amount: '0' }] }, tolerance)).fields?.[0]?.field).toBe('allocations.0.amount');
    expect(refusal(() => planAllocation(receipt, items, { allocations: [{ itemId: 'dep', amount: '1.005' }] }, tolerance)).fields?.[0]?.message).toMatch(/decimal places/);
  });

  it('corrects by reversal: an entry is reversed once, a reversal never, and totals net out', () => {
    const ledger: LedgerEntry[] = [
      { id: 'e1', kind: 'ALLOCATION', receiptId: 'r1', itemId: 'dep', amount: '33085.00', reversesId: null },
      { id: 'e2', kind: 'BANK_CHARGES', receiptId: 'r1', itemId: 'dep', amount: '35.00', reversesId: null },
    ];
    const rev = reversalOf(ledger[0]!, ledger);
    expect(rev).toEqual({ kind: 'REVERSAL', receiptId: 'r1', itemId: 'dep', amount: '-33085', reversesId: 'e1' });
    const after = [...ledger, { ...rev, id: 'e3' }];
    expect(refusal(() => reversalOf(ledger[0]!, after)).code).toBe('CONFLICT');
    expect(refusal(() => reversalOf(after[2]!, after)).code).toBe('CONFLICT');
    const totals = itemLedgerTotals(after);
    expect([totals.paid.toFixed(2), totals.bankCharges.toFixed(2), totals.writtenOff.toFixed(2)]).toEqual(['0.00', '35.00', '0.00']);
  });
});

describe('proposeMatches: statement credits to open items', () => {
  // Demo data: Northwind Imports Ltd (GB) pays in USD, Rheinland Handel GmbH (DE) in EUR.
  const nwDeposit = scheduleItemReference('SC-2025-000123', 1);
  const nwBalance = scheduleItemReference('SC-2025-000123', 2);
  const items: MatchableItem[] = [
    { id: 'nw-1', customerId: 'nw', customerName: 'Northwind Imports Ltd', currency: 'USD', amount: '33120.00', paid: '0', dueDate: '2025-03-10', reference: nwDeposit, documentNumbers: ['SC-2025-000123', 'PI-2025-000311'] },
    { id: 'nw-2', customerId: 'nw', customerName: 'Northwind Imports Ltd', currency: 'USD', amount: '77280.00', paid: '0', dueDate: '2025-04-10', reference: nwBalance, documentNumbers: ['SC-2025-000123', 'PI-2025-000311', 'CI-2025-000045'] },
    { id: 'rh-1', customerId: 'rh', customerName: 'Rheinland Handel GmbH', currency: 'EUR', amount: '12600.00', paid: '0', dueDate: '2025-04-02', reference: scheduleItemReference('SC-2025-000131', 1), documentNumbers: ['SC-2025-000131'] },
    { id: 'rh-2', customerId: 'rh', customerName: 'Rheinland Handel GmbH', currency: 'EUR', amount: '12600.00', paid: '0', dueDate: '2025-05-02', reference: scheduleItemReference('SC-2025-000131', 2), documentNumbers: ['SC-2025-000131'] },
  ];
  const credit = (key: string, amount: string, currency: string, over: Partial<Parameters<typeof proposeMatches>[0][number]> = {}) => ({
    key, amount, currency, valueDate: '2025-04-12', creditorReference: null, remittance: null, debtorName: null, ...over,
  });

  it('matches by structured reference first, then a reference in the text, then a document number, then amount and payer', () => {
    const proposals = proposeMatches(
      [
        credit('e1', '33120.00', 'USD', { creditorReference: nwDeposit, remittance: 'SC-2025-000123 balance', debtorName: 'NORTHWIND IMPORTS LIMITED' }),
        credit('e2', '10000.00', 'USD', { remittance: `PART PAYMENT ${formatCreditorReference(nwBalance)} THANK YOU` }),
        credit('e3', '12600.00', 'EUR', { remittance: 'Rechnung SC 2025 000131 Anzahlung', debtorName: 'Rheinland Handel' }),
        credit('e4', '12600.00', 'EUR', { debtorName: 'RHEINLAND HANDEL GMBH' }),
        credit('e5', '999.00', 'USD', { debtorName: 'Someone Else' }),
      ],
      items,
    );
    expect(proposals.map((p) => [p.entryKey, p.reason, p.allocations, p.unallocated])).toEqual([
      ['e1', 'STRUCTURED_REFERENCE', [{ itemId: 'nw-1', amount: '33120.00' }], '0.00'],
      ['e2', 'REFERENCE_IN_TEXT', [{ itemId: 'nw-2', amount: '10000.00' }], '0.00'],
      ['e3', 'DOCUMENT_NUMBER', [{ itemId: 'rh-1', amount: '12600.00' }], '0.00'],
      ['e4', 'AMOUNT_AND_PAYER', [{ itemId: 'rh-2', amount: '12600.00' }], '0.00'],
      ['e5', 'UNMATCHED', [], '999.00'],
    ]);
    expect(proposals[0]!.detail).toBe(`structured reference ${formatCreditorReference(nwDeposit)}`);
    expect(proposals[2]!.detail).toBe('SC-2025-000131 in the remittance text');
    expect(proposals[3]!.detail).toMatch(/payer "RHEINLAND HANDEL GMBH" ~ "Rheinland Handel GmbH" \(1\.00\)/);
  });

  it('spreads a payment quoting a contract over its items, earliest due first, and leaves the rest unallocated', () => {
    const [p] = proposeMatches([credit('e1', '120000.00', 'USD', { remittance: 'SC2025000123' })], items);
    expect(p).toMatchObject({ reason: 'DOCUMENT_NUMBER', customerId: 'nw', allocations: [{ itemId: 'nw-1', amount: '33120.00' }, { itemId: 'nw-2', amount: '77280.00' }], unallocated: '9600.00' });
  });

  it('proposes to write off a short payment within the bank charge tolerance, and matches an amount short by charges', () => {
    const tolerance = { bankChargeTolerance: { USD: '50.00', EUR: '40.00' } };
    const ps = proposeMatches(
      [
        credit('e1', '33085.00', 'USD', { creditorReference: nwDeposit }),
        credit('e2', '40000.00', 'USD', { remittance: 'SC-2025-000123 balance' }),
        credit('e3', '12575.00', 'EUR', { debtorName: 'Rheinland Handel GmbH' }),
      ],
      items,
      tolerance,
    );
    expect(ps.map((p) => [p.reason, p.allocations, p.bankChargeWriteOffs])).toEqual([
      ['STRUCTURED_REFERENCE', [{ itemId: 'nw-1', amount: '33085.00' }], [{ itemId: 'nw-1', amount: '35.00' }]],
      ['DOCUMENT_NUMBER', [{ itemId: 'nw-2', amount: '40000.00' }], []],
      ['AMOUNT_AND_PAYER', [{ itemId: 'rh-1', amount: '12575.00' }], [{ itemId: 'rh-1', amount: '25.00' }]],
    ]);
    // Without a tolerance, the 35.00 stays open and the next payment quoting the contract closes it first.
    const strict = proposeMatches([credit('e1', '33085.00', 'USD', { creditorReference: nwDeposit }), credit('e2', '40000.00', 'USD', { remittance: 'SC-2025-000123' })], items);
    expect(strict[1]!.allocations).toEqual([{ itemId: 'nw-1', amount: '35.00' }, { itemId: 'nw-2', amount: '39965.00' }]);
  });

  it('does not match across currencies, and counts equal candidates as alternatives', () => {
    const [wrongCcy] = proposeMatches([credit('e1', '33120.00', 'EUR', { creditorReference: nwDeposit })], items);
    expect(wrongCcy!.reason).toBe('UNMATCHED');
    const [twice] = proposeMatches([credit('e1', '12600.00', 'EUR', { debtorName: 'Rheinland Handel GmbH' })], items);
    expect(twice).toMatchObject({ reason: 'AMOUNT_AND_PAYER', allocations: [{ itemId: 'rh-1', amount: '12600.00' }], alternatives: 1 });
  });

  it('never lets two entries claim the same money', () => {
    const ps = proposeMatches([credit('e1', '33120.00', 'USD', { creditorReference: nwDeposit }), credit('e2', '33120.00', 'USD', { creditorReference: nwDeposit })], items);
    expect(ps.map((p) => p.reason)).toEqual(['STRUCTURED_REFERENCE', 'UNMATCHED']);
  });

  it('compares payer names without case, accents, punctuation or legal form', () => {
    expect(nameSimilarity('Northwind Imports Ltd', 'NORTHWIND IMPORTS LIMITED')).toBe(1);
    expect(nameSimilarity('Müller & Söhne GmbH', 'MUELLER UND SOEHNE')).toBeGreaterThan(0.6);
    expect(nameSimilarity('Northwind Imports Ltd', 'Southwind Exports Ltd')).toBeLessThan(0.8);
    expect(nameSimilarity('Ltd', 'GmbH')).toBe(0);
  });
});

describe('ageing', () => {
  it('puts each open amount in one bucket by days past due, as of a date', () => {
    const asOf = '2025-06-30';
    expect(ageingBucket(null, asOf)).toBe('NOT_DUE');
    expect(ageingBucket('2025-06-30', asOf)).toBe('NOT_DUE');
    expect(ageingBucket('2025-06-29', asOf)).toBe('DAYS_1_30');
    expect(ageingBucket('2025-05-31', asOf)).toBe('DAYS_1_30');
    expect(ageingBucket('2025-05-30', asOf)).toBe('DAYS_31_60');
    expect(ageingBucket('2025-05-01', asOf)).toBe('DAYS_31_60');
    expect(ageingBucket('2025-04-30', asOf)).toBe('DAYS_61_90');
    expect(ageingBucket('2025-04-01', asOf)).toBe('DAYS_61_90');
    expect(ageingBucket('2025-03-31', asOf)).toBe('OVER_90');
  });

  it('reports by customer and currency, never adding currencies together', () => {
    const report = ageingReport(
      [
        { customerId: 'nw', currency: 'USD', open: '100.10', dueDate: '2025-07-10' },
        { customerId: 'nw', currency: 'USD', open: '200.20', dueDate: '2025-06-01' },
        { customerId: 'nw', currency: 'USD', open: '300.30', dueDate: '2025-01-02' },
        { customerId: 'nw', currency: 'EUR', open: '50.00', dueDate: null },
        { customerId: 'nw', currency: 'USD', open: '0', dueDate: '2025-01-02' },
        { customerId: 'rh', currency: 'EUR', open: '12600.00', dueDate: '2025-04-02' },
      ],
      '2025-06-30',
    );
    expect(report).toEqual([
      { customerId: 'nw', currency: 'EUR', buckets: { NOT_DUE: '50.00', DAYS_1_30: '0.00', DAYS_31_60: '0.00', DAYS_61_90: '0.00', OVER_90: '0.00' }, total: '50.00', items: 1 },
      { customerId: 'nw', currency: 'USD', buckets: { NOT_DUE: '100.10', DAYS_1_30: '200.20', DAYS_31_60: '0.00', DAYS_61_90: '0.00', OVER_90: '300.30' }, total: '600.60', items: 3 },
      { customerId: 'rh', currency: 'EUR', buckets: { NOT_DUE: '0.00', DAYS_1_30: '0.00', DAYS_31_60: '0.00', DAYS_61_90: '12600.00', OVER_90: '0.00' }, total: '12600.00', items: 1 },
    ]);
  });
});

describe('reminders and dunning', () => {
  const policy = dunningPolicy({ reminderDaysBefore: 7, levels: [{ level: 1, daysOverdue: 3 }, { level: 2, daysOverdue: 10 }, { level: 3, daysOverdue: 30 }] });
  const item = { id: 'i', customerId: 'nw', open: '100.00', dueDate: '2025-05-14', reminderSent: false, levelsSent: [] as number[] };
  const run = (over: Partial<typeof item>, asOf: string, paused = new Set<string>()) => noticesDue([{ ...item, ...over }], policy, asOf, paused).map((n) => [n.kind, n.level, n.daysOverdue]);

  it('reminds once within N days before the due date', () => {
    expect(run({}, '2025-05-06')).toEqual([]);
    expect(run({}, '2025-05-07')).toEqual([['REMINDER', null, -7]]);
    expect(run({}, '2025-05-14')).toEqual([['REMINDER', null, 0]]);
    expect(run({ reminderSent: true }, '2025-05-10')).toEqual([]);
  });

  it('sends each dunning level once, at 3, 10 and 30 days overdue, jumping to the highest level reached', () => {
    expect(run({}, '2025-05-16')).toEqual([]);
    expect(run({}, '2025-05-17')).toEqual([['DUNNING', 1, 3]]);
    expect(run({ levelsSent: [1] }, '2025-05-20')).toEqual([]);
    expect(run({ levelsSent: [1] }, '2025-05-24')).toEqual([['DUNNING', 2, 10]]);
    expect(run({}, '2025-06-14')).toEqual([['DUNNING', 3, 31]]);
    expect(run({ levelsSent: [1, 2, 3] }, '2025-09-14')).toEqual([]);
  });

  it('skips paid items, items without a due date and paused customers', () => {
    expect(run({ open: '0' }, '2025-06-14')).toEqual([]);
    expect(run({ dueDate: null as unknown as string }, '2025-06-14')).toEqual([]);
    expect(run({}, '2025-06-14', new Set(['nw']))).toEqual([]);
  });

  it('refuses levels out of order or days that do not rise', () => {
    expect(refusal(() => dunningPolicy({ reminderDaysBefore: 7, levels: [{ level: 1, daysOverdue: 10 }, { level: 2, daysOverdue: 10 }] })).fields?.[0]?.field).toBe('levels.1.daysOverdue');
    expect(refusal(() => dunningPolicy({ reminderDaysBefore: 7, levels: [{ level: 2, daysOverdue: 3 }] })).fields?.[0]?.field).toBe('levels.0.level');
    expect(refusal(() => dunningPolicy({ reminderDaysBefore: -1, levels: [] })).fields?.[0]?.field).toBe('reminderDaysBefore');
  });
});

describe('creditExposure', () => {
  const base = {
    limit: { amount: '200000.00', currency: 'USD' },
    items: [
      { currency: 'USD', open: '77280.00', dueDate: '2025-04-10' },
      { currency: 'USD', open: '33120.00', dueDate: null },
      { currency: 'EUR', open: '10000.00', dueDate: '2025-04-02' },
    ],
    unscheduled: [{ currency: 'USD', amount: '20000.00' }],
    proposed: { currency: 'USD', amount: '30000.00' },
    rates: { EUR: '1.0850' },
  };

  it('adds open receivables and contract value not yet invoiced, in the limit currency', () => {
    expect(creditExposure(base)).toEqual({
      currency: 'USD', receivables: '88130.00', notInvoiced: '53120.00', exposure: '141250.00', proposed: '30000.00', after: '171250.00',
      limit: '200000.00', available: '28750.00', usedPercent: '85.6', status: 'WARNING',
    });
  });

  it('says OVER when the new contract passes the limit, WITHIN below the warning share, NO_LIMIT without a limit', () => {
    expect(creditExposure({ ...base, proposed: { currency: 'USD', amount: '58750.01' } }).status).toBe('OVER');
    expect(creditExposure({ ...base, proposed: null, warnAtPercent: '90' }).status).toBe('WITHIN');
    expect(creditExposure({ ...base, limit: null })).toMatchObject({ status: 'NO_LIMIT', limit: null, after: '171250.00' });
  });

  it('refuses a currency without an exchange rate, naming it', () => {
    expect(refusal(() => creditExposure({ ...base, rates: {} })).fields).toEqual([{ field: 'items.2.currency', message: 'no exchange rate from EUR to USD' }]);
  });
});
