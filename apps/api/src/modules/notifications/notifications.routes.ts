import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Id, NotificationList, Problem, z } from '@portal/schemas';
import type { PrismaClient } from '@portal/db';
import { DomainError } from '@portal/domain';
import { requireActor } from '../../plugins/auth.ts';
import type { Clock } from '../../infra/clock.ts';
import * as repo from './notifications.repository.ts';

export default async function notificationsRoutes(app: FastifyInstance, deps: { prisma: PrismaClient; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/notifications', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'Your latest notifications and the unread count', response: { 200: NotificationList, 401: Problem } },
    handler: async (request) => {
      const { items, unread } = await repo.listForUser(deps.prisma, requireActor(request).userId, 50);
      return { unread, items: items.map((n) => ({ ...n, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() })) };
    },
  });

  r.post('/notifications/:notificationId/read', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'Mark one of your notifications read', params: z.strictObject({ notificationId: Id }), response: { 204: z.null(), 401: Problem, 404: Problem } },
    handler: async (request, reply) => {
      const updated = await repo.markRead(deps.prisma, requireActor(request).userId, request.params.notificationId, deps.clock.now());
      if (!updated) throw new DomainError('NOT_FOUND', 'notification not found');
      return reply.code(204).send(null);
    },
  });

  r.post('/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'Mark all your notifications read', response: { 204: z.null(), 401: Problem } },
    handler: async (request, reply) => {
      await repo.markAllRead(deps.prisma, requireActor(request).userId, deps.clock.now());
      return reply.code(204).send(null);
    },
  });
}
