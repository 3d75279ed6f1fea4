import type { CompanyUsers, CreateStaffBody, UpdateCompanyUserBody, UpdateStaffBody, UserSummary } from '@portal/schemas';
import { DomainError, assertCanManageCompanyUsers, assertVisibleTo, type Actor } from '@portal/domain';
import { assertStrongPassword } from '@portal/domain/password-strength';
import type { PrismaClient } from '@portal/db';
import type { Clock } from '../../infra/clock.ts';
import { recordAudit } from '../../infra/audit.repository.ts';
import { findExporter } from '../companies/companies.repository.ts';
import * as repo from './users.repository.ts';
import { toPendingInvitation, toUserSummary } from './users.mappers.ts';
import type { SessionChanges } from '../../infra/session-directory.ts';

type Meta = { requestId?: string };

/** The users of a buyer company (managed by its admins) and the exporter's staff (managed by admins). */
export function createUsersService(deps: { prisma: PrismaClient; clock: Clock; passwords: { hash(p: string): Promise<string> }; sessions: SessionChanges }) {
  const { prisma, clock } = deps;

  return {
    async listCompanyUsers(actor: Actor, companyId: string): Promise<CompanyUsers> {
      assertVisibleTo(actor, companyId, 'company');
      const company = await repo.findCompanyForUsers(prisma, companyId);
      if (!company || company.kind !== 'BUYER') throw new DomainError('NOT_FOUND', 'company not found');
      const [users, invitations] = await Promise.all([
        repo.listCompanyUsers(prisma, companyId),
        repo.listPendingInvitations(prisma, companyId, clock.now()),
      ]);
      return { users: users.map(toUserSummary), invitations: invitations.map(toPendingInvitation) };
    },

    /** Disable or re-enable a colleague, or make them company admin; a company keeps at least one admin. */
    async updateCompanyUser(actor: Actor, companyId: string, userId: string, body: UpdateCompanyUserBody, meta: Meta): Promise<UserSummary> {
      assertCanManageCompanyUsers(actor, companyId);
      const user = await repo.findUserInCompany(prisma, companyId, userId);
      if (!user || user.role !== 'BUYER') throw new DomainError('NOT_FOUND', 'user not found');
      if (userId === actor.userId && (body.status === 'DISABLED' || body.isCompanyAdmin === false)) {
        throw new DomainError('CONFLICT', 'you cannot disable yourself or give up your own admin rights; ask another admin');
      }
      const result = await prisma.$transaction(async (tx) => {
        const updated = await repo.updateUser(tx, userId, body);
        if ((await repo.countActiveAdmins(tx, companyId)) === 0) {
          throw new DomainError('CONFLICT', 'a company needs at least one active admin');
        }
        if (body.status === 'DISABLED') await repo.revokeSessions(tx, userId, clock.now());
        await recordAudit(tx, { actorId: actor.userId, companyId, action: 'company.user.update', entityType: 'User', entityId: userId, changes: { from: { status: user.status, isCompanyAdmin: user.isCompanyAdmin }, to: body }, requestId: meta.requestId });
        return toUserSummary(updated);
      });
      deps.sessions.forgetUser(userId);
      return result;
    },

    async listStaff(): Promise<UserSummary[]> {
      return (await repo.listStaff(prisma)).map(toUserSummary);
    },

    async createStaff(actor: Actor, body: CreateStaffBody & { locale: string }, meta: Meta): Promise<UserSummary> {
      assertStrongPassword(body.password, { email: body.email, name: body.name }, 'body.password');
      if (await repo.findUserByEmail(prisma, body.email)) {
        throw new DomainError('ALREADY_EXISTS', 'this email already has an account', [{ field: 'body.email', message: 'already has an account' }]);
      }
      const exporterId = (await findExporter(prisma))?.id;
      if (!exporterId) throw new DomainError('CONFLICT', 'the exporter company is not set up');
      const passwordHash = await deps.passwords.hash(body.password);
      return prisma.$transaction(async (tx) => {
        const user = await repo.createStaffUser(tx, { companyId: exporterId, email: body.email, name: body.name, role: body.role, locale: body.locale, passwordHash, emailVerifiedAt: clock.now() });
        await recordAudit(tx, { actorId: actor.userId, companyId: exporterId, action: 'staff.create', entityType: 'User', entityId: user.id, changes: { email: body.email, name: body.name, role: body.role }, requestId: meta.requestId });
        return toUserSummary(user);
      });
    },

    async updateStaff(actor: Actor, userId: string, body: UpdateStaffBody, meta: Meta): Promise<UserSummary> {
      const user = await repo.findStaff(prisma, userId);
      if (!user) throw new DomainError('NOT_FOUND', 'staff member not found');
      if (userId === actor.userId && (body.status === 'DISABLED' || (body.role && body.role !== 'ADMIN'))) {
        throw new DomainError('CONFLICT', 'you cannot disable yourself or remove your own admin role');
      }
      const result = await prisma.$transaction(async (tx) => {
        const updated = await repo.updateUser(tx, userId, body);
        if (body.status === 'DISABLED') await repo.revokeSessions(tx, userId, clock.now());
        await recordAudit(tx, { actorId: actor.userId, action: 'staff.update', entityType: 'User', entityId: userId, changes: { from: { role: user.role, status: user.status }, to: body }, requestId: meta.requestId });
        return toUserSummary(updated);
      });
      deps.sessions.forgetUser(userId);
      return result;
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
