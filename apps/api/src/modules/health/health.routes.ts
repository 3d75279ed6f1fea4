import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Health, Id, OutboxEventItem, OutboxEventList, Problem, z } from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { HealthService } from './health.service.ts';

const errors = { 401: Problem, 403: Problem, 404: Problem, 409: Problem };

export default async function healthRoutes(app: FastifyInstance, deps: { health: HealthService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/health', {
    config: { access: 'public' },
    schema: { tags: ['health'], summary: 'Liveness and the state of the database, mail delivery, search and the outbox', response: { 200: Health, 503: Health } },
    handler: async (_request, reply) => {
      const { code, body } = await deps.health.check();
      return reply.code(code).send(body);
    },
  });

  r.get('/outbox/events', {
    config: { access: 'outbox.manage' },
    schema: { tags: ['health'], summary: 'Outbox events held for a person or stuck, the oldest first', response: { 200: OutboxEventList, ...errors } },
    handler: async () => ({ items: await deps.health.listTroubled() }),
  });

  const params = z.strictObject({ eventId: Id });
  r.post('/outbox/events/:eventId/retry', {
    config: { access: 'outbox.manage' },
    schema: { tags: ['health'], summary: 'Deliver a held or stuck event again now', params, response: { 200: OutboxEventItem, ...errors } },
    handler: async (request) => deps.health.retry(requireActor(request), request.params.eventId, request.id),
  });

  r.post('/outbox/events/:eventId/discard', {
    config: { access: 'outbox.manage' },
    schema: { tags: ['health'], summary: 'Decide not to deliver an event (recorded in the audit log)', params, response: { 200: OutboxEventItem, ...errors } },
    handler: async (request) => deps.health.discard(requireActor(request), request.params.eventId, request.id),
  });
}
