import type { PaymentMethodCode } from '@portal/domain';
import { Prisma } from '@portal/db';
import type { Db } from '../../infra/tx.ts';

/*
 * Collections' data: schedule items, receipts, the ledger, statement imports, dunning notices and
 * pauses, and finance's settings. Only this file touches Prisma for payments.
 */

// ── Contracts, as the schedule sees them

const scheduleContractSelect = {
  id: true, number: true, status: true, buyerCompanyId: true, currency: true, totalAmount: true, confirmedAt: true, latestShipmentDate: true,
  lcExpiryDate: true, lcPresentationDays: true, lcLatestShipmentDate: true, paymentTermsText: true,
  paymentTerms: { orderBy: { seq: 'asc' }, select: { seq: true, method: true, percent: true, trigger: true, days: true } },
} as const satisfies Prisma.SalesContractSelect;
export type ScheduleContractRow = Prisma.SalesContractGetPayload<{ select: typeof scheduleContractSelect }>;

export function findScheduleContract(db: Db, id: string) {
  return db.salesContract.findUnique({ where: { id }, select: scheduleContractSelect });
}

/** The contracts with a letter of credit recorded whose schedule is binding (confirmed, not cancelled). */
export async function findLiveLcContractIds(db: Db): Promise<string[]> {
  const rows = await db.salesContract.findMany({ where: { lcExpiryDate: { not: null }, status: { in: ['CONFIRMED', 'IN_PRODUCTION', 'PARTIALLY_SHIPPED', 'SHIPPED'] } }, select: { id: true }, orderBy: { number: 'asc' } });
  return rows.map((r) => r.id);
}

export function findContractBrief(db: Db, id: string) {
  return db.salesContract.findUnique({ where: { id }, select: { id: true, number: true, buyerCompanyId: true, currency: true, paymentTermsText: true } });
}

// ── Schedule items

const itemSelect = {
  id: true, contractId: true, buyerCompanyId: true, seq: true, key: true, termSeq: true, shipmentId: true, method: true, trigger: true, days: true, description: true,
  dueDate: true, presentBy: true, amount: true, currency: true, reference: true, paidAmount: true, bankCharges: true, writtenOff: true, openAmount: true,
  isOpen: true, status: true, reminderSentAt: true, dunningLevel: true, createdAt: true,
  contract: { select: { number: true, buyerCompany: { select: { id: true, name: true } } } },
} as const satisfies Prisma.PaymentScheduleItemSelect;
export type ItemRow = Prisma.PaymentScheduleItemGetPayload<{ select: typeof itemSelect }>;

export function findItemsOfContract(db: Db, contractId: string) {
  return db.paymentScheduleItem.findMany({ where: { contractId }, orderBy: { seq: 'asc' }, select: itemSelect });
}

export function findItems(db: Db, where: Prisma.PaymentScheduleItemWhereInput, take = 500) {
  return db.paymentScheduleItem.findMany({ where, orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { seq: 'asc' }], take, select: itemSelect });
}

export function findItemsByIds(db: Db, ids: readonly string[]) {
  return db.paymentScheduleItem.findMany({ where: { id: { in: [...ids] } }, select: itemSelect });
}

export function createItem(db: Db, data: Prisma.PaymentScheduleItemUncheckedCreateInput) {
  return db.paymentScheduleItem.create({ data, select: { id: true } });
}

export function updateItem(db: Db, id: string, data: Prisma.PaymentScheduleItemUncheckedUpdateInput) {
  return db.paymentScheduleItem.update({ where: { id }, data, select: { id: true } });
}

export function deleteItems(db: Db, ids: readonly string[]) {
  return db.paymentScheduleItem.deleteMany({ where: { id: { in: [...ids] } } });
}

/** Locks the rows of these items until the transaction ends (PostgreSQL; PGlite serves one connection anyway). */
export async function lockItems(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.$queryRaw`SELECT id FROM "PaymentScheduleItem" WHERE id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))}) FOR UPDATE`;
}

export async function lockReceipt(db: Db, id: string): Promise<void> {
  await db.$queryRaw`SELECT id FROM "PaymentReceipt" WHERE id = ${id}::uuid FOR UPDATE`;
}

// ── Receipts and the ledger

const entrySelect = {
  id: true, kind: true, receiptId: true, itemId: true, buyerCompanyId: true, currency: true, amount: true, reversesId: true, note: true, createdAt: true,
  reversal: { select: { id: true } },
  item: { select: { reference: true, contract: { select: { number: true } } } },
} as const satisfies Prisma.LedgerEntrySelect;
export type EntryRow = Prisma.LedgerEntryGetPayload<{ select: typeof entrySelect }>;

const receiptSelect = {
  id: true, buyerCompanyId: true, contractId: true, valueDate: true, amount: true, currency: true, bankCharges: true, bankReference: true, payerName: true, note: true,
  allocated: true, statementLineId: true, createdAt: true,
  buyerCompany: { select: { id: true, name: true } },
  entries: { orderBy: { createdAt: 'asc' }, select: entrySelect },
} as const satisfies Prisma.PaymentReceiptSelect;
export type ReceiptRow = Prisma.PaymentReceiptGetPayload<{ select: typeof receiptSelect }>;

