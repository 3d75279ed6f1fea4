import type { Prisma } from '@portal/db';
import type { ClaimStatus, Role } from '@portal/domain';
import { attachmentInfoSelect } from '../attachments/attachments.repository.ts';
import type { Db } from '../../infra/tx.ts';

const summarySelect = {
  id: true, number: true, kind: true, status: true, currency: true, amountClaimed: true, settlementKind: true, settlementAmount: true, filedAt: true, updatedAt: true,
  responseTimer: true, buyerCompanyId: true, contractId: true, shipmentId: true,
  contract: { select: { id: true, number: true } },
  shipment: { select: { id: true, number: true } },
  buyerCompany: { select: { id: true, name: true } },
} as const satisfies Prisma.ClaimSelect;

const claimSelect = {
  ...summarySelect,
  description: true, periodEndsOn: true, responsibleParty: true, settlementNote: true, settlementProposedById: true, settlementApprovedById: true, settlementReference: true,
  creditNoteUsedAt: true, sourceTicketId: true, handlerId: true, settledAt: true, paidAt: true, closedAt: true,
  shipment: { select: { id: true, number: true, ata: true } },
  sourceTicket: { select: { id: true, number: true } },
  lines: {
    orderBy: { contractLine: { lineNo: 'asc' } },
    select: { contractLineId: true, quantity: true, batchNo: true, contractLine: { select: { lineNo: true, description: true, unit: true, unitPrice: true, shipmentLines: { select: { shipmentId: true, quantity: true } } } } },
  },
  evidence: { orderBy: { addedAt: 'asc' }, select: { addedAt: true, attachment: { select: attachmentInfoSelect } } },
  events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, action: true, fromStatus: true, toStatus: true, note: true, internal: true, data: true, createdAt: true, actor: { select: { name: true, role: true } } } },
} as const satisfies Prisma.ClaimSelect;

export type ClaimSummaryRow = Prisma.ClaimGetPayload<{ select: typeof summarySelect }>;
export type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof claimSelect }>;

export function findClaim(db: Db, id: string) {
  return db.claim.findUnique({ where: { id }, select: claimSelect });
}

/** Claims newest first, within a buyer company when given. */
export function listClaims(db: Db, filter: { buyerCompanyId?: string | undefined; status?: ClaimStatus | undefined; statuses?: readonly ClaimStatus[] | undefined; contractId?: string | undefined; shipmentId?: string | undefined }) {
  return db.claim.findMany({
    where: {
      ...(filter.buyerCompanyId ? { buyerCompanyId: filter.buyerCompanyId } : {}),
      ...(filter.status ? { status: filter.status } : filter.statuses ? { status: { in: [...filter.statuses] } } : {}),
      ...(filter.contractId ? { contractId: filter.contractId } : {}),
      ...(filter.shipmentId ? { shipmentId: filter.shipmentId } : {}),
    },
    orderBy: { filedAt: 'desc' },
    take: 300,
    select: summarySelect,
  });
}

/** The money facts of every claim with a settlement on it, for finance's figures. */
export function listSettlementFacts(db: Db) {
  return db.claim.findMany({
    where: { settlementAmount: { not: null }, status: { in: ['ACCEPTED', 'SETTLED', 'CLOSED'] } },
    select: { buyerCompanyId: true, status: true, currency: true, settlementKind: true, settlementAmount: true, creditNoteUsedAt: true, paidAt: true, buyerCompany: { select: { id: true, name: true } } },
  });
}

export function createClaim(db: Db, data: Prisma.ClaimUncheckedCreateInput) {
  return db.claim.create({ data, select: { id: true } });
}

/** Writes a step's outcome only if the claim is still in the status it was read in (false when another request moved it meanwhile). */
export async function updateClaimIf(db: Db, id: string, status: ClaimStatus, data: Prisma.ClaimUncheckedUpdateInput): Promise<boolean> {
  const { count } = await db.claim.updateMany({ where: { id, status }, data });
  return count === 1;
}

export function createClaimLines(db: Db, rows: { claimId: string; contractLineId: string; quantity: string; batchNo: string | null }[]) {
  return db.claimLine.createMany({ data: rows });
}

export function createEvent(db: Db, data: { claimId: string; action: string; fromStatus: ClaimStatus | null; toStatus: ClaimStatus; note: string | null; internal: boolean; data: Prisma.InputJsonValue; actorId: string; createdAt: Date }) {
  return db.claimEvent.create({ data, select: { id: true } });
}

export function createEvidence(db: Db, rows: { claimId: string; attachmentId: string; addedById: string; addedAt: Date }[]) {
  return db.claimEvidence.createMany({ data: rows });
}

