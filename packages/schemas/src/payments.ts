import { CalendarDate, CurrencyCode, DecimalString, Id, MoneyView, Timestamp, optionalText, text, z } from './common.ts';

/*
 * Collections (货款追讨): payment schedules, receipts and their allocation, bank statement imports with
 * proposed matches, ageing, reminders and dunning, credit limits and exposure.
 */

/** A positive amount at most 2 decimals (receipts, allocations, limits). */
export const PositiveAmount = z
  .string()
  .regex(/^\d{1,14}(\.\d{1,2})?$/, 'must be an amount with at most 2 decimals written as a string, e.g. "1250.00"')
  .refine((v) => /[1-9]/.test(v), 'must be greater than zero');

export const ScheduleItemStatus = z.enum(['SCHEDULED', 'DUE', 'PARTLY_PAID', 'PAID', 'OVERDUE', 'WRITTEN_OFF']);
export type ScheduleItemStatus = z.infer<typeof ScheduleItemStatus>;

/** One payable item, as of today. */
export const ScheduleItemView = z.object({
  id: Id,
  contractId: Id,
  contractNumber: z.string(),
  customer: z.object({ id: Id, name: z.string() }),
  seq: z.number().int(),
  method: z.string(),
  trigger: z.string(),
  description: z.string(),
  dueDate: CalendarDate.nullable(),
  presentBy: CalendarDate.nullable(),
  amount: MoneyView,
  paid: MoneyView,
  bankCharges: MoneyView,
  writtenOff: MoneyView,
  open: MoneyView,
  status: ScheduleItemStatus,
  daysOverdue: z.number().int(),
  /** The RF creditor reference, printed in groups of four. */
  reference: z.string(),
  dunningLevel: z.number().int(),
});
export type ScheduleItemView = z.infer<typeof ScheduleItemView>;

/** What a currency adds up to, for a contract or for all of a buyer's contracts. */
export const CurrencySummary = z.object({
  currency: z.string(),
  scheduled: z.string(),
  due: z.string(),
  paid: z.string(),
  overdue: z.string(),
  open: z.string(),
  nextDueDate: CalendarDate.nullable(),
  nextDueAmount: z.string().nullable(),
});
export type CurrencySummary = z.infer<typeof CurrencySummary>;

export const ReceivedPayment = z.object({ id: Id, valueDate: CalendarDate, amount: MoneyView, allocated: MoneyView, bankReference: z.string(), contractNumbers: z.array(z.string()) });
export type ReceivedPayment = z.infer<typeof ReceivedPayment>;

/** The buyer's payment page (per contract, or across every contract of the company). */
export const PaymentPageView = z.object({
  company: z.object({ id: Id, name: z.string() }),
  contract: z.object({ id: Id, number: z.string(), paymentTerms: z.string() }).nullable(),
  summaries: z.array(CurrencySummary),
  items: z.array(ScheduleItemView),
  received: z.array(ReceivedPayment),
  /** Money received and not allocated: the customer's credit, per currency. */
  credit: z.array(MoneyView),
  bankDetails: z.string(),
  asOf: CalendarDate,
});
export type PaymentPageView = z.infer<typeof PaymentPageView>;

export const PaymentPageQuery = z.strictObject({ companyId: Id.optional().describe('Staff: whose page (buyers see their own)') });

export const ReceivablesQuery = z.strictObject({
  companyId: Id.optional(),
  currency: CurrencyCode.optional(),
  status: z.enum(['OPEN', 'OVERDUE', 'ALL']).default('OPEN'),
});

const AllocationLine = z.strictObject({ itemId: Id, amount: PositiveAmount });

/** Finance's allocation of a receipt. */
export const AllocateBody = z.strictObject({
  allocations: z.array(AllocationLine).min(1, 'must name at least one item').max(100),
  writeOffBankCharges: z.boolean().default(false).describe('Close items left short by no more than the bank charge tolerance'),
});
export type AllocateBody = z.infer<typeof AllocateBody>;

