import { randomUUID } from 'node:crypto';
import type { RegisterCompanyBody, SessionUser } from '@portal/schemas';
import { DomainError } from '@portal/domain';
import { assertStrongPassword } from '@portal/domain/password-strength';
import type { PrismaClient } from '@portal/db';
import { renderMail } from '@portal/mail';
import type { Clock } from '../../infra/clock.ts';
import { recordAudit } from '../../infra/audit.repository.ts';
import { enqueueMail, notifyUsers } from '../../infra/outbox.repository.ts';
import { REFRESH_TTL_SECONDS, hashToken, newOpaqueToken } from '../../plugins/auth.ts';
import * as repo from './auth.repository.ts';
import type { SessionChanges } from '../../infra/session-directory.ts';

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

  return {
    /** Checks the credentials and opens a session; the same answer for unknown email and wrong password. */
    async login(email: string, password: string, meta: Meta): Promise<NewSession> {
      const user = await repo.findUserByEmail(prisma, email);
      const ok = await passwords.verify(user?.passwordHash ?? (await decoy()), password);
      if (!user || !ok) throw new DomainError('UNAUTHENTICATED', 'the email or password is not correct');
      if (user.status !== 'ACTIVE') throw new DomainError('FORBIDDEN', 'this account is disabled; ask your company admin');
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
        await enqueueMail(tx, 'user.password.changed', renderMail({
          to: user.email,
          subject: 'Your portal password was changed',
          greeting: `Dear ${user.name},`,
          paragraphs: ['The password of your portal account was just changed and all other sessions were signed out.', 'If this was not you, contact us at once.'],
        }), now);
        return issueRefreshToken(tx, userId, meta);
      });
      deps.sessions.forgetUser(userId);
      return { user: toSessionUser(user), refreshToken: next.refreshToken, passwordVersion: now.getTime(), sessionId: next.sessionId };
    },

    /**
     * An overseas buyer registers their company and first user. The company waits for a manager's
     * approval; the user is signed in at once to follow its status.
     */
    async registerCompany(body: RegisterCompanyBody & { user: { locale: string }; company: { defaultCurrency: string } }, meta: Meta) {
      assertStrongPassword(body.user.password, { email: body.user.email, name: body.user.name }, 'body.user.password');
      if (await repo.emailTaken(prisma, body.user.email)) {
        throw new DomainError('ALREADY_EXISTS', 'an account with this email already exists; sign in instead', [{ field: 'body.user.email', message: 'is already registered' }]);
      }
      const passwordHash = await passwords.hash(body.user.password);
      const result = await prisma.$transaction(async (tx) => {
        const company = await repo.createBuyerCompanyWithAdmin(tx, body.company, {
          name: body.user.name,
          email: body.user.email,
          passwordHash,
          locale: body.user.locale,
        });
        const userId = company.users[0]!.id;
        await recordAudit(tx, {
          actorId: userId, companyId: company.id, action: 'company.register', entityType: 'Company', entityId: company.id,
          changes: { company: body.company, user: { name: body.user.name, email: body.user.email } }, ip: meta.ip, requestId: meta.requestId,
        });
        await enqueueMail(tx, 'company.registered', renderMail({
          to: body.user.email,
          subject: `We received the registration of ${body.company.name}`,
          greeting: `Dear ${body.user.name},`,
          paragraphs: [
            `Thank you for registering ${body.company.name} on our buyer portal.`,
            'Our sales manager reviews new companies within one business day. You can already sign in and browse; you will be able to send inquiries as soon as the company is approved, and we will email you then.',
          ],
          action: { label: 'Open the portal', url: deps.publicUrl },
        }), clock.now());
        const reviewers = await repo.findReviewers(tx);
        await notifyUsers(tx, reviewers.map((r) => r.id), {
          kind: 'company.registered',
          title: `New buyer company: ${body.company.name}`,
          body: `${body.company.name} (${body.company.country}) registered and awaits approval.`,
          link: `/staff/companies/${company.id}`,
        });
        for (const r of reviewers) {
          await enqueueMail(tx, 'company.registered.review', renderMail({
            to: r.email,
            subject: `New buyer company awaits approval: ${body.company.name}`,
            greeting: `Dear ${r.name},`,
            paragraphs: [`${body.company.name} from ${body.company.country} registered on the portal (contact: ${body.user.name}, ${body.user.email}).`],
            action: { label: 'Review the company', url: `${deps.publicUrl}/staff/companies/${company.id}` },
          }), clock.now());
        }
        const { refreshToken, sessionId } = await issueRefreshToken(tx, userId, meta);
        return { companyId: company.id, status: company.status, userId, refreshToken, sessionId };
      });
      const user = (await repo.findUserById(prisma, result.userId))!;
      return { ...result, user: toSessionUser(user), passwordVersion: user.passwordChangedAt.getTime() };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
