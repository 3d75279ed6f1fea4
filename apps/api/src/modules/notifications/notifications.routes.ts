import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Id, NotificationList, Problem, z } from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { NotificationsService } from './notifications.service.ts';

/** The signed-in user's own notifications. */
export default async function notificationsRoutes(app: FastifyInstance, deps: { notifications: NotificationsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/notifications', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'Your latest notifications and the unread count', response: { 200: NotificationList, 401: Problem } },
    handler: async (request) => deps.notifications.list(requireActor(request)),
  });

  r.post('/notifications/:notificationId/read', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'Mark one of your notifications read', params: z.strictObject({ notificationId: Id }), response: { 204: z.null(), 401: Problem, 404: Problem } },
    handler: async (request, reply) => {
      await deps.notifications.markRead(requireActor(request), request.params.notificationId);
      return reply.code(204).send(null);
    },
  });

  r.post('/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'Mark all your notifications read', response: { 204: z.null(), 401: Problem } },
    handler: async (request, reply) => {
      await deps.notifications.markAllRead(requireActor(request));
      return reply.code(204).send(null);
    },
  });
}