export function findReceipt(db: Db, id: string) {
  return db.paymentReceipt.findUnique({ where: { id }, select: receiptSelect });
}

export function listReceipts(db: Db, where: Prisma.PaymentReceiptWhereInput, take = 200) {
  return db.paymentReceipt.findMany({ where, orderBy: [{ valueDate: 'desc' }, { createdAt: 'desc' }], take, select: receiptSelect });
}

export function createReceipt(db: Db, data: Prisma.PaymentReceiptUncheckedCreateInput) {
  return db.paymentReceipt.create({ data, select: { id: true } });
}

export function addToReceiptAllocated(db: Db, id: string, delta: string) {
  return db.paymentReceipt.update({ where: { id }, data: { allocated: { increment: delta } }, select: { allocated: true, amount: true } });
}

export function createEntry(db: Db, data: Prisma.LedgerEntryUncheckedCreateInput) {
  return db.ledgerEntry.create({ data, select: { id: true } });
}

export function findEntry(db: Db, id: string) {
  return db.ledgerEntry.findUnique({ where: { id }, select: entrySelect });
}

export function findEntriesOfItems(db: Db, itemIds: readonly string[]) {
  return db.ledgerEntry.findMany({ where: { itemId: { in: [...itemIds] } }, select: { id: true, kind: true, receiptId: true, itemId: true, amount: true, reversesId: true } });
}

/** Unallocated money per customer and currency: the customer's credit. */
export function creditOf(db: Db, buyerCompanyId: string) {
  return db.$queryRaw<{ currency: string; credit: Prisma.Decimal }[]>`
    SELECT currency, SUM(amount - allocated) AS credit FROM "PaymentReceipt"
    WHERE "buyerCompanyId" = ${buyerCompanyId}::uuid GROUP BY currency HAVING SUM(amount - allocated) > 0 ORDER BY currency`;
}

/** Receipts with money not yet allocated (finance's work): how many, and when the oldest was booked. */
export function countUnallocatedReceipts(db: Db) {
  return db.$queryRaw<{ n: bigint; oldest: Date | null }[]>`SELECT COUNT(*) AS n, MIN("createdAt") AS oldest FROM "PaymentReceipt" WHERE amount > allocated`;
}

// ── Statements

export function findImportsByHash(db: Db, fileHash: string) {
  return db.statementImport.findFirst({ where: { fileHash }, select: { id: true, createdAt: true } });
}

export function findExistingLineKeys(db: Db, keys: readonly string[]) {
  return db.statementLine.findMany({ where: { dedupeKey: { in: [...keys] } }, select: { dedupeKey: true } });
}

export function createImport(db: Db, data: Prisma.StatementImportUncheckedCreateInput) {
  return db.statementImport.create({ data, select: { id: true } });
}

const lineSelect = {
  id: true, importId: true, dedupeKey: true, amount: true, currency: true, valueDate: true, bookingDate: true, accountServicerReference: true, creditorReference: true,
  remittance: true, debtorName: true, debtorIban: true, status: true, proposal: true, receipt: { select: { id: true } },
} as const satisfies Prisma.StatementLineSelect;
export type LineRow = Prisma.StatementLineGetPayload<{ select: typeof lineSelect }>;

export function findImport(db: Db, id: string) {
  return db.statementImport.findUnique({
    where: { id },
    select: { id: true, fileName: true, message: true, messageId: true, account: true, credits: true, duplicates: true, createdAt: true, lines: { orderBy: { createdAt: 'asc' }, select: lineSelect } },
  });
}

export function listImports(db: Db) {
  return db.statementImport.findMany({
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, fileName: true, message: true, messageId: true, account: true, credits: true, duplicates: true, createdAt: true, _count: { select: { lines: { where: { status: 'PROPOSED' } } } } },
  });
}

export function findLine(db: Db, id: string) {
  return db.statementLine.findUnique({ where: { id }, select: lineSelect });
}

/** Decides a line that is still proposed; false when someone decided it meanwhile. */
export async function decideLine(db: Db, id: string, data: { status: 'CONFIRMED' | 'IGNORED'; decidedById: string; decidedAt: Date; proposal?: Prisma.InputJsonValue }): Promise<boolean> {
  const { count } = await db.statementLine.updateMany({ where: { id, status: 'PROPOSED' }, data });
  return count === 1;
}

export function countProposedLines(db: Db) {
  return db.statementLine.count({ where: { status: 'PROPOSED' } });
}

// ── Companies

export function findCompany(db: Db, id: string) {
  return db.company.findUnique({ where: { id }, select: { id: true, name: true, kind: true, country: true, creditLimit: true, creditLimitCurrency: true, creditTermsDays: true, status: true } });
}

export function findCompanies(db: Db, ids: readonly string[]) {
  return db.company.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
}

