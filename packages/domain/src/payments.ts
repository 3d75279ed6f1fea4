import { type BusinessCalendar, nextBusinessDay } from './banking-days.ts';
import { addDays, daysBetween } from './calendar.ts';
import { DomainError } from './errors.ts';
import { MAX_PRESENTATION_DAYS } from './letters-of-credit.ts';
import { Dec, currencyScale } from './money.ts';
import { instalmentAmounts } from './sales-contracts.ts';
import { type Instalment, paymentTermsText } from './quotes.ts';
import type { PaymentMethodCode, PaymentTriggerCode } from './reference.ts';

/*
 * Collections (货款追讨): the payment schedule that a contract's terms give, the state of each item
 * as of a date, the structured reference (ISO 11649) that brings a payment back, receipts and their
 * allocation, proposals for bank statement lines, ageing, reminders and dunning, credit exposure.
 * Amounts are decimal strings in the contract currency (exact, decimal.js), dates YYYY-MM-DD.
 *
 * Date rules (UCP 600, ICC publication 600):
 *  - art. 3: "from" and "after", used to determine a maturity date, exclude the date mentioned;
 *    so "60 days after B/L date" counts day 1 as the day after the B/L date (addDays).
 *  - art. 14(c): documents are presented not later than 21 calendar days after the date of
 *    shipment, and in any event not later than the expiry date of the credit.
 *  - art. 20(a)(ii): the date of shipment is the on-board notation date, else the B/L issue date.
 *  - art. 29(a): an expiry date or last day for presentation on a day the bank is closed moves to
 *    the first following banking day; art. 29(c): the latest date for shipment does not move.
 */

type DecimalLike = string | Dec;

function fail(field: string, message: string, title = message): never {
  throw new DomainError('VALIDATION', title, [{ field, message }]);
}

// ───────────────────────────── The schedule from the terms ─────────────────────────────

/** What the schedule needs of the contract: its total with confirmed amendments, its terms and its dates. */
export type ScheduleContract = {
  number: string;
  currency: string;
  total: string;
  /** The buyer's confirmation; null until confirmed (a deposit on confirmation has no due date yet). */
  confirmedOn: string | null;
  latestShipmentDate: string;
  terms: readonly Instalment[];
  /** Every line shipped (or the contract closed): the last shipment then takes the rounding rest. */
  fullyShipped: boolean;
};

/** A shipment as the schedule sees it: its invoice value at contract prices and the dates that make its items due. */
export type ScheduleShipment = {
  id: string;
  number: string;
  value: string;
  plannedDeparture: string | null;
  blDate: string | null;
  onBoardDate: string | null;
  invoiceDate: string | null;
  /** Documents presented to the bank (L/C), or by the collecting bank to the buyer (D/P, D/A). */
  presentedOn: string | null;
  /** The buyer's acceptance of the draft (D/A, usance L/C). */
  acceptedOn: string | null;
};

/** The credit, for presentation deadlines: expiry and presentation period, and the calendar of the bank of presentation. */
export type ScheduleLc = { expiryDate: string; presentationDays: number | null; latestShipmentDate: string | null; calendar: BusinessCalendar };

/** One planned schedule item. `key` is stable across re-derivations: term, and shipment or the unshipped rest. */
export type PlannedItem = {
  key: string;
  termSeq: number;
  shipmentId: string | null;
  method: PaymentMethodCode;
  trigger: PaymentTriggerCode;
  days: number;
  description: string;
  amount: string;
  currency: string;
  /** Null until the trigger happens (no B/L date yet, documents not presented…). */
  dueDate: string | null;
  /** L/C drawings: the last day to present the documents (art. 14c with art. 29a); null otherwise or before shipment. */
  presentBy: string | null;
};

/**
 * Methods under which the buyer pays nothing to us directly: an L/C drawing is paid by the bank
 * under the credit against our documents. Their items age for finance like any other, but no
 * reminder, dunning letter or "to pay" item goes to the buyer for them.
 */
export const BANK_PAID_METHODS: readonly PaymentMethodCode[] = ['LC'];

/** Triggers that happen once per shipment; a deposit on confirmation happens once per contract. */
const perShipment: ReadonlySet<PaymentTriggerCode> = new Set(['BEFORE_SHIPMENT', 'BL_COPY', 'BL_DATE', 'SIGHT', 'ACCEPTANCE', 'INVOICE_DATE']);

/** The date of shipment a B/L proves (UCP 600 art. 20a-ii): its on-board notation date, else its issue date. */
export function dateOfShipment(bl: { blDate: string | null; onBoardDate: string | null }): string | null {
  return bl.onBoardDate ?? bl.blDate;
}

/**
 * The due date of an instalment for a shipment (or for the contract), or null while its trigger has not happened.
 * `presentBy` is an L/C drawing's last day to present the documents: the beneficiary must present by then
 * (art. 14c, 29a), so until a presentation is recorded the drawing is taken as presented on that day; the
 * item falls due then instead of waiting for ever on an event that may never be recorded.
 */
