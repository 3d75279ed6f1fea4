import type { Prisma } from '@portal/db';
import type { Db } from '../../infra/tx.ts';
import { sheetInputSelect } from '../costing/costing.repository.ts';

type RevisionStatus = Prisma.QuoteRevisionGetPayload<object>['status'];

export function findInquiry(db: Db, id: string) {
  return db.inquiry.findUnique({
    where: { id },
    select: { id: true, number: true, status: true, buyerCompanyId: true, lines: { select: { id: true, productId: true } } },
  });
}

/**
 * Touches the inquiry inside the transaction. The row lock this takes makes concurrent quote
 * drafts for one inquiry wait for each other, so only one of them opens the PI.
 */
export function touchInquiry(db: Db, id: string, now: Date) {
  return db.inquiry.update({ where: { id }, data: { lastActivityAt: now }, select: { id: true } });
}

export function updateInquiry(db: Db, id: string, data: { status?: 'QUOTED' | 'NEGOTIATING'; firstResponseAt?: Date; lastActivityAt: Date }) {
  return db.inquiry.update({ where: { id }, data, select: { id: true } });
}

/** The inquiry's open PI with its latest revision, if there is one. */
export function findOpenQuote(db: Db, inquiryId: string) {
  return db.quote.findFirst({
    where: { inquiryId, status: 'OPEN' },
    orderBy: { createdAt: 'desc' },
    select: { id: true, number: true, revisions: { orderBy: { revisionNo: 'desc' }, take: 1, select: { revisionNo: true, status: true } } },
  });
}

export function findProducts(db: Db, ids: string[]) {
  return db.product.findMany({
    where: { id: { in: ids } },
    select: { id: true, sku: true, status: true, moq: true, unit: true, marginFloorRate: true },
  });
}

// With the columns its input is read from: a line of another quantity is costed at its own (domain figuresAtQuantity).
const costSheetFields = { id: true, productId: true, name: true, version: true, ...sheetInputSelect } as const;

export function findCostSheets(db: Db, ids: string[]) {
  return db.costSheet.findMany({ where: { id: { in: ids } }, select: costSheetFields });
}

/**
 * The most recently saved cost sheet of each product in each quote currency (the higher version on a
 * tie), newest first: a line that names no sheet takes the latest one costed for the quote's currency.
 */
export async function findLatestCostSheetsOfProducts(db: Db, productIds: string[]) {
  if (productIds.length === 0) return [];
  const latest = await db.costSheet.groupBy({ by: ['productId', 'quoteCurrency'], where: { productId: { in: productIds } }, _max: { createdAt: true } });
  const rows = await db.costSheet.findMany({
    where: { OR: latest.map((l) => ({ productId: l.productId, quoteCurrency: l.quoteCurrency, createdAt: l._max.createdAt! })) },
    orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
    select: { ...costSheetFields, quoteCurrency: true },
  });
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.productId} ${r.quoteCurrency}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function findPorts(db: Db, codes: string[]) {
  return db.port.findMany({ where: { code: { in: codes } }, select: { code: true, name: true, country: true } });
}

export async function findSetting(db: Db, key: string): Promise<unknown> {
  return (await db.setting.findUnique({ where: { key }, select: { value: true } }))?.value ?? null;
}


/** The payment schedule of the contract an accepted revision became (empty until the buyer confirms it), in order. */
export function findPayablesOfRevision(db: Db, revisionId: string) {
  return db.paymentScheduleItem.findMany({
    where: { contract: { quoteRevisionId: revisionId } },
    orderBy: { seq: 'asc' },
    select: { reference: true, description: true, amount: true, dueDate: true },
  });
}

/** A buyer company's name and standing, read inside the writing transaction. */
export function findCompanyStanding(db: Db, id: string) {
  return db.company.findUniqueOrThrow({ where: { id }, select: { name: true, status: true } });
}

export function createQuote(db: Db, data: { number: string; inquiryId: string; buyerCompanyId: string; createdAt: Date }) {
  return db.quote.create({ data, select: { id: true } });
}

