import { randomUUID } from 'node:crypto';
import type { RegisterCompanyBody, SessionUser } from '@portal/schemas';
import { DomainError, rolesFor } from '@portal/domain';
import { assertStrongPassword } from '@portal/domain/password-strength';
import { Prisma, type PrismaClient } from '@portal/db';
import type { Db } from '../../infra/tx.ts';
import type { Clock } from '../../infra/clock.ts';
import { recordAudit } from '../../infra/audit.repository.ts';
import { formatCountry } from '../../infra/messages.ts';
import { mailEach, notifyAndMail } from '../../infra/notify.ts';
import { companyMessages } from '../companies/companies.messages.ts';
import { authMessages } from './auth.messages.ts';
import { findStaff } from '../../infra/recipients.repository.ts';
import { REFRESH_TTL_SECONDS, hashToken, newOpaqueToken } from '../../plugins/auth.ts';
import * as repo from './auth.repository.ts';
import type { SessionChanges } from '../../infra/session-directory.ts';

/** How long a link to confirm an address stays valid. */
const VERIFY_HOURS = 48;

type Passwords = { hash(p: string): Promise<string>; verify(hash: string, p: string): Promise<boolean> };
type Meta = { ip?: string; userAgent?: string; requestId?: string };
/**
 * passwordVersion goes into the access token: a password change makes older tokens void.
 * sessionId too: the access token dies with its session (logout, refresh-token replay).
 */
export type NewSession = { user: SessionUser; refreshToken: string; passwordVersion: number; sessionId: string };


export function toSessionUser(u: repo.UserWithCompany): SessionUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale === 'zh-CN' ? 'zh-CN' : 'en',
    isCompanyAdmin: u.isCompanyAdmin,
    company: u.company,
  };
}