function dueDateOf(term: Instalment, contract: ScheduleContract, shipment: ScheduleShipment | null, presentBy: string | null = null): string | null {
  const days = term.days ?? 0;
  const after = (date: string | null) => (date === null ? null : addDays(date, days));
  switch (term.trigger) {
    case 'CONTRACT_CONFIRMATION':
      return after(contract.confirmedOn);
    case 'BEFORE_SHIPMENT':
      return addDays(shipment?.plannedDeparture ?? contract.latestShipmentDate, -days);
    case 'BL_COPY':
      return after(shipment?.blDate ?? null);
    case 'BL_DATE':
      // "X days after B/L date": counted from the date of shipment the B/L proves (art. 20a-ii).
      return after(shipment ? dateOfShipment(shipment) : null);
    case 'SIGHT':
      return after(shipment?.presentedOn ?? presentBy);
    case 'ACCEPTANCE':
      return after(shipment?.acceptedOn ?? presentBy);
    case 'INVOICE_DATE':
      return after(shipment?.invoiceDate ?? null);
  }
}

/** The L/C dates of one shipment: the presentation deadline after moving closed days (art. 14c, 29a) and whether it shipped late (art. 29c). */
export type LcShipmentDates = {
  shipmentDate: string;
  /** Shipment date + presentation period (21 days unless the credit says fewer). */
  lastPresentationDay: string;
  /** The expiry and the last presentation day, each moved to the next banking day where the bank is closed (art. 29a). */
  expiryDate: string;
  presentBy: string;
  /** Shipped after the credit's latest shipment date, which never moves (art. 29c). */
  lateShipment: boolean;
};

/** The presentation deadline of a credit for a shipment: the earlier of shipment + 21 (or fewer) days and the expiry, each moved off closed days (art. 14c, 29a). */
export function lcPresentationDeadline(shipmentDate: string, lc: ScheduleLc): LcShipmentDates {
  const period = lc.presentationDays ?? MAX_PRESENTATION_DAYS;
  if (!Number.isInteger(period) || period < 1 || period > MAX_PRESENTATION_DAYS) fail('lc.presentationDays', `must be a whole number of days from 1 to ${MAX_PRESENTATION_DAYS} (UCP 600 art. 14c)`);
  const lastPresentationDay = addDays(shipmentDate, period);
  const lastMoved = nextBusinessDay(lc.calendar, lastPresentationDay);
  const expiryMoved = nextBusinessDay(lc.calendar, lc.expiryDate);
  return {
    shipmentDate,
    lastPresentationDay,
    expiryDate: expiryMoved,
    presentBy: lastMoved < expiryMoved ? lastMoved : expiryMoved,
    lateShipment: lc.latestShipmentDate !== null && shipmentDate > lc.latestShipmentDate,
  };
}

/** Splits an instalment across the shipments by value, each share rounded; what is not yet shipped stays in one rest item. */
function shareByShipment(amount: Dec, contract: ScheduleContract, shipments: readonly ScheduleShipment[], scale: number): { shipment: ScheduleShipment | null; amount: Dec }[] {
  const total = new Dec(contract.total);
  const shares: { shipment: ScheduleShipment | null; amount: Dec }[] = [];
  let used = new Dec(0);
  shipments.forEach((s, i) => {
    const last = contract.fullyShipped && i === shipments.length - 1;
    const pro = total.isZero() ? new Dec(0) : amount.times(s.value).div(total).toDecimalPlaces(scale, Dec.ROUND_HALF_UP);
    // Over-shipment within tolerance must not push the instalment beyond its amount before the last shipment.
    const share = last ? amount.minus(used) : Dec.min(pro, amount.minus(used));
    used = used.plus(share);
    shares.push({ shipment: s, amount: share });
  });
  if (!(contract.fullyShipped && shipments.length > 0)) shares.push({ shipment: null, amount: amount.minus(used) });
  return shares.filter((s) => s.amount.gt(0));
}

/**
 * The payment schedule that the contract's terms give, with its shipments so far: a contract-level
 * item per instalment due on confirmation (+ N days); per shipment, each other instalment pro rata
 * to the shipment's value (the last shipment of a fully shipped contract takes the rounding rest),
 * and one item for what is not shipped yet. The items always add up to the contract total exactly.
 * L/C items carry the presentation deadline of their shipment.
 */
export function deriveSchedule(contract: ScheduleContract, shipments: readonly ScheduleShipment[], lc: ScheduleLc | null = null): PlannedItem[] {
  const scale = currencyScale(contract.currency);
  if (!new Dec(contract.total).gte(0)) fail('total', 'must not be negative');
  const amounts = instalmentAmounts(contract.total, contract.terms.map((t) => t.percent), scale);
  const items: PlannedItem[] = [];
  contract.terms.forEach((term, i) => {
    const termSeq = i + 1;
    const text = paymentTermsText([term]);
    const base = { termSeq, method: term.method, trigger: term.trigger, days: term.days ?? 0, currency: contract.currency };
    const amount = new Dec(amounts[i]!);
    if (!perShipment.has(term.trigger)) {
      items.push({ ...base, key: `${termSeq}`, shipmentId: null, description: text, amount: amount.toFixed(scale), dueDate: dueDateOf(term, contract, null), presentBy: null });
      return;
    }
    for (const share of shareByShipment(amount, contract, shipments, scale)) {
      const s = share.shipment;
      const shipped = s ? dateOfShipment(s) : null;
      const presentBy = term.method === 'LC' && lc && shipped ? lcPresentationDeadline(shipped, lc).presentBy : null;
      items.push({
        ...base,
        key: s ? `${termSeq}:${s.id}` : `${termSeq}:rest`,
        shipmentId: s?.id ?? null,
        description: s ? `${text}, shipment ${s.number}` : `${text}, not yet shipped`,
        amount: share.amount.toFixed(scale),
        dueDate: term.trigger === 'BEFORE_SHIPMENT' || s ? dueDateOf(term, contract, s, presentBy) : null,
        presentBy,
      });
    }
  });
  return items;
}

