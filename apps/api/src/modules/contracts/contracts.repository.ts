import type { Prisma } from '@portal/db';
import type { Db } from '../../infra/tx.ts';

const partySelect = { id: true, name: true, addressLine1: true, addressLine2: true, city: true, postalCode: true, country: true, taxId: true, phone: true } as const;

const contractSelect = {
  id: true, number: true, status: true, quoteRevisionId: true, inquiryId: true, buyerCompanyId: true, currency: true, totalAmount: true,
  incoterm: true, namedPlace: true, portOfLoadingCode: true, portOfDischargeCode: true, latestShipmentDate: true, partialShipmentAllowed: true,
  transhipmentAllowed: true, packing: true, shippingMarks: true, inspection: true, insurance: true, claimsClause: true, paymentMethod: true,
  paymentTermsText: true, lcNumber: true, lcIssuingBank: true, lcExpiryDate: true, lcPresentationDays: true, lcAmount: true, lcCurrency: true, lcIssueDate: true,
  lcLatestShipmentDate: true, lcIssuingBankBic: true, lcStatus: true, lcReviewNote: true, lcReviewedAt: true, lcReviewedBy: { select: { name: true } }, amendmentNo: true, issuedAt: true,
  confirmedAt: true,
  confirmedBy: { select: { name: true } },
  buyerCompany: { select: partySelect },
  sellerCompany: { select: partySelect },
  inquiry: { select: { id: true, number: true, assignedClerkId: true } },
  quoteRevision: { select: { revisionNo: true, quote: { select: { id: true, number: true } } } },
  lines: { orderBy: { lineNo: 'asc' }, select: { lineNo: true, productId: true, description: true, quantity: true, unit: true, unitPrice: true, amount: true } },
  paymentTerms: { orderBy: { seq: 'asc' }, select: { seq: true, method: true, percent: true, trigger: true, days: true } },
  amendments: {
    orderBy: { number: 'asc' },
    select: { id: true, number: true, status: true, reason: true, changes: true, proposedAt: true, respondedAt: true, proposedBy: { select: { name: true } }, confirmedBy: { select: { name: true } } },
  },
} as const satisfies Prisma.SalesContractSelect;

export type ContractRow = Prisma.SalesContractGetPayload<{ select: typeof contractSelect }>;

export function findContract(db: Db, id: string) {
  return db.salesContract.findUnique({ where: { id }, select: contractSelect });
}

/** The contract made from a revision, if any (at most one: quoteRevisionId is unique). */
export function findContractOfRevision(db: Db, quoteRevisionId: string) {
  return db.salesContract.findUnique({ where: { quoteRevisionId }, select: contractSelect });
}

/** Contracts newest first; a buyer's list is limited to their company. */
export function listContracts(db: Db, filter: { buyerCompanyId?: string; status?: ContractRow['status'] }) {
  return db.salesContract.findMany({
    where: { ...(filter.buyerCompanyId ? { buyerCompanyId: filter.buyerCompanyId } : {}), ...(filter.status ? { status: filter.status } : {}) },
    orderBy: { issuedAt: 'desc' },
    take: 200,
    select: {
      id: true, number: true, status: true, currency: true, totalAmount: true, incoterm: true, namedPlace: true, latestShipmentDate: true,
      amendmentNo: true, issuedAt: true, confirmedAt: true, buyerCompany: { select: { id: true, name: true } },
    },
  });
}

/**
 * Accepts a sent revision, only while it is still sent and valid: the conditional update that makes
 * one of many concurrent accepts the winner (the others match no row). False when it did not move.
 */
export async function acceptRevision(db: Db, id: string, validFrom: Date, data: { acceptedById: string; respondedAt: Date }): Promise<boolean> {
  const { count } = await db.quoteRevision.updateMany({ where: { id, status: 'SENT', validUntil: { gte: validFrom } }, data: { ...data, status: 'ACCEPTED' } });
  return count === 1;
}

export function createContract(db: Db, data: Prisma.SalesContractUncheckedCreateInput) {
  return db.salesContract.create({ data, select: { id: true } });
}

