import { randomUUID } from 'node:crypto';
import type { AcceptInvitationBody, InvitationPreview, PendingInvitation, SessionUser } from '@portal/schemas';
import { DomainError, assertCanManageCompanyUsers, type Actor } from '@portal/domain';
import { assertStrongPassword } from '@portal/domain/password-strength';
import type { PrismaClient } from '@portal/db';
import type { Clock } from '../../infra/clock.ts';
import { recordAudit } from '../../infra/audit.repository.ts';
import { mailEach, notify } from '../../infra/notify.ts';
import { userMessages } from './users.messages.ts';
import { findCompanyAdmins } from '../../infra/recipients.repository.ts';
import { REFRESH_TTL_SECONDS, hashToken, newOpaqueToken } from '../../plugins/auth.ts';
import * as authRepo from '../auth/auth.repository.ts';
import { toSessionUser } from '../auth/auth.service.ts';
import * as repo from './users.repository.ts';
import { toPendingInvitation } from './users.mappers.ts';

type Meta = { ip?: string; userAgent?: string; requestId?: string };
const INVITATION_DAYS = 7;

/** Buyer company admins invite colleagues by email; the colleague sets a name and password. */
export function createInvitationService(deps: { prisma: PrismaClient; clock: Clock; passwords: { hash(p: string): Promise<string> }; publicUrl: string }) {
  const { prisma, clock } = deps;

  async function findUsable(token: string) {
    const invitation = await repo.findInvitationByTokenHash(prisma, hashToken(token));
    if (!invitation || invitation.revokedAt) throw new DomainError('NOT_FOUND', 'this invitation does not exist or was withdrawn');
    if (invitation.acceptedAt) throw new DomainError('CONFLICT', 'this invitation was already accepted; sign in instead');
    if (invitation.expiresAt <= clock.now()) throw new DomainError('CONFLICT', 'this invitation has expired; ask for a new one');
    return invitation;
  }

  return {
    async invite(actor: Actor, companyId: string, email: string, meta: Meta): Promise<PendingInvitation> {
      assertCanManageCompanyUsers(actor, companyId);
      const company = await repo.findCompanyForUsers(prisma, companyId);
      if (!company || company.kind !== 'BUYER') throw new DomainError('NOT_FOUND', 'company not found');
      // The answer must not tell who has an account: an address that has one gets an invitation
      // like any other, whose link is never sent (no second account can come of it); its owner
      // gets a note instead.
      const owner = await repo.findUserByEmail(prisma, email);
      const token = newOpaqueToken();
      const now = clock.now();
      return prisma.$transaction(async (tx) => {
        // A new invitation replaces an open one to the same address.
        await repo.revokeOpenInvitations(tx, companyId, email, now);
        const invitation = await repo.createInvitation(tx, {
          companyId, email, tokenHash: hashToken(token), invitedById: actor.userId,
          expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
        });
        await recordAudit(tx, { actorId: actor.userId, companyId, action: 'company.user.invite', entityType: 'Invitation', entityId: invitation.id, changes: { email }, requestId: meta.requestId });
        if (owner) {
          await mailEach(tx, [{ email, locale: owner.locale }], userMessages, {
            kind: 'company.user.invite.existing', params: { inviter: invitation.invitedBy.name, company: company.name }, link: '/login',
          }, { publicUrl: deps.publicUrl, now });
          return toPendingInvitation(invitation);
        }
        // A new colleague most likely reads what the one who invites them reads.
        await mailEach(tx, [{ email, locale: invitation.invitedBy.locale }], userMessages, {
          kind: 'company.user.invited', params: { inviter: invitation.invitedBy.name, company: company.name, days: INVITATION_DAYS }, link: `/invite/${token}`,
        }, { publicUrl: deps.publicUrl, now });
        return toPendingInvitation(invitation);
      });
    },

    async revoke(actor: Actor, companyId: string, invitationId: string, meta: Meta): Promise<void> {
      assertCanManageCompanyUsers(actor, companyId);
      const invitation = await repo.findInvitation(prisma, companyId, invitationId);
      if (!invitation) throw new DomainError('NOT_FOUND', 'invitation not found');
      if (invitation.acceptedAt) throw new DomainError('CONFLICT', 'this invitation was already accepted');
      if (invitation.revokedAt) return;
      await prisma.$transaction(async (tx) => {
        await repo.revokeInvitation(tx, invitationId, clock.now());
        await recordAudit(tx, { actorId: actor.userId, companyId, action: 'company.user.invite.revoke', entityType: 'Invitation', entityId: invitationId, requestId: meta.requestId });
      });
    },

    async preview(token: string): Promise<InvitationPreview> {
      const i = await findUsable(token);
      return { email: i.email, companyName: i.company.name, invitedBy: i.invitedBy.name, expiresAt: i.expiresAt.toISOString() };
    },

    /** Creates the colleague's account exactly once, even when the link is submitted twice. */
    async accept(body: AcceptInvitationBody & { locale: string }, meta: Meta): Promise<{ user: SessionUser; refreshToken: string; passwordVersion: number; sessionId: string }> {
      const invitation = await findUsable(body.token);
      assertStrongPassword(body.password, { email: invitation.email, name: body.name }, 'body.password');
      if (await repo.findUserByEmail(prisma, invitation.email)) throw new DomainError('CONFLICT', 'an account with this email already exists; sign in instead');
      const passwordHash = await deps.passwords.hash(body.password);
      const now = clock.now();
      const sessionId = randomUUID();
      const { userId, refreshToken } = await prisma.$transaction(async (tx) => {
        if (!(await repo.markInvitationAccepted(tx, invitation.id, now))) {
          throw new DomainError('CONFLICT', 'this invitation was already accepted; sign in instead');
        }
        // The invitation came by mail to this address: accepting it confirms the address.
        const user = await repo.createBuyerUser(tx, { companyId: invitation.companyId, email: invitation.email, name: body.name, passwordHash, locale: body.locale, emailVerifiedAt: now });
        await recordAudit(tx, { actorId: user.id, companyId: invitation.companyId, action: 'company.user.join', entityType: 'User', entityId: user.id, changes: { invitationId: invitation.id }, ip: meta.ip, requestId: meta.requestId });
        await notify(tx, await findCompanyAdmins(tx, invitation.companyId), userMessages, {
          kind: 'company.user.joined', params: { name: body.name, company: invitation.company.name, email: invitation.email }, link: '/portal/company',
        });
        const refreshToken = newOpaqueToken();
        await authRepo.createRefreshToken(tx, { userId: user.id, sessionId, tokenHash: hashToken(refreshToken), expiresAt: new Date(now.getTime() + REFRESH_TTL_SECONDS * 1000), userAgent: meta.userAgent, ip: meta.ip });
        return { userId: user.id, refreshToken };
      });
      const user = (await authRepo.findUserById(prisma, userId))!;
      return { user: toSessionUser(user), refreshToken, passwordVersion: user.passwordChangedAt.getTime(), sessionId };
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