/** An item as stored, for re-derivation: its key, amount and what has been paid on it. */
export type StoredItem = { key: string; amount: string; paid: string };

/** What re-deriving a schedule changes: items to add, to change, to drop (nothing paid on them), and payments that now exceed their item. */
export type ScheduleChanges = {
  create: PlannedItem[];
  update: PlannedItem[];
  remove: string[];
  /** Items whose new amount is below what was paid on them (or that the terms no longer have): the excess goes back to the customer's credit by a reversal. */
  overpaid: { key: string; paid: string; amount: string; excess: string }[];
};

/**
 * Compares the stored schedule with a new derivation (after an amendment or a shipment), items
 * matched by key: new keys are created, known keys updated, vanished keys removed when nothing is
 * paid on them. Money paid is never dropped silently: an item whose new amount is below its payments,
 * or that vanished with payments on it, is reported as overpaid for finance to reverse and reallocate.
 */
export function scheduleChanges(stored: readonly StoredItem[], planned: readonly PlannedItem[]): ScheduleChanges {
  const byKey = new Map(stored.map((s) => [s.key, s]));
  const plannedKeys = new Set(planned.map((p) => p.key));
  const changes: ScheduleChanges = { create: [], update: [], remove: [], overpaid: [] };
  for (const p of planned) {
    const s = byKey.get(p.key);
    if (!s) {
      changes.create.push(p);
      continue;
    }
    changes.update.push(p);
    if (new Dec(s.paid).gt(p.amount)) changes.overpaid.push({ key: p.key, paid: s.paid, amount: p.amount, excess: new Dec(s.paid).minus(p.amount).toFixed() });
  }
  for (const s of stored) {
    if (plannedKeys.has(s.key)) continue;
    if (new Dec(s.paid).isZero()) changes.remove.push(s.key);
    else changes.overpaid.push({ key: s.key, paid: s.paid, amount: '0', excess: new Dec(s.paid).toFixed() });
  }
  return changes;
}

// ───────────────────────────── Item state ─────────────────────────────

export const scheduleItemStatuses = ['SCHEDULED', 'DUE', 'PARTLY_PAID', 'PAID', 'OVERDUE', 'WRITTEN_OFF'] as const;
export type ScheduleItemStatus = (typeof scheduleItemStatuses)[number];

/** An item's money: its amount, what receipts paid, short payments written off as bank charges, and bad-debt write-offs. */
export type ItemBalance = { amount: DecimalLike; paid: DecimalLike; bankCharges?: DecimalLike; writtenOff?: DecimalLike; dueDate: string | null };

/** What is still owed on an item: amount − paid − bank charges written off − written off (never below zero). */
export function openAmount(item: ItemBalance): Dec {
  const open = new Dec(item.amount).minus(item.paid).minus(item.bankCharges ?? 0).minus(item.writtenOff ?? 0);
  return Dec.max(open, 0);
}

/**
 * The status of an item as of a date: PAID when nothing is open (WRITTEN_OFF when a bad-debt
 * write-off closed it); OVERDUE after its due date; otherwise PARTLY_PAID when something was paid,
 * DUE once its trigger has happened and its due date is known, SCHEDULED before that.
 */
export function scheduleItemStatus(item: ItemBalance, asOf: string): ScheduleItemStatus {
  if (openAmount(item).isZero()) return new Dec(item.writtenOff ?? 0).gt(0) ? 'WRITTEN_OFF' : 'PAID';
  if (item.dueDate !== null && asOf > item.dueDate) return 'OVERDUE';
  if (new Dec(item.paid).gt(0)) return 'PARTLY_PAID';
  return item.dueDate === null ? 'SCHEDULED' : 'DUE';
}

// ───────────────────────────── ISO 11649 creditor reference ─────────────────────────────

/** The ISO 7064 MOD 97-10 remainder of an alphanumeric string, letters as 10…35 (A=10 … Z=35), as ISO 11649 and IBANs use it. */
function mod97(alnum: string): number {
  let rest = 0;
  for (const ch of alnum) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rest = value >= 10 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return rest;
}

/** A reference without spaces, in capitals: "rf18 5390 0754 7034" → "RF18539007547034". */
export function compactCreditorReference(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Whether a string is a valid RF creditor reference (ISO 11649): RF, two check digits, 1–21 letters or digits, MOD 97 = 1. */
export function isCreditorReference(value: string): boolean {
  const ref = compactCreditorReference(value);
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(ref)) return false;
  return mod97(ref.slice(4) + ref.slice(0, 4)) === 1;
}