/** Sign-in, sessions, self-service profile and buyer self-registration. */
export function createAuthService(deps: { prisma: PrismaClient; clock: Clock; passwords: Passwords; publicUrl: string; sessions: SessionChanges }) {
  const { prisma, clock, passwords } = deps;
  // Verified against when the email is unknown, so both paths take the same time.
  let decoyHash: Promise<string> | undefined;
  const decoy = () => (decoyHash ??= passwords.hash(newOpaqueToken()));

  /** A refresh token of a session: a new one (sign-in) or the session it rotates in. */
  async function issueRefreshToken(db: Parameters<typeof repo.createRefreshToken>[0], userId: string, meta: Meta, sessionId: string = randomUUID()) {
    const refreshToken = newOpaqueToken();
    await repo.createRefreshToken(db, {
      userId,
      sessionId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(clock.now().getTime() + REFRESH_TTL_SECONDS * 1000),
      userAgent: meta.userAgent?.slice(0, 300),
      ip: meta.ip,
    });
    return { refreshToken, sessionId };
  }

  /** A new link to confirm the address, mailed through the outbox in the same transaction. */
  async function sendConfirmation(tx: Db, to: { userId: string; email: string; name: string; locale: string; companyName: string }) {
    const token = newOpaqueToken();
    const now = clock.now();
    await repo.createEmailVerification(tx, { userId: to.userId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + VERIFY_HOURS * 3600_000) });
    await mailEach(tx, [to], authMessages, {
      kind: 'auth.email.verify', params: { company: to.companyName, hours: VERIFY_HOURS }, link: `/verify-email#${token}`,
    }, { publicUrl: deps.publicUrl, now });
  }

  /** A registration for an address that has an account: its owner hears of it (or, not yet confirmed, gets a new link). */
  async function answerExisting(user: repo.UserWithCompany) {
    const now = clock.now();
    await prisma.$transaction(async (tx) => {
      if (!user.emailVerifiedAt && user.role === 'BUYER') {
        await sendConfirmation(tx, { userId: user.id, email: user.email, name: user.name, locale: user.locale, companyName: user.company.name });
        return;
      }
      await mailEach(tx, [user], authMessages, { kind: 'auth.register.existing', link: '/login' }, { publicUrl: deps.publicUrl, now });
    });
  }

  async function recordLoginIn(tx: Db, userId: string, companyId: string, meta: Meta) {
    await repo.recordLogin(tx, userId, clock.now());
    await recordAudit(tx, { actorId: userId, companyId, action: 'auth.login', entityType: 'User', entityId: userId, ip: meta.ip, requestId: meta.requestId });
  }

  return {
    /** Checks the credentials and opens a session; the same answer for unknown email and wrong password. */
    async login(email: string, password: string, meta: Meta): Promise<NewSession> {
      const user = await repo.findUserByEmail(prisma, email);
      const ok = await passwords.verify(user?.passwordHash ?? (await decoy()), password);
      if (!user || !ok) throw new DomainError('UNAUTHENTICATED', 'the email or password is not correct');
      if (user.status !== 'ACTIVE') throw new DomainError('FORBIDDEN', 'this account is disabled; ask your company admin');
      if (!user.emailVerifiedAt) {
        throw new DomainError('FORBIDDEN', 'confirm your email address first: follow the link we mailed you when you registered (registering again with the same address sends a new one)');
      }
      const { refreshToken, sessionId } = await prisma.$transaction(async (tx) => {
        await repo.recordLogin(tx, user.id, clock.now());
        await recordAudit(tx, { actorId: user.id, companyId: user.company.id, action: 'auth.login', entityType: 'User', entityId: user.id, ip: meta.ip, requestId: meta.requestId });
        return issueRefreshToken(tx, user.id, meta);
      });
      deps.sessions.forgetUser(user.id);
      return { user: toSessionUser(user), refreshToken, passwordVersion: user.passwordChangedAt.getTime(), sessionId };
    },

    /**
     * Rotates a refresh token. Presenting one that was already used means it was stolen or
     * replayed: every session of that user is revoked.
     */
    async refresh(refreshToken: string | undefined, meta: Meta): Promise<NewSession> {
      if (!refreshToken) throw new DomainError('UNAUTHENTICATED', 'no session to refresh');
      const now = clock.now();
      const stored = await repo.findRefreshToken(prisma, hashToken(refreshToken));
      if (!stored || stored.expiresAt <= now || stored.user.status !== 'ACTIVE') {
        throw new DomainError('UNAUTHENTICATED', 'the session has ended; sign in again');
      }
      if (stored.revokedAt) {
        // Already exchanged for its successor: stolen or replayed. Every session of the user ends
        // now, with its access tokens. (A token revoked by a logout just finds its session ended.)
        if (stored.revokedReason === 'ROTATED') {
          await repo.revokeAllRefreshTokens(prisma, stored.userId, now, 'REPLAY');
          deps.sessions.forgetUser(stored.userId);
        }
        throw new DomainError('UNAUTHENTICATED', 'the session has ended; sign in again');
      }
      const next = await prisma.$transaction(async (tx) => {
        if (!(await repo.rotateRefreshToken(tx, stored.id, now))) {
          throw new DomainError('UNAUTHENTICATED', 'the session has ended; sign in again');
        }
        return issueRefreshToken(tx, stored.userId, meta, stored.sessionId);
      });
      const user = (await repo.findUserById(prisma, stored.userId))!;
      return { user: toSessionUser(user), refreshToken: next.refreshToken, passwordVersion: user.passwordChangedAt.getTime(), sessionId: next.sessionId };
    },

    /** Ends the session of the refresh cookie, or else of the access token, and with it its access tokens. */
    async logout(refreshToken: string | undefined, actor: { userId: string; sessionId?: string } | null, meta: Meta): Promise<void> {
      const stored = refreshToken ? await repo.findRefreshToken(prisma, hashToken(refreshToken)) : null;
      const session = stored ? { userId: stored.userId, sessionId: stored.sessionId } : actor?.sessionId ? { userId: actor.userId, sessionId: actor.sessionId } : null;
      if (!session) return;
      await prisma.$transaction(async (tx) => {
        await repo.revokeSession(tx, session.userId, session.sessionId, clock.now());
        await recordAudit(tx, { actorId: actor?.userId ?? session.userId, action: 'auth.logout', entityType: 'User', entityId: session.userId, ip: meta.ip, requestId: meta.requestId });
      });
      deps.sessions.forgetUser(session.userId);
    },

    async me(userId: string): Promise<SessionUser> {
      const user = await repo.findUserById(prisma, userId);
      if (!user) throw new DomainError('UNAUTHENTICATED', 'sign in to continue');
      return toSessionUser(user);
    },

    async updateProfile(userId: string, data: { name?: string; locale?: string }, meta: Meta): Promise<SessionUser> {
      await prisma.$transaction(async (tx) => {
        await repo.updateProfile(tx, userId, data);
        await recordAudit(tx, { actorId: userId, action: 'user.profile.update', entityType: 'User', entityId: userId, changes: data, requestId: meta.requestId });
      });
      // The session state carries the language the API answers in; other processes re-read it within a minute.
      if (data.locale !== undefined) deps.sessions.forgetUser(userId);
      return this.me(userId);
    },

    /** Changes the password and ends every other session; returns a fresh session for this device. */
    async changePassword(userId: string, currentPassword: string, newPassword: string, meta: Meta): Promise<NewSession> {
      const user = await repo.findUserById(prisma, userId);
      if (!user) throw new DomainError('UNAUTHENTICATED', 'sign in to continue');
      if (!(await passwords.verify(user.passwordHash, currentPassword))) {
        throw new DomainError('VALIDATION', 'the current password is not correct', [{ field: 'body.currentPassword', message: 'is not correct' }]);
      }
      if (newPassword.toLowerCase().includes(user.email.split('@')[0]!.toLowerCase())) {
        throw new DomainError('VALIDATION', 'the new password must not contain your email address', [{ field: 'body.newPassword', message: 'must not contain your email address' }]);
      }
      assertStrongPassword(newPassword, { email: user.email, name: user.name }, 'body.newPassword');
      const passwordHash = await passwords.hash(newPassword);
      const now = clock.now();
      const next = await prisma.$transaction(async (tx) => {
        await repo.updatePassword(tx, userId, passwordHash, now);
        await repo.revokeAllRefreshTokens(tx, userId, now, 'PASSWORD_CHANGED');
        await recordAudit(tx, { actorId: userId, companyId: user.company.id, action: 'user.password.change', entityType: 'User', entityId: userId, ip: meta.ip, requestId: meta.requestId });
        await mailEach(tx, [user], authMessages, { kind: 'user.password.changed' }, { publicUrl: deps.publicUrl, now });
        return issueRefreshToken(tx, userId, meta);
      });
      deps.sessions.forgetUser(userId);
      return { user: toSessionUser(user), refreshToken: next.refreshToken, passwordVersion: now.getTime(), sessionId: next.sessionId };
    },

    /**
     * An overseas buyer registers their company and first user. The answer is the same whether or
     * not the address already has an account, so it tells nobody who is registered: a new address
     * gets its company (PENDING), its user (not yet confirmed) and a link to confirm the address;
     * an address with an account gets a mail to its owner instead; one registered but never
     * confirmed gets a new link for that first registration.
     */
    async registerCompany(body: RegisterCompanyBody & { user: { locale: string }; company: { defaultCurrency: string } }, meta: Meta): Promise<{ email: string }> {
      assertStrongPassword(body.user.password, { email: body.user.email, name: body.user.name }, 'body.user.password');
      // Hashed on every path, so that the answer takes about as long whichever path was taken.
      const passwordHash = await passwords.hash(body.user.password);
      const email = body.user.email;
      const existing = await repo.findUserByEmail(prisma, email);
      if (existing) {
        await answerExisting(existing);
        return { email };
      }
      try {
        await prisma.$transaction(async (tx) => {
          const company = await repo.createBuyerCompanyWithAdmin(tx, body.company, { name: body.user.name, email, passwordHash, locale: body.user.locale });
          const userId = company.users[0]!.id;
          await recordAudit(tx, {
            actorId: userId, companyId: company.id, action: 'company.register', entityType: 'Company', entityId: company.id,
            changes: { company: body.company, user: { name: body.user.name, email } }, ip: meta.ip, requestId: meta.requestId,
          });
          await sendConfirmation(tx, { userId, email, name: body.user.name, locale: body.user.locale, companyName: body.company.name });
        });
      } catch (err) {
        // A registration for the same address won the race: answer as for an existing account.
        if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
        const winner = await repo.findUserByEmail(prisma, email);
        if (winner) await answerExisting(winner);
      }
      return { email };
    },

    /**
     * The buyer follows the link mailed at registration: the address is confirmed, the buyer is
     * signed in, and only now do the reviewers hear of the new company.
     */
    async verifyEmail(token: string, meta: Meta): Promise<NewSession> {
      const link = await repo.findEmailVerification(prisma, hashToken(token));
      if (!link) throw new DomainError('NOT_FOUND', 'this link is not known; register again with the same address to get a new one');
      if (link.usedAt || link.user.emailVerifiedAt) throw new DomainError('CONFLICT', 'this address is already confirmed; sign in');
      const now = clock.now();
      if (link.expiresAt <= now) throw new DomainError('CONFLICT', 'this link has expired; register again with the same address to get a new one');
      if (link.user.status !== 'ACTIVE') throw new DomainError('FORBIDDEN', 'this account is disabled');
      const user = (await repo.findUserById(prisma, link.userId))!;
      const company = user.company;
      const { refreshToken, sessionId } = await prisma.$transaction(async (tx) => {
        if (!(await repo.confirmEmail(tx, link.id, user.id, now))) throw new DomainError('CONFLICT', 'this address is already confirmed; sign in');
        await recordAudit(tx, { actorId: user.id, companyId: company.id, action: 'user.email.verify', entityType: 'User', entityId: user.id, ip: meta.ip, requestId: meta.requestId });
        const ctx = { publicUrl: deps.publicUrl, now };
        await mailEach(tx, [user], companyMessages, { kind: 'company.registered', params: { company: company.name }, link: '' }, ctx);
        // The staff who may review new buyer companies.
        await notifyAndMail(tx, await findStaff(tx, rolesFor('companies.review')), companyMessages, {
          kind: 'company.registered.review', as: 'company.registered', topic: 'company.registered.review',
          params: { company: company.name, country: (lang) => formatCountry(company.country, lang), contact: user.name, email: user.email },
          link: `/staff/companies/${company.id}`,
        }, ctx);
        await recordLoginIn(tx, user.id, company.id, meta);
        return issueRefreshToken(tx, user.id, meta);
      });
      deps.sessions.forgetUser(user.id);
      return { user: toSessionUser(user), refreshToken, passwordVersion: user.passwordChangedAt.getTime(), sessionId };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
