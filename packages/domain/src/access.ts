import { DomainError } from './errors.ts';

export const roles = ['BUYER', 'CLERK', 'FINANCE', 'MANAGER', 'ADMIN'] as const;
export type Role = (typeof roles)[number];
export const staffRoles = ['CLERK', 'FINANCE', 'MANAGER', 'ADMIN'] as const satisfies readonly Role[];

/** The caller as the API knows it after authentication. */
export type Actor = {
  userId: string;
  role: Role;
  companyId: string;
  isCompanyAdmin: boolean;
  /** The company's review status, read with the session (buyers see prices only when APPROVED). */
  companyStatus?: 'PENDING' | 'APPROVED' | 'REJECTED' | 'SUSPENDED';
  /** The session the request's access token belongs to. */
  sessionId?: string;
};

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