/** The RF creditor reference (ISO 11649) for an internal reference of 1–21 letters and digits: check digits = 98 − (ref + "RF00") mod 97. */
export function creditorReference(reference: string): string {
  const ref = compactCreditorReference(reference);
  if (!/^[A-Z0-9]{1,21}$/.test(ref)) fail('reference', 'must be 1 to 21 letters A–Z or digits', 'not a creditor reference base');
  const check = 98 - mod97(`${ref}RF00`);
  return `RF${String(check).padStart(2, '0')}${ref}`;
}

/** The printed form of an RF reference: groups of four ("RF18 5390 0754 7034"). */
export function formatCreditorReference(value: string): string {
  return compactCreditorReference(value).replace(/(.{4})(?=.)/g, '$1 ');
}

/** The RF reference of a schedule item: the contract number's letters and digits and the item's sequence ("SC-2025-000123", 2 → RF… SC202500012302). */
export function scheduleItemReference(contractNumber: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > 99) throw new RangeError(`an item sequence is 1–99, not ${seq}`);
  return creditorReference(`${contractNumber.replace(/[^A-Za-z0-9]/g, '')}${String(seq).padStart(2, '0')}`);
}

// ───────────────────────────── Receipts and allocation ─────────────────────────────

/** A receipt as finance records it: the amount credited, its currency and value date, and the bank charges the remitting banks deducted. */
export type ReceiptInput = { amount: string; currency: string; valueDate: string; bankCharges?: string };

/** Refuses (VALIDATION, naming the field) a receipt of zero or less, negative bank charges, or a value date in the future. */
export function assertReceipt(receipt: ReceiptInput, today: string): void {
  if (!new Dec(receipt.amount).gt(0)) fail('amount', 'must be greater than zero');
  if (receipt.bankCharges !== undefined && new Dec(receipt.bankCharges).lt(0)) fail('bankCharges', 'must not be negative');
  if (receipt.valueDate > today) fail('valueDate', `must not be after today (${today})`);
}

/** An open item as allocation needs it: whose it is, its currency and its balance. */
export type AllocatableItem = ItemBalance & { id: string; customerId: string; currency: string };

/** A receipt as allocation needs it: whose it is, its amount and what is already allocated from it (net of reversals). */
export type AllocatableReceipt = { id: string; customerId: string; currency: string; amount: DecimalLike; allocated: DecimalLike };

/** What finance has decided for a receipt: amounts per item, whether short payments within the tolerance are written off as bank charges, whether the rest becomes the customer's credit. */
export type AllocationRequest = { allocations: readonly { itemId: string; amount: string }[]; writeOffBankCharges?: boolean; restToCredit?: boolean };

/** The entries an allocation books: allocations, bank-charge write-offs, and the customer's credit from the rest. */
export type AllocationPlan = { allocations: { itemId: string; amount: string }[]; bankChargeWriteOffs: { itemId: string; amount: string }[]; credit: string; unallocated: string };

/**
 * Checks and plans the allocation of a receipt to open items: each amount above zero, the item the
 * customer's and in the receipt's currency, never above the item's open amount, and never more in
 * all than the receipt has unallocated. On request, an item left short by no more than the bank
 * charge tolerance (per currency, set by finance) is closed by a write-off, and the receipt's rest
 * becomes the customer's credit. Every refusal is VALIDATION naming `allocations.N.field`.
 */
export function planAllocation(receipt: AllocatableReceipt, items: readonly AllocatableItem[], request: AllocationRequest, bankChargeTolerance: Readonly<Record<string, string>>): AllocationPlan {
  const scale = currencyScale(receipt.currency);
  const byId = new Map(items.map((i) => [i.id, i]));
  const perItem = new Map<string, Dec>();
  let sum = new Dec(0);
  request.allocations.forEach((a, n) => {
    const at = `allocations.${n}`;
    const item = byId.get(a.itemId);
    if (!item || item.customerId !== receipt.customerId) fail(`${at}.itemId`, "is not an open item of the receipt's customer", 'unknown item');
    if (item.currency !== receipt.currency) fail(`${at}.itemId`, `is in ${item.currency}; the receipt is in ${receipt.currency}`, 'currency mismatch');
    const amount = new Dec(a.amount);
    if (!amount.gt(0)) fail(`${at}.amount`, 'must be greater than zero');
    if (amount.decimalPlaces() > scale) fail(`${at}.amount`, `has more than ${scale} decimal places`);
    const onItem = (perItem.get(item.id) ?? new Dec(0)).plus(amount);
    const open = openAmount(item);
    if (onItem.gt(open)) fail(`${at}.amount`, `exceeds the open amount of the item (${receipt.currency} ${open.toFixed(scale)})`, 'allocation above the open amount');
    perItem.set(item.id, onItem);
    sum = sum.plus(amount);
  });
  const available = new Dec(receipt.amount).minus(receipt.allocated);
  if (sum.gt(available)) fail('allocations', `add up to ${receipt.currency} ${sum.toFixed(scale)}; the receipt has ${receipt.currency} ${available.toFixed(scale)} unallocated`, 'allocations above the receipt');

  const writeOffs: { itemId: string; amount: string }[] = [];
  if (request.writeOffBankCharges) {
    const tolerance = new Dec(bankChargeTolerance[receipt.currency] ?? 0);
    let written = new Dec(0);
    for (const [itemId, onItem] of perItem) {
      const short = openAmount(byId.get(itemId)!).minus(onItem);
      if (short.isZero()) continue;
      written = written.plus(short);
      const n = request.allocations.findIndex((a) => a.itemId === itemId);
      if (written.gt(tolerance)) fail(`allocations.${n}.amount`, `leaves ${receipt.currency} ${short.toFixed(scale)} open, more than the bank charge tolerance of ${receipt.currency} ${tolerance.toFixed(scale)}`, 'short payment above the tolerance');
      writeOffs.push({ itemId, amount: short.toFixed(scale) });
    }
  }
  const rest = available.minus(sum);
  return {
    allocations: request.allocations.map((a) => ({ itemId: a.itemId, amount: new Dec(a.amount).toFixed(scale) })),
    bankChargeWriteOffs: writeOffs,
    credit: request.restToCredit ? rest.toFixed(scale) : new Dec(0).toFixed(scale),
    unallocated: request.restToCredit ? new Dec(0).toFixed(scale) : rest.toFixed(scale),
  };
}

