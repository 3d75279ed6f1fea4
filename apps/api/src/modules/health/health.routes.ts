import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Health } from '@portal/contracts';
import type { PrismaClient } from '@portal/db';
import type { Mailer } from '@portal/mail';
import { countPending } from '../../infra/outbox.repository.ts';

type Deps = { prisma: PrismaClient; databaseKind: 'pglite' | 'postgres'; mailer: Mailer; version: string };

export default async function healthRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const started = Date.now();

  r.get('/health', {
    config: { access: 'public' },
    schema: { tags: ['health'], summary: 'Liveness and the state of the database and mail delivery', response: { 200: Health, 503: Health } },
    handler: async (_request, reply) => {
      let database: Health['components']['database'];
      let pendingMail = 0;
      try {
        await deps.prisma.$queryRaw`SELECT 1`;
        pendingMail = await countPending(deps.prisma, 'mail');
        database = { status: 'up', kind: deps.databaseKind };
      } catch {
        database = { status: 'down', kind: deps.databaseKind, detail: 'the database does not answer' };
      }
      const mail: Health['components']['mail'] = {
        status: 'up',
        detail: `${deps.mailer.kind === 'smtp' ? 'SMTP' : 'captured to a local folder'}; ${pendingMail} waiting in the outbox`,
      };
      const body: Health = {
        status: database.status === 'up' ? 'ok' : 'down',
        version: deps.version,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        components: { database, mail },
      };
      return reply.code(database.status === 'up' ? 200 : 503).send(body);
    },
  });
}
