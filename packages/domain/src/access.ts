import type { CompanyStatus } from './companies.ts';
import { DomainError } from './errors.ts';

export const roles = ['BUYER', 'CLERK', 'FINANCE', 'MANAGER', 'ADMIN'] as const;
export type Role = (typeof roles)[number];
export const staffRoles = ['CLERK', 'FINANCE', 'MANAGER', 'ADMIN'] as const satisfies readonly Role[];
/** A disabled user cannot sign in; their sessions end. */
export const userStatuses = ['ACTIVE', 'DISABLED'] as const;
export type UserStatus = (typeof userStatuses)[number];

/** The caller as the API knows it after authentication. */
export type Actor = {
  userId: string;
  role: Role;
  companyId: string;
  isCompanyAdmin: boolean;
  /** The company's review status, read with the session (buyers see prices only when APPROVED). */
  companyStatus?: CompanyStatus;
  /** The session the request's access token belongs to. */
  sessionId?: string;
  /** The language the user reads ('en', 'zh-CN'), as stored: what the API answers and prints in for them. */
  locale?: string;
};

// The role groups, named once.
const everyone = roles;
const staff = staffRoles;
/** Clerks and their managers and admins: they work inquiries, quotes, the catalog and contracts. */
const tradeDesk = ['CLERK', 'MANAGER', 'ADMIN'] as const satisfies readonly Role[];
const managers = ['MANAGER', 'ADMIN'] as const satisfies readonly Role[];
const buyers = ['BUYER'] as const satisfies readonly Role[];
/** Company admins (a rule checks the admin flag and the company) and the portal's admins. */
const companyAdmins = ['BUYER', 'ADMIN'] as const satisfies readonly Role[];
const admins = ['ADMIN'] as const satisfies readonly Role[];
/** The staff who answer the service centre's tickets (the ticket workflow's staff roles). */
const serviceStaff = ['CLERK', 'MANAGER', 'FINANCE'] as const satisfies readonly Role[];

/**
 * Who may do what, by role: the one table that every API route's `config.access` and the SPA's
 * navigation read. Which records a role may reach (a buyer's own company only) and rules on the
 * record's state are checked by the services, after this.
 */