export type RevisionContent = Omit<Prisma.QuoteRevisionUncheckedCreateInput, 'id' | 'quoteId' | 'revisionNo' | 'lines' | 'status'>;
export type LineContent = Omit<Prisma.QuoteLineUncheckedCreateInput, 'id' | 'revisionId'>;

export function createRevision(db: Db, quoteId: string, revisionNo: number, content: RevisionContent, lines: LineContent[]) {
  return db.quoteRevision.create({
    data: { ...content, quoteId, revisionNo, status: 'DRAFT', lines: { create: lines } },
    select: { id: true },
  });
}

/** Replaces a draft's content and lines; only while it is still a draft (returns false otherwise). */
export async function replaceDraft(db: Db, revisionId: string, content: Omit<RevisionContent, 'createdById' | 'createdAt'>, lines: LineContent[]): Promise<boolean> {
  const { count } = await db.quoteRevision.updateMany({ where: { id: revisionId, status: 'DRAFT' }, data: content });
  if (count === 0) return false;
  await db.quoteLine.deleteMany({ where: { revisionId } });
  await db.quoteLine.createMany({ data: lines.map((l) => ({ ...l, revisionId })) });
  return true;
}

/** Moves a revision on only from the status it was read in: false when another request moved it first. */
export async function moveRevision(db: Db, revisionId: string, from: RevisionStatus[], data: Prisma.QuoteRevisionUncheckedUpdateManyInput): Promise<boolean> {
  const { count } = await db.quoteRevision.updateMany({ where: { id: revisionId, status: { in: from } }, data });
  return count === 1;
}

/** Earlier revisions still standing as sent are superseded by a newer one. */
export function supersedeEarlier(db: Db, quoteId: string, revisionNo: number) {
  return db.quoteRevision.updateMany({ where: { quoteId, revisionNo: { lt: revisionNo }, status: 'SENT' }, data: { status: 'SUPERSEDED' } });
}

const revisionSelect = {
  id: true, revisionNo: true, status: true, currency: true, incoterm: true, namedPlace: true, portOfLoadingCode: true, portOfDischargeCode: true,
  paymentMethod: true, paymentTerms: true, paymentTermsText: true, leadTimeDays: true, shipmentDate: true, packing: true, validUntil: true,
  quoteId: true, specialTerms: true, shippingMarks: true, belowFloorReason: true,
  totalAmount: true, marginRate: true, belowMarginFloor: true, notes: true, createdById: true, createdAt: true, approvedAt: true,
  approvalComment: true, sentAt: true,
  createdBy: { select: { name: true } },
  approvedBy: { select: { name: true } },
  lines: {
    orderBy: { lineNo: 'asc' },
    select: {
      id: true, lineNo: true, inquiryLineId: true, productId: true, costSheetId: true, description: true, quantity: true, unit: true,
      unitPrice: true, amount: true, marginRate: true, notes: true, shipmentDate: true,
      product: { select: { sku: true, marginFloorRate: true } },
    },
  },
} as const satisfies Prisma.QuoteRevisionSelect;

const quoteSelect = {
  id: true, number: true, status: true, buyerCompanyId: true, createdAt: true,
  inquiry: { select: { id: true, number: true, status: true, firstResponseAt: true } },
  buyerCompany: { select: { id: true, name: true, addressLine1: true, addressLine2: true, city: true, postalCode: true, country: true, taxId: true, phone: true } },
  revisions: { orderBy: { revisionNo: 'desc' }, select: revisionSelect },
} as const satisfies Prisma.QuoteSelect;

export type QuoteRow = Prisma.QuoteGetPayload<{ select: typeof quoteSelect }>;
export type RevisionRow = QuoteRow['revisions'][number];

/** A PI with every revision (newest first), its lines, buyer and inquiry. */
export function findQuote(db: Db, id: string) {
  return db.quote.findUnique({ where: { id }, select: quoteSelect });
}

