import type { Db } from '../../infra/tx.ts';

const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  isCompanyAdmin: true,
  status: true,
  passwordHash: true,
  passwordChangedAt: true,
  emailVerifiedAt: true,
  company: { select: { id: true, name: true, kind: true, status: true, country: true, defaultCurrency: true } },
} as const;

export function findUserByEmail(db: Db, email: string) {
  return db.user.findUnique({ where: { email }, select: sessionUserSelect });
}

export function findUserById(db: Db, id: string) {
  return db.user.findUnique({ where: { id }, select: sessionUserSelect });
}

export type UserWithCompany = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

export function recordLogin(db: Db, userId: string, at: Date) {
  return db.user.update({ where: { id: userId }, data: { lastLoginAt: at }, select: { id: true } });
}

export function createRefreshToken(db: Db, data: { userId: string; sessionId: string; tokenHash: string; expiresAt: Date; userAgent?: string; ip?: string }) {
  return db.refreshToken.create({ data, select: { id: true } });
}

export function findRefreshToken(db: Db, tokenHash: string) {
  return db.refreshToken.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, sessionId: true, expiresAt: true, revokedAt: true, revokedReason: true, user: { select: { status: true } } },
  });
}

/** Revokes one refresh token as exchanged for its successor; returns whether this call was the one that revoked it. */
export async function rotateRefreshToken(db: Db, id: string, at: Date): Promise<boolean> {
  const { count } = await db.refreshToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at, revokedReason: 'ROTATED' } });
  return count === 1;
}

/** Ends a session: revokes every refresh token of it (of this user: a session id names one user's tokens). */
export function revokeSession(db: Db, userId: string, sessionId: string, at: Date) {
  return db.refreshToken.updateMany({ where: { userId, sessionId, revokedAt: null }, data: { revokedAt: at, revokedReason: 'LOGOUT' } });
}

export function revokeAllRefreshTokens(db: Db, userId: string, at: Date, reason: 'PASSWORD_CHANGED' | 'REPLAY') {
  return db.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at, revokedReason: reason } });
}

export function updatePassword(db: Db, userId: string, passwordHash: string, at: Date) {
  return db.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: at }, select: { id: true } });
}

export function updateProfile(db: Db, userId: string, data: { name?: string; locale?: string }) {
  return db.user.update({ where: { id: userId }, data, select: { id: true } });
}

export function createBuyerCompanyWithAdmin(
  db: Db,
  company: {
    name: string; country: string; addressLine1: string; addressLine2?: string; city: string; postalCode?: string;
    taxId?: string; website?: string; phone?: string; defaultCurrency: string;
  },
  user: { name: string; email: string; passwordHash: string; locale: string },
) {
  return db.company.create({
    data: { ...company, kind: 'BUYER', status: 'PENDING', users: { create: { ...user, role: 'BUYER', isCompanyAdmin: true } } },
    select: { id: true, status: true, users: { select: { id: true } } },
  });
}

export function emailTaken(db: Db, email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true } }).then(Boolean);
}

export function createEmailVerification(db: Db, data: { userId: string; tokenHash: string; expiresAt: Date }) {
  return db.emailVerification.create({ data, select: { id: true } });
}

export function findEmailVerification(db: Db, tokenHash: string) {
  return db.emailVerification.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, expiresAt: true, usedAt: true, user: { select: { emailVerifiedAt: true, status: true } } },
  });
}

/** Uses a confirmation link and marks the address confirmed; false when the link was used meanwhile. */
export async function confirmEmail(db: Db, verificationId: string, userId: string, at: Date): Promise<boolean> {
  const { count } = await db.emailVerification.updateMany({ where: { id: verificationId, usedAt: null }, data: { usedAt: at } });
  if (count !== 1) return false;
  await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: at }, select: { id: true } });
  return true;
}