/** A receipt as finance records it, optionally allocated at once. */
export const RecordReceiptBody = z.strictObject({
  companyId: Id,
  contractId: Id.optional(),
  amount: PositiveAmount,
  currency: CurrencyCode,
  valueDate: CalendarDate,
  bankCharges: DecimalString.optional().describe('Charges the remitting banks deducted'),
  bankReference: text(80),
  payerName: optionalText(140),
  note: optionalText(500),
  allocations: z.array(AllocationLine).max(100).default([]),
  writeOffBankCharges: z.boolean().default(false),
});
export type RecordReceiptBody = z.input<typeof RecordReceiptBody>;

export const LedgerEntryView = z.object({
  id: Id,
  kind: z.enum(['ALLOCATION', 'BANK_CHARGES', 'WRITE_OFF', 'REVERSAL']),
  itemId: Id,
  itemReference: z.string(),
  contractNumber: z.string(),
  amount: MoneyView,
  reversesId: Id.nullable(),
  reversed: z.boolean(),
  note: z.string().nullable(),
  createdAt: Timestamp,
});
export type LedgerEntryView = z.infer<typeof LedgerEntryView>;

export const ReceiptView = z.object({
  id: Id,
  customer: z.object({ id: Id, name: z.string() }),
  contractId: Id.nullable(),
  valueDate: CalendarDate,
  amount: MoneyView,
  bankCharges: MoneyView,
  allocated: MoneyView,
  unallocated: MoneyView,
  bankReference: z.string(),
  payerName: z.string().nullable(),
  note: z.string().nullable(),
  fromStatement: z.boolean(),
  createdAt: Timestamp,
  entries: z.array(LedgerEntryView),
});
export type ReceiptView = z.infer<typeof ReceiptView>;

export const ReverseBody = z.strictObject({ reason: text(500) });
export const WriteOffBody = z.strictObject({ amount: PositiveAmount, reason: text(500) });

// ── Bank statements

/** A camt.053 / camt.054 file, read by the browser and sent as text. */
export const ImportStatementBody = z.strictObject({
  fileName: text(200),
  content: z.string().min(1, 'must not be empty').describe('The XML file as text'),
});

export const MatchReason = z.enum(['STRUCTURED_REFERENCE', 'REFERENCE_IN_TEXT', 'DOCUMENT_NUMBER', 'AMOUNT_AND_PAYER', 'UNMATCHED']);

export const ProposedAllocation = z.object({ itemId: Id, amount: z.string(), reference: z.string(), contractNumber: z.string(), open: z.string() });

export const StatementLineView = z.object({
  id: Id,
  status: z.enum(['PROPOSED', 'CONFIRMED', 'IGNORED']),
  amount: MoneyView,
  valueDate: CalendarDate.nullable(),
  debtorName: z.string().nullable(),
  creditorReference: z.string().nullable(),
  remittance: z.string().nullable(),
  bankReference: z.string().nullable(),
  reason: MatchReason,
  detail: z.string(),
  alternatives: z.number().int(),
  customer: z.object({ id: Id, name: z.string() }).nullable(),
  allocations: z.array(ProposedAllocation),
  bankChargeWriteOffs: z.array(z.object({ itemId: Id, amount: z.string() })),
  unallocated: z.string(),
  receiptId: Id.nullable(),
});
export type StatementLineView = z.infer<typeof StatementLineView>;

export const StatementImportView = z.object({
  id: Id,
  fileName: z.string(),
  message: z.string(),
  messageId: z.string().nullable(),
  account: z.string().nullable(),
  credits: z.number().int(),
  duplicates: z.number().int(),
  createdAt: Timestamp,
  lines: z.array(StatementLineView),
});
export type StatementImportView = z.infer<typeof StatementImportView>;

export const StatementImportSummary = StatementImportView.omit({ lines: true }).extend({ open: z.number().int() });

/** Finance confirms a line as proposed, or corrected: whose money it is and which items it pays. */
export const ConfirmLineBody = z.strictObject({
  companyId: Id,
  allocations: z.array(AllocationLine).max(100),
  writeOffBankCharges: z.boolean().default(true),
});
export const IgnoreLineBody = z.strictObject({ reason: text(500) });

// ── Ageing