/** A booked entry against an item; corrections are reversals of whole entries, never edits. */
export type LedgerEntry = { id: string; kind: 'ALLOCATION' | 'BANK_CHARGES' | 'WRITE_OFF' | 'REVERSAL'; receiptId: string | null; itemId: string; amount: string; reversesId: string | null };

/** The reversing entry of a booked entry (same receipt and item, the amount negated); CONFLICT for a reversal or an entry already reversed. */
export function reversalOf(entry: LedgerEntry, ledger: readonly LedgerEntry[]): Omit<LedgerEntry, 'id'> {
  if (entry.kind === 'REVERSAL') throw new DomainError('CONFLICT', 'a reversal cannot be reversed; book the entry again instead');
  if (ledger.some((e) => e.reversesId === entry.id)) throw new DomainError('CONFLICT', 'this entry has already been reversed');
  return { kind: 'REVERSAL', receiptId: entry.receiptId, itemId: entry.itemId, amount: new Dec(entry.amount).negated().toFixed(), reversesId: entry.id };
}

/** An item's paid, bank-charge and written-off amounts from its ledger, reversals netted against the entries they reverse. */
export function itemLedgerTotals(ledger: readonly LedgerEntry[]): { paid: Dec; bankCharges: Dec; writtenOff: Dec } {
  const kindOf = new Map(ledger.map((e) => [e.id, e.kind]));
  const totals = { paid: new Dec(0), bankCharges: new Dec(0), writtenOff: new Dec(0) };
  for (const e of ledger) {
    const kind = e.kind === 'REVERSAL' ? kindOf.get(e.reversesId ?? '') : e.kind;
    if (kind === 'ALLOCATION') totals.paid = totals.paid.plus(e.amount);
    else if (kind === 'BANK_CHARGES') totals.bankCharges = totals.bankCharges.plus(e.amount);
    else if (kind === 'WRITE_OFF') totals.writtenOff = totals.writtenOff.plus(e.amount);
  }
  return totals;
}

// ───────────────────────────── Bank statement matching ─────────────────────────────

/** A credit entry of a bank statement, as the statement parser gives it. */
export type StatementCredit = { key: string; amount: string; currency: string; valueDate: string | null; creditorReference: string | null; remittance: string | null; debtorName: string | null };

/** An open item as matching sees it: its RF reference, the document numbers a payer may quote (PI, contract, invoice), the customer's name. */
export type MatchableItem = AllocatableItem & { reference: string; documentNumbers: readonly string[]; customerName: string };

export const matchReasons = ['STRUCTURED_REFERENCE', 'REFERENCE_IN_TEXT', 'DOCUMENT_NUMBER', 'AMOUNT_AND_PAYER', 'UNMATCHED'] as const;
export type MatchReason = (typeof matchReasons)[number];

/** A proposed allocation of a statement entry, with why it matched and the short payments it would close as bank charges; finance confirms or corrects it. */
export type MatchProposal = {
  entryKey: string;
  reason: MatchReason;
  customerId: string | null;
  allocations: { itemId: string; amount: string }[];
  bankChargeWriteOffs: { itemId: string; amount: string }[];
  unallocated: string;
  detail: string;
  alternatives: number;
};

/** Matching settings: the least name similarity for a match by amount and payer, and finance's bank charge tolerance per currency. */
export type MatchOptions = { nameThreshold?: number; bankChargeTolerance?: Readonly<Record<string, string>> };

/** Legal forms and filler words left out when payer names are compared. */
const legalForms = new Set(['LTD', 'LIMITED', 'GMBH', 'AG', 'KG', 'CO', 'COMPANY', 'CORP', 'CORPORATION', 'INC', 'LLC', 'PLC', 'SA', 'SL', 'SRL', 'SAS', 'BV', 'NV', 'SPA', 'OY', 'AB', 'AS', 'PTY', 'THE', 'AND', 'UND']);

