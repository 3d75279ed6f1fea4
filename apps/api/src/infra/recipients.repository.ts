import type { Db } from './tx.ts';

/** Who hears of a change to a trade document: the buyer company's users, or the staff who follow it. */

/** The active users of the buyer company. */
export function findBuyerUsers(db: Db, companyId: string) {
  return db.user.findMany({ where: { companyId, role: 'BUYER', status: 'ACTIVE' }, select: { id: true, email: true, name: true } });
}

/** The staff who follow an inquiry and its contract: the assigned clerk, or every active clerk when none is assigned. */
export function findHandlers(db: Db, assignedClerkId: string | null) {
  return db.user.findMany({
    where: assignedClerkId ? { id: assignedClerkId, status: 'ACTIVE' } : { role: 'CLERK', status: 'ACTIVE' },
    select: { id: true, email: true, name: true },
  });
}