export function listBuyerCompanies(db: Db) {
  return db.company.findMany({ where: { kind: 'BUYER' }, orderBy: { name: 'asc' }, select: { id: true, name: true, country: true, creditLimit: true, creditLimitCurrency: true, creditTermsDays: true } });
}

export function updateCredit(db: Db, id: string, data: { creditLimit: string | null; creditLimitCurrency: string | null; creditTermsDays: number | null }) {
  return db.company.update({ where: { id }, data, select: { id: true } });
}

/** Confirmed contracts still open with no schedule yet, and issued ones (not yet invoiced) of a customer. */
export function unscheduledContracts(db: Db, buyerCompanyId: string) {
  return db.salesContract.findMany({
    where: { buyerCompanyId, status: { notIn: ['CANCELLED', 'COMPLETED'] }, scheduleItems: { none: {} } },
    select: { currency: true, totalAmount: true },
  });
}

export function openItemsOfCompany(db: Db, buyerCompanyId: string) {
  return db.paymentScheduleItem.findMany({ where: { buyerCompanyId, isOpen: true }, select: { currency: true, openAmount: true, dueDate: true } });
}

/** The newest rate of each currency into another (mid or any kind), for the credit check. */
export function latestRates(db: Db, quote: string) {
  return db.$queryRaw<{ base: string; rate: Prisma.Decimal }[]>`
    SELECT DISTINCT ON (base) base, rate FROM "ExchangeRate" WHERE quote = ${quote} ORDER BY base, "validOn" DESC`;
}
export function latestRatesFrom(db: Db, base: string) {
  return db.$queryRaw<{ quote: string; rate: Prisma.Decimal }[]>`
    SELECT DISTINCT ON (quote) quote, rate FROM "ExchangeRate" WHERE base = ${base} ORDER BY quote, "validOn" DESC`;
}

// ── Dunning

export function activePauses(db: Db, buyerCompanyIds?: readonly string[]) {
  return db.dunningPause.findMany({
    where: { resumedAt: null, ...(buyerCompanyIds ? { buyerCompanyId: { in: [...buyerCompanyIds] } } : {}) },
    select: { id: true, buyerCompanyId: true, reason: true, pausedAt: true, pausedById: true },
  });
}

export function createPause(db: Db, data: { buyerCompanyId: string; reason: string; pausedById: string; pausedAt: Date }) {
  return db.dunningPause.create({ data, select: { id: true } });
}

export function endPauses(db: Db, buyerCompanyId: string, by: { resumedById: string; resumedAt: Date }) {
  return db.dunningPause.updateMany({ where: { buyerCompanyId, resumedAt: null }, data: by });
}

/** Open items whose due date is on or before the horizon (reminders look ahead), with the notices they have had. */
export function itemsForNotices(db: Db, horizon: Date, exceptMethods: readonly PaymentMethodCode[] = []) {
  return db.paymentScheduleItem.findMany({
    where: { isOpen: true, dueDate: { not: null, lte: horizon }, ...(exceptMethods.length ? { method: { notIn: [...exceptMethods] } } : {}) },
    select: {
      id: true, buyerCompanyId: true, openAmount: true, currency: true, dueDate: true, reference: true, description: true, contractId: true,
      contract: { select: { number: true } },
      dunning: { select: { kind: true, level: true } },
    },
  });
}

export function createNotice(db: Db, data: Prisma.DunningNoticeUncheckedCreateInput) {
  return db.dunningNotice.create({ data, select: { id: true } });
}

export function lastNotices(db: Db) {
  return db.$queryRaw<{ buyerCompanyId: string; kind: string; level: number; sentAt: Date; number: string }[]>`
    SELECT DISTINCT ON (i."buyerCompanyId") i."buyerCompanyId", n.kind::text AS kind, n.level, n."sentAt", c.number
    FROM "DunningNotice" n JOIN "PaymentScheduleItem" i ON i.id = n."scheduleItemId" JOIN "SalesContract" c ON c.id = i."contractId"
    ORDER BY i."buyerCompanyId", n."sentAt" DESC`;
}

/** Buyer users with their language, for notices in the reader's language. */
export function buyerReaders(db: Db, companyId: string) {
  return db.user.findMany({ where: { companyId, role: 'BUYER', status: 'ACTIVE' }, select: { id: true, email: true, name: true, locale: true } });
}

export function staffReaders(db: Db, roles: readonly ('FINANCE' | 'MANAGER' | 'ADMIN' | 'CLERK')[]) {
  return db.user.findMany({ where: { role: { in: [...roles] }, status: 'ACTIVE' }, select: { id: true, email: true, name: true, locale: true } });
}

// ── Settings

export function readSettings(db: Db, keys: readonly string[]) {
  return db.setting.findMany({ where: { key: { in: [...keys] } }, select: { key: true, value: true } });
}

export function writeSetting(db: Db, key: string, value: Prisma.InputJsonValue) {
  return db.setting.upsert({ where: { key }, create: { key, value }, update: { value }, select: { key: true } });
}
