import type { Db } from '../../infra/tx.ts';

const userSummarySelect = {
  id: true, email: true, name: true, role: true, isCompanyAdmin: true, status: true, lastLoginAt: true, createdAt: true,
} as const;

export function findCompanyForUsers(db: Db, companyId: string) {
  return db.company.findUnique({ where: { id: companyId }, select: { id: true, name: true, kind: true } });
}

export function listCompanyUsers(db: Db, companyId: string) {
  return db.user.findMany({ where: { companyId }, select: userSummarySelect, orderBy: { createdAt: 'asc' } });
}

export function listPendingInvitations(db: Db, companyId: string, now: Date) {
  return db.invitation.findMany({
    where: { companyId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, expiresAt: true, createdAt: true, invitedBy: { select: { name: true } } },
    orderBy: { createdAt: 'desc' },
  });
}

export function findUserInCompany(db: Db, companyId: string, userId: string) {
  return db.user.findFirst({ where: { id: userId, companyId }, select: userSummarySelect });
}

export function countActiveAdmins(db: Db, companyId: string) {
  return db.user.count({ where: { companyId, isCompanyAdmin: true, status: 'ACTIVE' } });
}

export function updateUser(db: Db, userId: string, data: { status?: 'ACTIVE' | 'DISABLED'; isCompanyAdmin?: boolean; role?: 'CLERK' | 'FINANCE' | 'MANAGER' | 'ADMIN' }) {
  return db.user.update({ where: { id: userId }, data, select: userSummarySelect });
}

export function revokeSessions(db: Db, userId: string, at: Date) {
  return db.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } });
}

export function findUserByEmail(db: Db, email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true, locale: true } });
}

export function revokeOpenInvitations(db: Db, companyId: string, email: string, at: Date) {
  return db.invitation.updateMany({ where: { companyId, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: at } });
}

export function createInvitation(db: Db, data: { companyId: string; email: string; tokenHash: string; invitedById: string; expiresAt: Date }) {
  return db.invitation.create({ data, select: { id: true, email: true, expiresAt: true, createdAt: true, invitedBy: { select: { name: true, locale: true } } } });
}

export function findInvitationByTokenHash(db: Db, tokenHash: string) {
  return db.invitation.findUnique({
    where: { tokenHash },
    select: {
      id: true, email: true, companyId: true, expiresAt: true, acceptedAt: true, revokedAt: true,
      company: { select: { name: true } }, invitedBy: { select: { name: true } },
    },
  });
}

export function findInvitation(db: Db, companyId: string, id: string) {
  return db.invitation.findFirst({ where: { id, companyId }, select: { id: true, email: true, acceptedAt: true, revokedAt: true } });
}

/** Marks an invitation used; false when another request used or revoked it first. */
export async function markInvitationAccepted(db: Db, id: string, at: Date): Promise<boolean> {
  const { count } = await db.invitation.updateMany({ where: { id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: at } });
  return count === 1;
}

export function revokeInvitation(db: Db, id: string, at: Date) {
  return db.invitation.update({ where: { id }, data: { revokedAt: at }, select: { id: true } });
}

export function createBuyerUser(db: Db, data: { companyId: string; email: string; name: string; passwordHash: string; locale: string; emailVerifiedAt: Date }) {
  return db.user.create({ data: { ...data, role: 'BUYER' }, select: { id: true } });
}

export function listStaff(db: Db) {
  return db.user.findMany({ where: { role: { not: 'BUYER' } }, select: userSummarySelect, orderBy: [{ role: 'asc' }, { name: 'asc' }] });
}

export function findStaff(db: Db, userId: string) {
  return db.user.findFirst({ where: { id: userId, role: { not: 'BUYER' } }, select: userSummarySelect });
}

export function createStaffUser(db: Db, data: { companyId: string; email: string; name: string; role: 'CLERK' | 'FINANCE' | 'MANAGER' | 'ADMIN'; passwordHash: string; locale: string; emailVerifiedAt: Date }) {
  return db.user.create({ data, select: userSummarySelect });
}