/** The accepted PI is closed for further revisions: its other sent revisions are superseded. */
export async function closeQuote(db: Db, quoteId: string, acceptedRevisionId: string) {
  await db.quote.update({ where: { id: quoteId }, data: { status: 'ACCEPTED' }, select: { id: true } });
  return db.quoteRevision.updateMany({ where: { quoteId, id: { not: acceptedRevisionId }, status: 'SENT' }, data: { status: 'SUPERSEDED' } });
}

export function acceptInquiry(db: Db, id: string, at: Date) {
  return db.inquiry.update({ where: { id }, data: { status: 'ACCEPTED', closedAt: at, lastActivityAt: at }, select: { id: true } });
}

export function createSystemMessage(db: Db, data: { inquiryId: string; revisionId: string; authorId: string; side: 'BUYER' | 'EXPORTER'; body: string; createdAt: Date }) {
  return db.negotiationMessage.create({ data: { ...data, kind: 'SYSTEM' }, select: { id: true } });
}

/** Confirms an issued contract; false when it was no longer issued. */
export async function confirmContract(db: Db, id: string, data: { confirmedById: string; confirmedAt: Date }): Promise<boolean> {
  const { count } = await db.salesContract.updateMany({ where: { id, status: 'ISSUED' }, data: { ...data, status: 'CONFIRMED' } });
  return count === 1;
}

export function lastAmendmentNumber(db: Db, contractId: string) {
  return db.contractAmendment.aggregate({ where: { contractId }, _max: { number: true } });
}

export function createAmendment(db: Db, data: { contractId: string; number: number; reason: string; changes: Prisma.InputJsonValue; proposedById: string; proposedAt: Date }) {
  return db.contractAmendment.create({ data, select: { id: true } });
}

/** Confirms a proposed amendment, only while it is proposed (false otherwise). */
export async function confirmAmendment(db: Db, id: string, data: { confirmedById: string; respondedAt: Date }): Promise<boolean> {
  const { count } = await db.contractAmendment.updateMany({ where: { id, status: 'PROPOSED' }, data: { ...data, status: 'CONFIRMED' } });
  return count === 1;
}

/**
 * Writes the credit as the buyer recorded it, only while it is not accepted and the contract is
 * still live: the status goes (back) to RECEIVED and an earlier review is cleared. False when the
 * contract moved meanwhile.
 */
export async function recordLetterOfCredit(db: Db, id: string, data: {
  lcNumber: string; lcIssuingBank: string; lcIssuingBankBic: string | null; lcIssueDate: Date; lcExpiryDate: Date; lcLatestShipmentDate: Date;
  lcPresentationDays: number; lcAmount: string; lcCurrency: string;
}): Promise<boolean> {
  const { count } = await db.salesContract.updateMany({
    where: { id, status: { notIn: ['ISSUED', 'COMPLETED', 'CANCELLED'] }, OR: [{ lcStatus: null }, { lcStatus: { not: 'ACCEPTED' } }] },
    data: { ...data, lcStatus: 'RECEIVED', lcReviewNote: null, lcReviewedAt: null, lcReviewedById: null },
  });
  return count === 1;
}

/** Records the exporter's decision on a received credit, only while it is RECEIVED (false otherwise). */
export async function reviewLetterOfCredit(db: Db, id: string, data: { lcStatus: 'ACCEPTED' | 'AMENDMENT_REQUESTED'; lcReviewNote: string | null; lcReviewedAt: Date; lcReviewedById: string }): Promise<boolean> {
  const { count } = await db.salesContract.updateMany({ where: { id, lcStatus: 'RECEIVED' }, data });
  return count === 1;
}

export function updateContract(db: Db, id: string, data: Prisma.SalesContractUncheckedUpdateInput) {
  return db.salesContract.update({ where: { id }, data, select: { id: true } });
}

export function findPorts(db: Db, codes: string[]) {
  return db.port.findMany({ where: { code: { in: codes } }, select: { code: true, name: true, country: true } });
}

export function findExporterId(db: Db) {
  return db.company.findFirst({ where: { kind: 'EXPORTER' }, orderBy: { createdAt: 'asc' }, select: { id: true } });
}

export { findBuyerUsers, findHandlers } from '../../infra/recipients.repository.ts';

export function findInquiryClerk(db: Db, inquiryId: string) {
  return db.inquiry.findUnique({ where: { id: inquiryId }, select: { assignedClerkId: true } });
}