/** One revision's content as it is now (inside a transaction: as committed). */
export function findRevision(db: Db, id: string) {
  return db.quoteRevision.findUnique({ where: { id }, select: revisionSelect });
}

/** The buyer's latest counter-offer on a revision, with its proposed lines. */
export function findLatestCounterOffer(db: Db, revisionId: string) {
  return db.negotiationMessage.findFirst({
    where: { revisionId, kind: 'COUNTER_OFFER' },
    orderBy: { createdAt: 'desc' },
    select: { id: true, lines: { select: { quoteLineId: true, proposedUnitPrice: true, proposedQuantity: true, proposedShipmentDate: true } } },
  });
}

/** A sent revision past its validity becomes expired, once: false when it already was. */
export async function expireRevision(db: Db, revisionId: string): Promise<boolean> {
  const { count } = await db.quoteRevision.updateMany({ where: { id: revisionId, status: 'SENT' }, data: { status: 'EXPIRED' } });
  return count === 1;
}



export function findPendingRevisions(db: Db) {
  return db.quoteRevision.findMany({
    where: { status: 'PENDING_APPROVAL' },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true, revisionNo: true, currency: true, totalAmount: true, marginRate: true, createdAt: true, belowFloorReason: true,
      createdBy: { select: { name: true } },
      quote: { select: { id: true, number: true, buyerCompany: { select: { name: true } } } },
      lines: { select: { marginRate: true, product: { select: { marginFloorRate: true } } } },
    },
  });
}

/** Audit entries of some revisions for the given actions, newest first, with the actor's name. */
export function findRevisionEvents(db: Db, revisionIds: string[], actions: string[]) {
  if (revisionIds.length === 0) return Promise.resolve([]);
  return db.auditLog.findMany({
    where: { entityType: 'QuoteRevision', entityId: { in: revisionIds }, action: { in: actions } },
    orderBy: { createdAt: 'desc' },
    select: { entityId: true, action: true, createdAt: true, changes: true, actorId: true, actor: { select: { name: true } } },
  });
}

// ── The home page (quotes.home.ts)

const homeRevisionSelect = {
  id: true, revisionNo: true, status: true, totalAmount: true, currency: true, validUntil: true, createdAt: true, sentAt: true, approvalComment: true,
  quote: { select: { id: true, number: true, inquiryId: true, buyerCompany: { select: { name: true } } } },
} as const;

/**
 * Sent revisions still valid on `today` (YYYY-MM-DD), of one company or all, each with the last word
 * of its inquiry's negotiation (whether the buyer has answered it is the caller's rule).
 */
export function findSentRevisions(db: Db, companyId: string | undefined, today: Date) {
  return db.quoteRevision.findMany({
    where: { status: 'SENT', validUntil: { gte: today }, ...(companyId ? { quote: { buyerCompanyId: companyId } } : {}) },
    select: {
      ...homeRevisionSelect,
      quote: {
        select: {
          ...homeRevisionSelect.quote.select,
          inquiry: { select: { messages: { where: { kind: { not: 'SYSTEM' } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: { side: true, kind: true, revisionId: true } } } },
        },
      },
    },
    orderBy: { validUntil: 'asc' },
    take: 200,
  });
}

/** Drafts a user made that are not yet sent (a manager's returned ones carry the comment). */
export function findOwnDrafts(db: Db, userId: string) {
  return db.quoteRevision.findMany({ where: { status: 'DRAFT', createdById: userId }, select: homeRevisionSelect, orderBy: { createdAt: 'asc' }, take: 200 });
}

/** Revisions waiting for a manager's approval, except the ones this user made (nobody approves their own work). */
export function findRevisionsToApprove(db: Db, userId: string) {
  return db.quoteRevision.findMany({ where: { status: 'PENDING_APPROVAL', createdById: { not: userId } }, select: homeRevisionSelect, orderBy: { createdAt: 'asc' }, take: 200 });
}