/** A shipment with what filing a claim checks: its contract (owner, currency, clause), dates and lines with their contract line. */
export function findShipmentForClaim(db: Db, id: string) {
  return db.shipment.findUnique({
    where: { id },
    select: {
      id: true, number: true, status: true, ata: true, atd: true, onBoardDate: true, contractId: true,
      contract: { select: { id: true, number: true, currency: true, claimsClause: true, buyerCompanyId: true, buyerCompany: { select: { id: true, name: true } } } },
      lines: { select: { quantity: true, contractLine: { select: { id: true, lineNo: true, description: true, unit: true, unitPrice: true } } }, orderBy: { contractLine: { lineNo: 'asc' } } },
    },
  });
}

/** A contract's shipments that have shipped (departed, with an on-board or departure date), oldest first. */
export function findShippedShipments(db: Db, contractId: string) {
  return db.shipment.findMany({ where: { contractId, status: { not: 'CANCELLED' }, OR: [{ onBoardDate: { not: null } }, { atd: { not: null } }] }, orderBy: { createdAt: 'asc' }, select: { id: true } });
}

/** Shipments that have left, of one contract or of every contract of one buyer company, newest first. */
export function findShippedShipmentsFor(db: Db, where: { contractId: string } | { buyerCompanyId: string }) {
  return db.shipment.findMany({
    where: {
      status: { not: 'CANCELLED' },
      OR: [{ onBoardDate: { not: null } }, { atd: { not: null } }],
      ...('contractId' in where ? { contractId: where.contractId } : { contract: { buyerCompanyId: where.buyerCompanyId } }),
    },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, number: true, onBoardDate: true, atd: true, ata: true, contract: { select: { id: true, number: true } } },
  });
}

/** A shipment's contract and the contract's buyer company. */
export function findShipmentOwner(db: Db, id: string) {
  return db.shipment.findUnique({ where: { id }, select: { id: true, contractId: true, contract: { select: { buyerCompanyId: true } } } });
}

export function findContractByNumber(db: Db, number: string) {
  return db.salesContract.findUnique({ where: { number }, select: { id: true, number: true, buyerCompanyId: true, status: true } });
}

export function findContractOwner(db: Db, id: string) {
  return db.salesContract.findUnique({ where: { id }, select: { id: true, buyerCompanyId: true } });
}

/** Files proposed as evidence, with what decides whether they may be: owner, type, size, and any link already made. */
export function findEvidenceCandidates(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.attachment.findMany({
    where: { id: { in: ids } },
    select: {
      id: true, companyId: true, contentType: true, sizeBytes: true, inquiryId: true, negotiationMessageId: true, ticketMessageId: true,
      shipmentDocument: { select: { id: true } }, qualityCertificate: { select: { id: true } }, claimEvidence: { select: { id: true } },
    },
  });
}

/** A complaint with what turning it into a claim needs: its records, messages (with files) and whether a claim came of it already. */
export function findComplaint(db: Db, id: string) {
  return db.ticket.findUnique({
    where: { id },
    select: {
      id: true, number: true, kind: true, buyerCompanyId: true, contractId: true, subjectType: true, subjectId: true, subject: true, claim: { select: { id: true } },
      messages: {
        orderBy: { createdAt: 'asc' },
        select: { internal: true, body: true, author: { select: { role: true } }, attachments: { select: { ...attachmentInfoSelect, claimEvidence: { select: { id: true } } }, orderBy: { createdAt: 'asc' } } },
      },
    },
  });
}

export function findAttachmentInfos(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.attachment.findMany({ where: { id: { in: ids } }, select: attachmentInfoSelect, orderBy: { createdAt: 'asc' } });
}

const recipient = { id: true, email: true, name: true, locale: true } as const;

/** The active users of a buyer company, with their language. */
export function findBuyerRecipients(db: Db, companyId: string) {
  return db.user.findMany({ where: { companyId, role: 'BUYER', status: 'ACTIVE' }, select: recipient });
}

/** Active staff of the given roles, with their language (one user left out, e.g. the proposer). */
export function findStaffRecipients(db: Db, roles: readonly Role[], except?: string) {
  return db.user.findMany({ where: { role: { in: [...roles] }, status: 'ACTIVE', ...(except ? { id: { not: except } } : {}) }, select: recipient, orderBy: { createdAt: 'asc' } });
}

export function findUserRecipients(db: Db, ids: (string | null)[]) {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  return db.user.findMany({ where: { id: { in: list }, status: 'ACTIVE' }, select: recipient });
}

export function findUserName(db: Db, id: string | null) {
  return id ? db.user.findUnique({ where: { id }, select: { name: true } }) : Promise.resolve(null);
}

export function findCompanyName(db: Db, id: string) {
  return db.company.findUniqueOrThrow({ where: { id }, select: { name: true } });
}
