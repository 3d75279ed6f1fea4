import type { Prisma } from '@portal/db';
import type { Db } from '../../infra/tx.ts';

type InquiryStatus = Prisma.InquiryGetPayload<object>['status'];
type MessageKind = Prisma.NegotiationMessageGetPayload<object>['kind'];

/** The inquiry a thread belongs to, with what access and notifications need. */
export function findInquiry(db: Db, id: string) {
  return db.inquiry.findUnique({
    where: { id },
    select: { id: true, number: true, status: true, buyerCompanyId: true, assignedClerkId: true, buyerCompany: { select: { name: true } } },
  });
}

const messageSelect = {
  id: true, side: true, kind: true, body: true, proposedTerms: true, createdAt: true,
  author: { select: { name: true } },
  revision: { select: { revisionNo: true } },
  lines: {
    select: {
      quoteLineId: true, proposedUnitPrice: true, proposedQuantity: true, proposedShipmentDate: true,
      quoteLine: { select: { lineNo: true, description: true } },
    },
  },
  attachments: { select: { id: true, fileName: true, contentType: true, sizeBytes: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
} as const satisfies Prisma.NegotiationMessageSelect;

export type MessageRow = Prisma.NegotiationMessageGetPayload<{ select: typeof messageSelect }>;

/** What costing the buyer's counter on some quote lines needs: each line's quote, cost sheet and floor. */
export function findCounterCosting(db: Db, quoteLineIds: string[]) {
  if (quoteLineIds.length === 0) return Promise.resolve([]);
  return db.quoteLine.findMany({
    where: { id: { in: quoteLineIds } },
    select: {
      id: true, quantity: true, unitPrice: true,
      costSheet: { select: { result: true } },
      product: { select: { marginFloorRate: true } },
      revision: { select: { currency: true, incoterm: true } },
    },
  });
}

/** The thread of an inquiry, oldest first. */
export function findMessages(db: Db, inquiryId: string) {
  return db.negotiationMessage.findMany({ where: { inquiryId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: messageSelect });
}

export function findMessage(db: Db, id: string) {
  return db.negotiationMessage.findUniqueOrThrow({ where: { id }, select: messageSelect });
}

export function createMessage(
  db: Db,
  data: {
    inquiryId: string; revisionId?: string | null; authorId: string; side: 'BUYER' | 'EXPORTER'; kind: MessageKind; body: string; createdAt: Date;
    proposedTerms?: Prisma.InputJsonValue;
    lines?: { quoteLineId: string; proposedUnitPrice: string | null; proposedQuantity: string | null; proposedShipmentDate: Date | null }[];
  },
) {
  const { lines, ...rest } = data;
  return db.negotiationMessage.create({ data: { ...rest, ...(lines?.length ? { lines: { create: lines } } : {}) }, select: { id: true } });
}


/** A revision of the inquiry's PI by number (the newest PI when there were several), with its lines and their MOQ. */
export function findRevisionOfInquiry(db: Db, inquiryId: string, revisionNo: number) {
  return db.quoteRevision.findFirst({
    where: { revisionNo, quote: { inquiryId } },
    orderBy: { quote: { createdAt: 'desc' } },
    select: {
      id: true, revisionNo: true, status: true, validUntil: true, currency: true,
      quote: { select: { id: true, number: true } },
      lines: { select: { id: true, lineNo: true, unit: true, product: { select: { moq: true } } } },
    },
  });
}

/** Moves the inquiry on, only from the statuses given; false when it was in another one. */
export async function moveInquiry(db: Db, id: string, from: InquiryStatus[], data: Prisma.InquiryUncheckedUpdateManyInput): Promise<boolean> {
  const { count } = await db.inquiry.updateMany({ where: { id, status: { in: from } }, data });
  return count === 1;
}

export function touchInquiry(db: Db, id: string, at: Date) {
  return db.inquiry.update({ where: { id }, data: { lastActivityAt: at }, select: { id: true } });
}

/** A buyer declines a sent revision: only while it is still sent (false otherwise). */
export async function declineRevision(db: Db, id: string, data: { acceptedById?: null; declineReason: string; respondedAt: Date }): Promise<boolean> {
  const { count } = await db.quoteRevision.updateMany({ where: { id, status: 'SENT' }, data: { ...data, status: 'DECLINED' } });
  return count === 1;
}

/** Whether any PI of the inquiry still has a revision standing as sent. */
export async function hasOpenRevision(db: Db, inquiryId: string): Promise<boolean> {
  return (await db.quoteRevision.count({ where: { status: 'SENT', quote: { inquiryId } } })) > 0;
}

/** A PI's head: whose it is and for which inquiry. */
export function findQuoteHead(db: Db, id: string) {
  return db.quote.findUnique({ where: { id }, select: { id: true, number: true, buyerCompanyId: true, inquiryId: true } });
}

const revisionToAcceptSelect = {
  id: true, revisionNo: true, status: true, validUntil: true, currency: true, totalAmount: true, incoterm: true, namedPlace: true,
  portOfLoadingCode: true, portOfDischargeCode: true, shipmentDate: true, leadTimeDays: true, packing: true, shippingMarks: true, specialTerms: true, paymentMethod: true,
  paymentTerms: true, paymentTermsText: true,
  lines: { orderBy: { lineNo: 'asc' }, select: { lineNo: true, productId: true, description: true, quantity: true, unit: true, unitPrice: true, amount: true, notes: true, shipmentDate: true } },
} as const satisfies Prisma.QuoteRevisionSelect;

/** A PI with one revision by number, with all that accepting it and issuing its contract need. */
export function findQuoteWithRevision(db: Db, quoteId: string, revisionNo: number) {
  return db.quote.findUnique({
    where: { id: quoteId },
    select: {
      id: true, number: true, buyerCompanyId: true,
      buyerCompany: { select: { name: true } },
      inquiry: { select: { id: true, assignedClerkId: true } },
      revisions: { where: { revisionNo }, select: revisionToAcceptSelect },
    },
  });
}

/** A revision's answerable state by id (after a lost race: what it became). */
export function findRevisionState(db: Db, id: string) {
  return db.quoteRevision.findUnique({ where: { id }, select: { revisionNo: true, status: true, validUntil: true } });
}

/**
 * Accepts a sent revision, only while it is still sent and valid: the conditional update that makes
 * one of many concurrent accepts the winner (the others match no row). False when it did not move.
 */
export async function acceptRevision(db: Db, id: string, validFrom: Date, data: { acceptedById: string; respondedAt: Date }): Promise<boolean> {
  const { count } = await db.quoteRevision.updateMany({ where: { id, status: 'SENT', validUntil: { gte: validFrom } }, data: { ...data, status: 'ACCEPTED' } });
  return count === 1;
}

/** The accepted PI is closed for further revisions: its other sent revisions are superseded. */
export async function closeQuote(db: Db, quoteId: string, acceptedRevisionId: string) {
  await db.quote.update({ where: { id: quoteId }, data: { status: 'ACCEPTED' }, select: { id: true } });
  return db.quoteRevision.updateMany({ where: { quoteId, id: { not: acceptedRevisionId }, status: 'SENT' }, data: { status: 'SUPERSEDED' } });
}

export function acceptInquiry(db: Db, id: string, at: Date) {
  return db.inquiry.update({ where: { id }, data: { status: 'ACCEPTED', closedAt: at, lastActivityAt: at }, select: { id: true } });
}

// ── The home page (negotiation.home.ts)

/** Inquiries in negotiation with their latest message (SYSTEM notes left out): for one handler, theirs (and, `withUnassigned`, nobody's). */
export function findNegotiationsWithLatest(db: Db, handlerId: string, withUnassigned: boolean) {
  return db.inquiry.findMany({
    where: { status: 'NEGOTIATING', OR: [{ assignedClerkId: handlerId }, ...(withUnassigned ? [{ assignedClerkId: null }] : [])] },
    select: {
      id: true, number: true, buyerCompany: { select: { name: true } },
      messages: {
        where: { kind: { not: 'SYSTEM' } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1,
        select: { id: true, side: true, kind: true, createdAt: true, revision: { select: { revisionNo: true, status: true, quote: { select: { number: true } } } } },
      },
    },
    take: 200,
  });
}