export const AgeingBucket = z.enum(['NOT_DUE', 'DAYS_1_30', 'DAYS_31_60', 'DAYS_61_90', 'OVER_90']);
export const AgeingQuery = z.strictObject({ asOf: CalendarDate.optional(), currency: CurrencyCode.optional() });
export const AgeingRowView = z.object({
  customer: z.object({ id: Id, name: z.string() }),
  currency: z.string(),
  buckets: z.record(AgeingBucket, z.string()),
  total: z.string(),
  items: z.number().int(),
});
export const AgeingView = z.object({
  asOf: CalendarDate,
  rows: z.array(AgeingRowView),
  totals: z.array(z.object({ currency: z.string(), buckets: z.record(AgeingBucket, z.string()), total: z.string(), items: z.number().int() })),
});
export type AgeingView = z.infer<typeof AgeingView>;
export const AgeingItemsQuery = z.strictObject({ asOf: CalendarDate.optional(), currency: CurrencyCode, companyId: Id, bucket: AgeingBucket.optional() });
export const AgeingItemView = z.object({ id: Id, contractId: Id, contractNumber: z.string(), reference: z.string(), description: z.string(), dueDate: CalendarDate.nullable(), daysOverdue: z.number().int(), bucket: AgeingBucket, open: MoneyView });

// ── Settings, dunning, credit

export const DunningLevel = z.strictObject({ level: z.number().int().min(1).max(9), daysOverdue: z.number().int().min(1).max(365) });
export const FinanceSettings = z.strictObject({
  bankChargeTolerance: z.record(CurrencyCode, DecimalString).describe('Short payments up to this amount per currency are written off as bank charges'),
  reminderDaysBefore: z.number().int().min(0).max(60),
  levels: z.array(DunningLevel).min(1).max(9),
  /** The exporter's accounts; a statement of any other account is refused. */
  accounts: z.array(z.string().trim().min(5).max(40)).min(1).max(20),
  /**
   * The calendar of the bank where L/C documents are presented (the exporter's, in China): a last
   * presentation day or an expiry on a closed day moves to the next banking day (UCP 600 art. 29a).
   */
  bankCalendar: z
    .strictObject({
      holidays: z.array(CalendarDate).max(400).describe('Days the bank is closed besides Saturdays and Sundays'),
      workingWeekendDays: z.array(CalendarDate).max(100).describe('Saturdays and Sundays the bank works instead (调休)'),
    })
    .default({ holidays: [], workingWeekendDays: [] }),
});
export type FinanceSettings = z.infer<typeof FinanceSettings>;

export const DunningPauseBody = z.strictObject({ reason: text(500) });
export const CustomerCollectionsView = z.object({
  id: Id,
  name: z.string(),
  country: z.string(),
  creditLimit: MoneyView.nullable(),
  creditTermsDays: z.number().int().nullable(),
  pause: z.object({ reason: z.string(), pausedAt: Timestamp, pausedBy: z.string() }).nullable(),
  lastNotice: z.object({ kind: z.string(), level: z.number().int(), sentAt: Timestamp, contractNumber: z.string() }).nullable(),
  open: z.array(MoneyView),
  overdue: z.array(MoneyView),
});
export type CustomerCollectionsView = z.infer<typeof CustomerCollectionsView>;

export const CreditLimitBody = z.strictObject({
  limit: z.strictObject({ amount: DecimalString, currency: CurrencyCode }).nullable(),
  creditTermsDays: z.number().int().min(0).max(365).nullable(),
});

export const ExposureQuery = z.strictObject({ amount: DecimalString.optional(), currency: CurrencyCode.optional() });
export const ExposureView = z.object({
  companyId: Id,
  currency: z.string(),
  receivables: z.string(),
  notInvoiced: z.string(),
  exposure: z.string(),
  proposed: z.string(),
  after: z.string(),
  limit: z.string().nullable(),
  available: z.string().nullable(),
  usedPercent: z.string().nullable(),
  status: z.enum(['NO_LIMIT', 'WITHIN', 'WARNING', 'OVER']),
});
export type ExposureView = z.infer<typeof ExposureView>;

export const DunningRunView = z.object({ reminders: z.number().int(), dunning: z.number().int(), asOf: CalendarDate });
