import type { Prisma } from '@portal/db';
import type { Db } from '../../infra/tx.ts';
import { partySelect } from '../companies/companies.repository.ts';

const contractSelect = {
  id: true, number: true, status: true, quoteRevisionId: true, inquiryId: true, buyerCompanyId: true, currency: true, totalAmount: true,
  incoterm: true, namedPlace: true, portOfLoadingCode: true, portOfDischargeCode: true, latestShipmentDate: true, partialShipmentAllowed: true,
  transhipmentAllowed: true, packing: true, shippingMarks: true, specialTerms: true, leadTimeDays: true, inspection: true, insurance: true, claimsClause: true, paymentMethod: true,
  paymentTermsText: true, lcNumber: true, lcIssuingBank: true, lcExpiryDate: true, lcPresentationDays: true, lcAmount: true, lcCurrency: true, lcIssueDate: true,
  lcLatestShipmentDate: true, lcIssuingBankBic: true, lcStatus: true, lcReviewNote: true, lcReviewedAt: true, lcReviewedBy: { select: { name: true } }, amendmentNo: true, issuedAt: true,
  confirmedAt: true,
  confirmedBy: { select: { name: true } },
  buyerCompany: { select: partySelect },
  sellerCompany: { select: partySelect },
  inquiry: { select: { id: true, number: true, assignedClerkId: true } },
  quoteRevision: { select: { revisionNo: true, quote: { select: { id: true, number: true } } } },
  lines: { orderBy: { lineNo: 'asc' }, select: { lineNo: true, productId: true, description: true, quantity: true, unit: true, unitPrice: true, amount: true, notes: true, shipmentDate: true } },
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

export type ContractListRow = Awaited<ReturnType<typeof listContracts>>[number];

export function createContract(db: Db, data: Prisma.SalesContractUncheckedCreateInput) {
  return db.salesContract.create({ data, select: { id: true } });
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

export function updateContract(db: Db, id: string, data: Prisma.SalesContractUncheckedUpdateInput) {
  return db.salesContract.update({ where: { id }, data, select: { id: true } });
}

export function findPorts(db: Db, codes: string[]) {
  return db.port.findMany({ where: { code: { in: codes } }, select: { code: true, name: true, country: true } });
}



// ── The home page (sales-contracts.home.ts, letters-of-credit.home.ts)

const homeContractSelect = {
  id: true, number: true, status: true, currency: true, totalAmount: true, issuedAt: true, latestShipmentDate: true, paymentMethod: true,
  lcStatus: true, lcNumber: true, lcAmount: true, lcCurrency: true, lcExpiryDate: true, lcReceivedAt: true, lcReviewedAt: true,
  buyerCompany: { select: { name: true } },
  paymentTerms: { select: { method: true } },
} as const;

/** Contracts that are still live (not completed or cancelled), of one buyer company or all, with what the home page says of them. */
export function findLiveContracts(db: Db, companyId: string | undefined, where: Prisma.SalesContractWhereInput = {}) {
  return db.salesContract.findMany({
    where: { status: { notIn: ['COMPLETED', 'CANCELLED'] }, ...(companyId ? { buyerCompanyId: companyId } : {}), ...where },
    select: homeContractSelect,
    orderBy: { issuedAt: 'asc' },
    take: 200,
  });
}

/** Amendments proposed to a company's contracts and not yet confirmed. */
export function findProposedAmendments(db: Db, companyId: string) {
  return db.contractAmendment.findMany({
    where: { status: 'PROPOSED', contract: { buyerCompanyId: companyId, status: { notIn: ['COMPLETED', 'CANCELLED'] } } },
    select: { id: true, number: true, reason: true, proposedAt: true, contract: { select: { id: true, number: true } } },
    orderBy: { proposedAt: 'asc' },
    take: 200,
  });
}

/** Contracts in execution (confirmed, not yet completed) per currency: their count and value. */
export function sumContractsInExecution(db: Db, companyId: string | undefined) {
  return db.salesContract.groupBy({
    by: ['currency'],
    where: { status: { in: ['CONFIRMED', 'IN_PRODUCTION', 'PARTIALLY_SHIPPED', 'SHIPPED'] }, ...(companyId ? { buyerCompanyId: companyId } : {}) },
    _count: { _all: true },
    _sum: { totalAmount: true },
    orderBy: { currency: 'asc' },
  });
}
