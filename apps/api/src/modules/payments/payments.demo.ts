import { writeFile } from 'node:fs/promises';
import { Dec, calendarDate, type Actor } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import { sampleCamt053, type SampleCredit } from './camt-sample.ts';
import type { DunningService } from './dunning.service.ts';
import type { FinanceSettingsService } from './finance-settings.service.ts';
import type { ReceiptsService } from './receipts.service.ts';

/** What the payments demo uses: the feature's own services, read access for the items, and a finance user to act as. */
export type PaymentsDemoServices = { prisma: PrismaClient; receipts: ReceiptsService; dunning: DunningService; settings: FinanceSettingsService; finance: Actor };

/**
 * The lived-in demo of collections, through the feature's own services, on confirmed contracts
 * (their schedules exist from the confirmation). Of the items already due, taken contract by contract
 * in the order given: the first paid in full (short by bank charges, written off), the second paid in
 * part, the third over-paid with the excess kept as the customer's credit; the rest
 * left open, so that their ages (from the contracts' history) fill the ageing buckets and the due
 * soon list; then one notice run, which sends the dunning letters the overdue items have reached.
 * Returns a camt.053 sample matching open demo items (a structured reference, a contract number in
 * the text, an amount and payer), written to `sampleFile` when given, for a newcomer to import.
 */
export async function seedPaymentsDemo(
  services: PaymentsDemoServices,
  /** `at` moves the services' clock: each receipt is booked on its value date, the notice run this morning. */
  options: { contracts: readonly string[]; today: string; sampleFile?: string; at: (instant: Date) => void; now: Date },
): Promise<{ receipts: number; dunning: number; sample: string }> {
  const { prisma, receipts, dunning, settings, finance } = services;
  const items = await prisma.paymentScheduleItem.findMany({
    where: { contractId: { in: [...options.contracts] } },
    orderBy: [{ contractId: 'asc' }, { seq: 'asc' }],
    select: { id: true, contractId: true, buyerCompanyId: true, currency: true, amount: true, openAmount: true, dueDate: true, reference: true, contract: { select: { number: true, buyerCompany: { select: { name: true } } } } },
  });
  // The items already due, contract by contract in the order given.
  const due = options.contracts.flatMap((id) => items.filter((i) => i.contractId === id && i.dueDate !== null && calendarDate(i.dueDate) <= options.today));
  const meta = { requestId: 'demo' };
  let made = 0;
  const receive = async (item: (typeof items)[number], amount: string, allocate: string, ref: string, writeOffBankCharges = false) => {
    const valueDate = calendarDate(item.dueDate!) <= options.today ? calendarDate(item.dueDate!) : options.today;
    // Booked by finance on the value date, in Ningbo office hours (10:00 Beijing), never after now.
    options.at(new Date(Math.min(Date.parse(`${valueDate}T02:00:00Z`) + made * 60_000, options.now.getTime())));
    await receipts.record(finance, {
      companyId: item.buyerCompanyId, contractId: item.contractId, amount, currency: item.currency, valueDate,
      bankReference: ref, payerName: item.contract.buyerCompany.name, note: undefined, allocations: [{ itemId: item.id, amount: allocate }],
      writeOffBankCharges,
    }, meta);
    made++;
  };
  const tolerance = new Dec((await settings.get()).bankChargeTolerance[items[0]?.currency ?? 'USD'] ?? '0');
  // Paid: the amount less bank charges within the tolerance (written off).
  const paid = due[0];
  if (paid) {
    const charges = Dec.min(tolerance, new Dec('35.00'));
    const net = new Dec(paid.openAmount.toFixed()).minus(charges).toFixed(2);
    await receive(paid, net, net, 'DEMO-BOC-0001', true);
  }
  // Partly paid: 40 % of the item.
  const partly = due[1];
  if (partly) {
    const part = new Dec(partly.openAmount.toFixed()).times('0.4').toFixed(2);
    await receive(partly, part, part, 'DEMO-BOC-0002');
  }
  // Over-paid: 500 more than the item; the rest stays the customer's credit.
  const over = due[2];
  if (over) await receive(over, new Dec(over.openAmount.toFixed()).plus(500).toFixed(2), over.openAmount.toFixed(2), 'DEMO-BOC-0003');
  // Today's notice run, at the start of office hours (09:00 Beijing) unless that is still to come.
  options.at(new Date(Math.min(Date.parse(`${options.today}T01:00:00Z`), options.now.getTime())));
  const run = await dunning.run();

  // The sample statement pays three items that are still open, each found by another rule.
  const open = await prisma.paymentScheduleItem.findMany({
    where: { contractId: { in: [...options.contracts] }, isOpen: true, currency: 'USD' },
    orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }],
    take: 3,
    select: { openAmount: true, reference: true, currency: true, contract: { select: { number: true, buyerCompany: { select: { name: true } } } } },
  });
  const credits: SampleCredit[] = open.map((i, n) => {
    const base = { currency: i.currency, bankReference: `DEMO-CAMT-${String(n + 1).padStart(4, '0')}`, debtorName: i.contract.buyerCompany.name.toUpperCase() };
    if (n === 0) return { ...base, amount: new Dec(i.openAmount.toFixed()).minus('35.00').toFixed(2), creditorReference: i.reference };
    if (n === 1) return { ...base, amount: new Dec(i.openAmount.toFixed()).times('0.5').toFixed(2), remittance: `${i.contract.number} PART PAYMENT` };
    return { ...base, amount: i.openAmount.toFixed(2) };
  });
  credits.push({ amount: '1250.00', currency: 'USD', bankReference: 'DEMO-CAMT-9999', debtorName: 'UNKNOWN TRADING CO', remittance: 'REFUND 2211' });
  const account = (await settings.get()).accounts[0] ?? '358000000000123456';
  const sample = sampleCamt053({ account, currency: 'USD', date: options.today, statementId: `DEMO-${options.today}`, credits });
  if (options.sampleFile) await writeFile(options.sampleFile, sample);
  return { receipts: made, dunning: run.dunning, sample };
}
