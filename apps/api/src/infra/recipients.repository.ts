import type { Role } from '@portal/domain';
import type { Db } from './tx.ts';

/*
 * Who hears of a change: the one place that picks the recipients of notifications and mail.
 * Only active users, each with what a message needs (id, email, name, the language they read).
 */

const recipient = { id: true, email: true, name: true, locale: true } as const;

/** The active users of a buyer company. */
export function findBuyerUsers(db: Db, companyId: string) {
  return db.user.findMany({ where: { companyId, role: 'BUYER', status: 'ACTIVE' }, select: recipient });
}

/** The active company admins of a buyer company. */
export function findCompanyAdmins(db: Db, companyId: string) {
  return db.user.findMany({ where: { companyId, isCompanyAdmin: true, status: 'ACTIVE' }, select: recipient });
}

/** The active users of a company with their admin flag (a review is notified to all, mailed to the admins). */
export function findCompanyContacts(db: Db, companyId: string) {
  return db.user.findMany({ where: { companyId, status: 'ACTIVE' }, select: { ...recipient, isCompanyAdmin: true } });
}

/** Active staff of the given roles, oldest account first. */
export function findStaff(db: Db, roles: readonly Role[]) {
  return db.user.findMany({ where: { role: { in: [...roles] }, status: 'ACTIVE' }, select: recipient, orderBy: { createdAt: 'asc' } });
}

/** The staff who follow an inquiry and its contract: the assigned clerk, or every active clerk when none is assigned. */
export function findHandlers(db: Db, assignedClerkId: string | null) {
  return assignedClerkId ? db.user.findMany({ where: { id: assignedClerkId, status: 'ACTIVE' }, select: recipient }) : findStaff(db, ['CLERK']);
}

/** One user as a recipient (active or not). */
export function findRecipient(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: recipient });
}
