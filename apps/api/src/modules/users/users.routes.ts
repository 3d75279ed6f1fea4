import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CompanyUsers, CreateStaffBody, Id, InviteBody, PendingInvitation, Problem, UpdateCompanyUserBody, UpdateStaffBody, UserSummary, z } from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { InvitationService } from './invitations.service.ts';
import type { UsersService } from './users.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** The users of a buyer company (with invitations) and the exporter's staff accounts. */
export default async function usersRoutes(app: FastifyInstance, deps: { users: UsersService; invitations: InvitationService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const companyParams = z.strictObject({ companyId: Id });

  r.get('/companies/:companyId/users', {
    config: { access: 'companyUsers.read' },
    schema: { tags: ['users'], summary: 'Users and open invitations of a buyer company (buyers: their own)', params: companyParams, response: { 200: CompanyUsers, ...errors } },
    handler: async (request) => deps.users.listCompanyUsers(requireActor(request), request.params.companyId),
  });

  r.post('/companies/:companyId/invitations', {
    config: { access: 'companyUsers.manage' },
    schema: { tags: ['users'], summary: 'Invite a colleague by email (company admins)', params: companyParams, body: InviteBody, response: { 201: PendingInvitation, ...errors } },
    handler: async (request, reply) =>
      reply.code(201).send(await deps.invitations.invite(requireActor(request), request.params.companyId, request.body.email, { requestId: request.id })),
  });

  r.delete('/companies/:companyId/invitations/:invitationId', {
    config: { access: 'companyUsers.manage' },
    schema: { tags: ['users'], summary: 'Withdraw an open invitation', params: companyParams.extend({ invitationId: Id }), response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await deps.invitations.revoke(requireActor(request), request.params.companyId, request.params.invitationId, { requestId: request.id });
      return reply.code(204).send(null);
    },
  });

  r.patch('/companies/:companyId/users/:userId', {
    config: { access: 'companyUsers.manage' },
    schema: { tags: ['users'], summary: 'Disable, enable or make a colleague company admin', params: companyParams.extend({ userId: Id }), body: UpdateCompanyUserBody, response: { 200: UserSummary, ...errors } },
    handler: async (request) => deps.users.updateCompanyUser(requireActor(request), request.params.companyId, request.params.userId, request.body, { requestId: request.id }),
  });

  r.get('/staff', {
    config: { access: 'staff.manage' },
    schema: { tags: ['users'], summary: 'The exporter’s staff accounts', response: { 200: z.array(UserSummary), 401: Problem, 403: Problem } },
    handler: async () => deps.users.listStaff(),
  });

  r.post('/staff', {
    config: { access: 'staff.manage' },
    schema: { tags: ['users'], summary: 'Create a staff account (clerk, finance, manager, admin)', body: CreateStaffBody, response: { 201: UserSummary, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.users.createStaff(requireActor(request), request.body, { requestId: request.id })),
  });

  r.patch('/staff/:userId', {
    config: { access: 'staff.manage' },
    schema: { tags: ['users'], summary: 'Change a staff member’s role or disable the account', params: z.strictObject({ userId: Id }), body: UpdateStaffBody, response: { 200: UserSummary, ...errors } },
    handler: async (request) => deps.users.updateStaff(requireActor(request), request.params.userId, request.body, { requestId: request.id }),
  });
}