function nameTokens(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((t) => t && !legalForms.has(t))
    .join(' ');
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** How alike two company names are, 0…1: the Dice coefficient of letter pairs after dropping case, accents, punctuation and legal forms ("Northwind Imports Ltd" ~ "NORTHWIND IMPORTS LIMITED" = 1). */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(nameTokens(a));
  const y = bigrams(nameTokens(b));
  if (x.length === 0 || y.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/**
 * The valid RF references that may be written in a free text, longest first: printed references
 * have spaces inside ("RF18 5390 0754 7034"), so from each "RF" the letters and digits are read over
 * single spaces and every prefix that passes MOD 97 is a candidate, to be looked up among known ones.
 */
export function creditorReferencesIn(text: string): string[] {
  const found: string[] = [];
  const upper = text.toUpperCase();
  for (let i = upper.indexOf('RF'); i >= 0; i = upper.indexOf('RF', i + 1)) {
    let run = '';
    for (let j = i; j < upper.length && run.length < 25; j++) {
      const ch = upper[j]!;
      if ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) run += ch;
      else if (ch !== ' ') break;
    }
    for (let len = run.length; len >= 5; len--) if (isCreditorReference(run.slice(0, len))) found.push(run.slice(0, len));
  }
  return [...new Set(found)];
}

/** The default least similarity of payer and customer names for a match by amount and name. */
export const NAME_MATCH_THRESHOLD = 0.8;

/**
 * Proposes how each statement credit pays open items, trying in order: the structured RF reference;
 * an RF reference written in the remittance text; a PI, contract or invoice number in the text (the
 * customer's items of that document, earliest due first); an amount equal to an item's open amount
 * (or short of it by bank charges) with a payer name like the customer's (earliest due first, the
 * others counted as alternatives). An item left short by no more than the bank charge tolerance is proposed for write-off. Items'
 * open amounts shrink as entries are matched, so two entries never claim the same money.
 */
export function proposeMatches(entries: readonly StatementCredit[], items: readonly MatchableItem[], options: MatchOptions = {}): MatchProposal[] {
  const threshold = options.nameThreshold ?? NAME_MATCH_THRESHOLD;
  const open = new Map(items.map((i) => [i.id, openAmount(i)]));
  const byRef = new Map(items.map((i) => [compactCreditorReference(i.reference), i]));
  const earliest = (a: MatchableItem, b: MatchableItem) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || a.id.localeCompare(b.id);

  const allocate = (entry: StatementCredit, targets: MatchableItem[]) => {
    const scale = currencyScale(entry.currency);
    let left = new Dec(entry.amount);
    const tolerance = new Dec(options.bankChargeTolerance?.[entry.currency] ?? 0);
    const allocations: { itemId: string; amount: string }[] = [];
    const bankChargeWriteOffs: { itemId: string; amount: string }[] = [];
    for (const item of targets) {
      const o = open.get(item.id)!;
      if (left.isZero() || o.isZero()) continue;
      const take = Dec.min(left, o);
      const short = o.minus(take);
      left = left.minus(take);
      allocations.push({ itemId: item.id, amount: take.toFixed(scale) });
      if (short.gt(0) && short.lte(tolerance)) bankChargeWriteOffs.push({ itemId: item.id, amount: short.toFixed(scale) });
      open.set(item.id, short.lte(tolerance) ? new Dec(0) : short);
    }
    return { allocations, bankChargeWriteOffs, unallocated: left.toFixed(scale) };
  };
  const usable = (entry: StatementCredit) => (i: MatchableItem) => i.currency === entry.currency && open.get(i.id)!.gt(0);

  return entries.map((entry): MatchProposal => {
    const fits = usable(entry);
    const proposal = (reason: MatchReason, targets: MatchableItem[], detail: string, alternatives = 0): MatchProposal => ({
      entryKey: entry.key, reason, customerId: targets[0]?.customerId ?? null, ...allocate(entry, targets), detail, alternatives,
    });

    if (entry.creditorReference) {
      const item = byRef.get(compactCreditorReference(entry.creditorReference));
      if (item && fits(item)) return proposal('STRUCTURED_REFERENCE', [item], `structured reference ${formatCreditorReference(item.reference)}`);
    }
    const text = entry.remittance ?? '';
    for (const ref of creditorReferencesIn(text)) {
      const item = byRef.get(ref);
      if (item && fits(item)) return proposal('REFERENCE_IN_TEXT', [item], `reference ${formatCreditorReference(ref)} in the remittance text`);
    }
    const compactText = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (compactText) {
      const quoted = items.filter((i) => fits(i) && i.documentNumbers.some((d) => { const c = d.toUpperCase().replace(/[^A-Z0-9]/g, ''); return c.length >= 6 && compactText.includes(c); }));
      if (quoted.length > 0) {
        const numbers = [...new Set(quoted.flatMap((i) => i.documentNumbers.filter((d) => compactText.includes(d.toUpperCase().replace(/[^A-Z0-9]/g, '')))))];
        return proposal('DOCUMENT_NUMBER', [...quoted].sort(earliest), `${numbers.join(', ')} in the remittance text`);
      }
    }
    if (entry.debtorName) {
      const same = items
        .filter((i) => {
          // The amount due, or short of it by no more than bank charges.
          const short = open.get(i.id)!.minus(entry.amount);
          return fits(i) && short.gte(0) && short.lte(options.bankChargeTolerance?.[entry.currency] ?? 0) && nameSimilarity(entry.debtorName!, i.customerName) >= threshold;
        })
        .sort(earliest);
      if (same.length > 0) {
        const best = same[0]!;
        const similarity = nameSimilarity(entry.debtorName, best.customerName).toFixed(2);
        return proposal('AMOUNT_AND_PAYER', [best], `amount ${entry.currency} ${entry.amount} and payer "${entry.debtorName}" ~ "${best.customerName}" (${similarity})`, same.length - 1);
      }
    }
    return { entryKey: entry.key, reason: 'UNMATCHED', customerId: null, allocations: [], bankChargeWriteOffs: [], unallocated: new Dec(entry.amount).toFixed(currencyScale(entry.currency)), detail: 'no reference, document number or amount and payer matched an open item', alternatives: 0 };
  });
}

// ───────────────────────────── Ageing ─────────────────────────────

export const ageingBuckets = ['NOT_DUE', 'DAYS_1_30', 'DAYS_31_60', 'DAYS_61_90', 'OVER_90'] as const;
export type AgeingBucket = (typeof ageingBuckets)[number];

/** The ageing bucket of an open amount as of a date by days past due: not yet due (or no due date), 1–30, 31–60, 61–90, over 90. */
export function ageingBucket(dueDate: string | null, asOf: string): AgeingBucket {
  const late = dueDate === null ? 0 : daysBetween(dueDate, asOf);
  if (late <= 0) return 'NOT_DUE';
  if (late <= 30) return 'DAYS_1_30';
  if (late <= 60) return 'DAYS_31_60';
  if (late <= 90) return 'DAYS_61_90';
  return 'OVER_90';
}

/** One line of the ageing report: a customer in one currency, its open amounts per bucket and in all. */
export type AgeingRow = { customerId: string; currency: string; buckets: Record<AgeingBucket, string>; total: string; items: number };

/** The ageing report as of a date, by customer and currency (never summed across currencies); every open amount lands in exactly one bucket. */
export function ageingReport(items: readonly { customerId: string; currency: string; open: DecimalLike; dueDate: string | null }[], asOf: string): AgeingRow[] {
  const rows = new Map<string, { customerId: string; currency: string; sums: Record<AgeingBucket, Dec>; items: number }>();
  for (const item of items) {
    if (!new Dec(item.open).gt(0)) continue;
    const key = `${item.customerId}\u0000${item.currency}`;
    let row = rows.get(key);
    if (!row) {
      row = { customerId: item.customerId, currency: item.currency, sums: Object.fromEntries(ageingBuckets.map((b) => [b, new Dec(0)])) as Record<AgeingBucket, Dec>, items: 0 };
      rows.set(key, row);
    }
    const bucket = ageingBucket(item.dueDate, asOf);
    row.sums[bucket] = row.sums[bucket].plus(item.open);
    row.items++;
  }
  return [...rows.values()]
    .sort((a, b) => a.customerId.localeCompare(b.customerId) || a.currency.localeCompare(b.currency))
    .map((r) => {
      const scale = currencyScale(r.currency);
      const total = ageingBuckets.reduce((s, b) => s.plus(r.sums[b]), new Dec(0));
      return { customerId: r.customerId, currency: r.currency, buckets: Object.fromEntries(ageingBuckets.map((b) => [b, r.sums[b].toFixed(scale)])) as Record<AgeingBucket, string>, total: total.toFixed(scale), items: r.items };
    });
}

// ───────────────────────────── Reminders and dunning ─────────────────────────────

/** Finance's settings: a reminder N days before the due date, and dunning levels by days overdue (e.g. 3, 10, 30). */
export type DunningPolicy = { reminderDaysBefore: number; levels: readonly { level: number; daysOverdue: number }[] };

/** Checks a dunning policy: reminder days ≥ 0, levels numbered 1, 2, 3… with days overdue rising strictly from at least 1 (VALIDATION naming the field). */
export function dunningPolicy(policy: DunningPolicy): DunningPolicy {
  if (!Number.isInteger(policy.reminderDaysBefore) || policy.reminderDaysBefore < 0) fail('reminderDaysBefore', 'must be a whole number of days ≥ 0');
  policy.levels.forEach((l, i) => {
    if (l.level !== i + 1) fail(`levels.${i}.level`, `must be ${i + 1}: levels are numbered 1, 2, 3… in order`);
    const before = i === 0 ? 0 : policy.levels[i - 1]!.daysOverdue;
    if (!Number.isInteger(l.daysOverdue) || l.daysOverdue <= before) fail(`levels.${i}.daysOverdue`, `must be a whole number of days above ${before}`);
  });
  return policy;
}

/** An item as the notice run sees it: its balance, its customer, and which notices it has had. */
export type NoticeItem = { id: string; customerId: string; open: DecimalLike; dueDate: string | null; reminderSent: boolean; levelsSent: readonly number[] };

/** A notice to send: a reminder before the due date, or a dunning letter at a level. */
export type Notice = { itemId: string; customerId: string; kind: 'REMINDER' | 'DUNNING'; level: number | null; dueDate: string; daysOverdue: number };

/**
 * The notices due as of a date: a reminder once, from N days before the due date until the due date;
 * past the due date, the highest level reached, once, and only if no higher or equal level was sent
 * (an item found 31 days late gets level 3, not levels 1, 2 and 3 at once). Paid items and customers
 * whose dunning finance paused are skipped.
 */
export function noticesDue(items: readonly NoticeItem[], policy: DunningPolicy, asOf: string, pausedCustomers: ReadonlySet<string>): Notice[] {
  const notices: Notice[] = [];
  for (const item of items) {
    if (item.dueDate === null || !new Dec(item.open).gt(0) || pausedCustomers.has(item.customerId)) continue;
    const late = daysBetween(item.dueDate, asOf);
    if (late <= 0) {
      if (!item.reminderSent && -late <= policy.reminderDaysBefore) notices.push({ itemId: item.id, customerId: item.customerId, kind: 'REMINDER', level: null, dueDate: item.dueDate, daysOverdue: late });
      continue;
    }
    const reached = policy.levels.filter((l) => late >= l.daysOverdue).at(-1);
    const highestSent = Math.max(0, ...item.levelsSent);
    if (reached && reached.level > highestSent) notices.push({ itemId: item.id, customerId: item.customerId, kind: 'DUNNING', level: reached.level, dueDate: item.dueDate, daysOverdue: late });
  }
  return notices;
}

// ───────────────────────────── Credit exposure ─────────────────────────────

/** Inputs of the credit check: the limit, open items (receivable once their due date is known), contracts without a schedule yet, the new contract, and rates into the limit's currency. */
export type ExposureInput = {
  limit: { amount: string; currency: string } | null;
  items: readonly { currency: string; open: DecimalLike; dueDate: string | null }[];
  unscheduled: readonly { currency: string; amount: DecimalLike }[];
  proposed: { currency: string; amount: DecimalLike } | null;
  /** Units of the limit currency for one unit of each other currency (the limit currency itself needs none). */
  rates: Readonly<Record<string, string>>;
  /** Share of the limit from which a warning shows, in percent (default 80). */
  warnAtPercent?: string;
};

export type CreditStatus = 'NO_LIMIT' | 'WITHIN' | 'WARNING' | 'OVER';

/** The credit exposure in the limit's currency and how the proposed contract stands against the limit. */
export type Exposure = { currency: string; receivables: string; notInvoiced: string; exposure: string; proposed: string; after: string; limit: string | null; available: string | null; usedPercent: string | null; status: CreditStatus };

/**
 * Credit exposure = open receivables (items whose due date is known) + open contract value not yet
 * invoiced (scheduled items and contracts without a schedule), converted into the limit's currency;
 * with the proposed contract added, the status is OVER above the limit, WARNING from the warning
 * share, else WITHIN (NO_LIMIT when the customer has none; then amounts are in the proposal's currency).
 */
export function creditExposure(input: ExposureInput): Exposure {
  const currency = input.limit?.currency ?? input.proposed?.currency ?? input.items[0]?.currency ?? 'USD';
  const inLimit = (amount: DecimalLike, from: string, field: string): Dec => {
    if (from === currency) return new Dec(amount);
    const rate = input.rates[from];
    if (rate === undefined) fail(field, `no exchange rate from ${from} to ${currency}`, 'missing exchange rate');
    return new Dec(amount).times(rate);
  };
  let receivables = new Dec(0);
  let notInvoiced = new Dec(0);
  input.items.forEach((i, n) => {
    const v = inLimit(i.open, i.currency, `items.${n}.currency`);
    if (i.dueDate === null) notInvoiced = notInvoiced.plus(v);
    else receivables = receivables.plus(v);
  });
  input.unscheduled.forEach((c, n) => (notInvoiced = notInvoiced.plus(inLimit(c.amount, c.currency, `unscheduled.${n}.currency`))));
  const proposed = input.proposed ? inLimit(input.proposed.amount, input.proposed.currency, 'proposed.currency') : new Dec(0);
  const exposure = receivables.plus(notInvoiced);
  const after = exposure.plus(proposed);
  const scale = currencyScale(currency);
  const money = (d: Dec) => d.toFixed(scale, Dec.ROUND_HALF_UP);
  const base = { currency, receivables: money(receivables), notInvoiced: money(notInvoiced), exposure: money(exposure), proposed: money(proposed), after: money(after) };
  if (!input.limit) return { ...base, limit: null, available: null, usedPercent: null, status: 'NO_LIMIT' };
  const limit = new Dec(input.limit.amount);
  const used = limit.isZero() ? new Dec(after.gt(0) ? 100 : 0) : after.div(limit).times(100);
  const status: CreditStatus = after.gt(limit) ? 'OVER' : used.gte(input.warnAtPercent ?? 80) ? 'WARNING' : 'WITHIN';
  return { ...base, limit: money(limit), available: money(limit.minus(after)), usedPercent: used.toFixed(1), status };
}
