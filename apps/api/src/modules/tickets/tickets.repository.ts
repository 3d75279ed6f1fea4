import type { Prisma } from '@portal/db';
import type { Role, TicketStatus } from '@portal/domain';
import { attachmentInfoSelect } from '../attachments/attachments.repository.ts';
import type { Db } from '../../infra/tx.ts';

const summarySelect = {
  id: true, number: true, kind: true, subject: true, status: true, team: true, subjectType: true, subjectId: true, contractId: true,
  buyerCompanyId: true, createdAt: true, updatedAt: true, resolvedAt: true, closedAt: true, respondedAt: true, rating: true, ratingComment: true, ratedAt: true,
  responseTimer: true, resolutionTimer: true, assigneeId: true,
  buyerCompany: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
} as const satisfies Prisma.TicketSelect;

const ticketSelect = {
  ...summarySelect,
  messages: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, body: true, internal: true, createdAt: true, author: { select: { name: true, role: true } }, attachments: { select: attachmentInfoSelect, orderBy: { createdAt: 'asc' } } },
  },
} as const satisfies Prisma.TicketSelect;

export type TicketSummaryRow = Prisma.TicketGetPayload<{ select: typeof summarySelect }>;
export type TicketRow = Prisma.TicketGetPayload<{ select: typeof ticketSelect }>;

export function findTicket(db: Db, id: string) {
  return db.ticket.findUnique({ where: { id }, select: ticketSelect });
}

/** Tickets newest first, within a buyer company when given. */
export function listTickets(db: Db, filter: { buyerCompanyId?: string | undefined; status?: TicketStatus | undefined; kind?: TicketRow['kind'] | undefined; team?: string | undefined }) {
  return db.ticket.findMany({
    where: {
      ...(filter.buyerCompanyId ? { buyerCompanyId: filter.buyerCompanyId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.team ? { team: filter.team } : {}),
    },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: summarySelect,
  });
}

/** The tickets staff still work on (open, assigned, waiting for the customer), of one team or all. */
export function listActiveTickets(db: Db, team?: string) {
  return db.ticket.findMany({
    where: { status: { in: ['OPEN', 'ASSIGNED', 'WAITING_FOR_CUSTOMER'] }, ...(team ? { team } : {}) },
    orderBy: { createdAt: 'asc' },
    take: 500,
    select: summarySelect,
  });
}

/** A buyer company's tickets that wait for them: a question to answer, a resolution to rate. */
export function listTicketsAwaitingBuyer(db: Db, buyerCompanyId: string) {
  return db.ticket.findMany({
    where: { buyerCompanyId, OR: [{ status: 'WAITING_FOR_CUSTOMER' }, { status: 'RESOLVED', ratedAt: null }] },
    orderBy: { updatedAt: 'asc' },
    take: 50,
    select: summarySelect,
  });
}

export function createTicket(db: Db, data: Prisma.TicketUncheckedCreateInput) {
  return db.ticket.create({ data, select: { id: true } });
}

/**
 * Writes a step's outcome, only if the ticket is still in the status it was read in (false when
 * another request moved it meanwhile).
 */
export async function updateTicketIf(db: Db, id: string, status: TicketStatus, data: Prisma.TicketUncheckedUpdateInput): Promise<boolean> {
  const { count } = await db.ticket.updateMany({ where: { id, status }, data });
  return count === 1;
}

export function createMessage(db: Db, data: { ticketId: string; authorId: string; body: string; internal: boolean; createdAt: Date }) {
  return db.ticketMessage.create({ data, select: { id: true } });
}

/** A product a buyer may name: one the catalog shows. */
export function findVisibleProduct(db: Db, id: string) {
  return db.product.findFirst({ where: { id, status: 'ACTIVE' }, select: { id: true, sku: true, nameEn: true } });
}

export function findContractOwner(db: Db, id: string) {
  return db.salesContract.findUnique({ where: { id }, select: { id: true, number: true, buyerCompanyId: true } });
}

/** Labels of the records tickets name: product SKU and name, contract number. */
export async function findSubjectLabels(db: Db, refs: { type: string; id: string }[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))];
  const [products, contracts] = await Promise.all([
    ids('PRODUCT').length ? db.product.findMany({ where: { id: { in: ids('PRODUCT') } }, select: { id: true, sku: true, nameEn: true } }) : [],
    ids('CONTRACT').length ? db.salesContract.findMany({ where: { id: { in: ids('CONTRACT') } }, select: { id: true, number: true } }) : [],
  ]);
  return new Map<string, string>([...products.map((p) => [`PRODUCT:${p.id}`, `${p.sku} ${p.nameEn}`] as const), ...contracts.map((c) => [`CONTRACT:${c.id}`, c.number] as const)]);
}

const recipient = { id: true, email: true, name: true, locale: true } as const;

/** The active users of a buyer company, with their language. */
export function findBuyerRecipients(db: Db, companyId: string) {
  return db.user.findMany({ where: { companyId, role: 'BUYER', status: 'ACTIVE' }, select: recipient });
}

/** Active staff of the given roles, with their language. */
export function findStaffRecipients(db: Db, roles: readonly Role[]) {
  return db.user.findMany({ where: { role: { in: [...roles] }, status: 'ACTIVE' }, select: recipient, orderBy: { createdAt: 'asc' } });
}

export function findUserRecipient(db: Db, id: string) {
  return db.user.findMany({ where: { id, status: 'ACTIVE' }, select: recipient });
}

/** A member of staff as a possible assignee. */
export function findStaffUser(db: Db, id: string) {
  return db.user.findUnique({ where: { id }, select: { id: true, name: true, role: true, status: true } });
}

/** Staff who may be assigned tickets. */
export function listAssignableStaff(db: Db, roles: readonly Role[]) {
  return db.user.findMany({ where: { role: { in: [...roles] }, status: 'ACTIVE' }, select: { id: true, name: true, role: true }, orderBy: { name: 'asc' } });
}