const accessTable = {
  'companies.list': staff,
  'companies.read': everyone,
  'companies.update': companyAdmins,
  'companies.review': managers,
  'companyUsers.read': everyone,
  'companyUsers.manage': companyAdmins,
  'staff.manage': admins,
  'catalog.staffRead': staff,
  'catalog.edit': tradeDesk,
  'catalog.supplierEdit': managers,
  'catalog.rebuildIndex': admins,
  'catalog.indicativePrice': everyone,
  'costing.calculate': staff,
  'costSheets.read': staff,
  'costSheets.save': tradeDesk,
  'attachments.upload': everyone,
  'attachments.read': everyone,
  'inquiries.create': buyers,
  'inquiryList.manage': buyers,
  'inquiries.read': everyone,
  'inquiries.withdraw': buyers,
  'inquiries.assign': tradeDesk,
  'quotes.read': everyone,
  'quotes.edit': tradeDesk,
  'quotes.approve': managers,
  'negotiation.read': everyone,
  'negotiation.post': ['BUYER', 'CLERK', 'MANAGER', 'ADMIN'],
  /** The buyer's answers to a sent revision: accept, decline, counter, ask for changes. */
  'negotiation.answer': buyers,
  'salesContracts.read': everyone,
  'salesContracts.confirm': buyers,
  'salesContracts.amend': tradeDesk,
  'lettersOfCredit.record': buyers,
  'lettersOfCredit.review': ['CLERK', 'MANAGER'],
  /** The service centre: buyers open tickets and rate resolutions; the service staff work them (admins read). */
  'tickets.open': buyers,
  'tickets.read': everyone,
  'tickets.post': ['BUYER', 'CLERK', 'MANAGER', 'FINANCE'],
  'tickets.work': serviceStaff,
  'tickets.rate': buyers,
  /** Claims: buyers file (staff only from a complaint) and answer offers; handlers, managers and finance take their steps (the workflow says which). */
  'claims.read': everyone,
  'claims.file': ['BUYER', 'CLERK', 'MANAGER'],
  'claims.act': ['BUYER', 'CLERK', 'MANAGER', 'FINANCE'],
  'claims.work': serviceStaff,
  /** Claims' money per customer: settlements to pay, payouts, open credit notes. */
  'claims.finance': ['FINANCE', 'MANAGER', 'ADMIN'],
  /** Finance sets the amount above which a settlement needs a manager's approval. */
  'claims.settings': ['FINANCE', 'ADMIN'],
  /** Finance uses an open credit note against a later contract. */
  'claims.creditNotes': ['FINANCE', 'ADMIN'],
  /** The payment page: a buyer's own company's items; staff any company's. */
  'payments.read': everyone,
  /** Receipts, allocations, reversals, write-offs, statement imports, dunning and finance settings. */
  'payments.manage': ['FINANCE', 'ADMIN'],
  /** Receivables, ageing and customers' collections, read. */
  'payments.receivables': ['FINANCE', 'MANAGER', 'ADMIN'],
  /** Credit exposure, shown to the clerk quoting and the manager approving. */
  'payments.exposure': staff,
  'payments.creditLimit': ['FINANCE', 'MANAGER', 'ADMIN'],
  /** The order tracker: a contract's shipments, milestones, containers and documents (buyers: their own company's). */
  'shipments.read': everyone,
  /** Recording execution: shipments, milestones, containers, uploaded documents. */
  'shipments.record': tradeDesk,
  /** Who downloaded which shipping document. */
  'shipments.downloads': staff,
  'qualityCertificates.read': everyone,
  'qualityCertificates.manage': tradeDesk,
  'reference.exchangeRates': staff,
  'settings.read': staff,
  'settings.update': managers,
  'outbox.manage': admins,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof accessTable;
export const actions = Object.keys(accessTable) as Action[];

/** The roles that may do an action. */
export function rolesFor(action: Action): readonly Role[] {
  return accessTable[action];
}

/** Whether a user (or anyone with this role) may do an action. */
export function can(who: Pick<Actor, 'role'> | Role, action: Action): boolean {
  const role = typeof who === 'string' ? who : who.role;
  return (accessTable[action] as readonly Role[]).includes(role);
}

/** Refuses (FORBIDDEN) an action the caller's role may not do. */
export function assertCan(actor: Pick<Actor, 'role'>, action: Action): void {
  if (!can(actor, action)) throw new DomainError('FORBIDDEN', `this needs one of the roles: ${rolesFor(action).join(', ').toLowerCase()}`);
}

/** Staff work for the exporter; buyers belong to a buyer company. */
export function isStaff(role: Role): boolean {
  return role !== 'BUYER';
}

/**
 * The company whose records a caller may see: a buyer sees only their own company's; staff see all
 * (undefined = no restriction). Repositories add it to every query that a buyer can reach.
 */
export function companyScope(actor: Actor): string | undefined {
  return actor.role === 'BUYER' ? actor.companyId : undefined;
}

/**
 * A buyer may reach a record only if it belongs to their company. Another company's record is
 * reported as not found, so its existence is not disclosed.
 */
export function assertVisibleTo(actor: Actor, ownerCompanyId: string, what: string): void {
  if (actor.role === 'BUYER' && actor.companyId !== ownerCompanyId) {
    throw new DomainError('NOT_FOUND', `${what} not found`);
  }
}

/** Managing the users of a buyer company: its company admins, and the exporter's admins. */
export function assertCanManageCompanyUsers(actor: Actor, companyId: string): void {
  if (actor.role === 'ADMIN') return;
  if (actor.role === 'BUYER' && actor.companyId === companyId && actor.isCompanyAdmin) return;
  if (actor.role === 'BUYER' && actor.companyId !== companyId) throw new DomainError('NOT_FOUND', 'company not found');
  throw new DomainError('FORBIDDEN', 'only a company admin may manage its users');
}

/** Staff and buyers of an approved company see prices; visitors and buyers awaiting approval do not. */
export function canSeePrices(actor: { role: Role; companyStatus?: CompanyStatus | undefined } | null): boolean {
  if (!actor) return false;
  return isStaff(actor.role) || actor.companyStatus === 'APPROVED';
}

