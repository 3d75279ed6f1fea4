import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Health } from '@portal/schemas';
import type { PrismaClient } from '@portal/db';
import type { Mailer } from '@portal/mail';
import { countPending } from '../../infra/outbox.repository.ts';
import type { SearchEngine } from '../../infra/search-engine.ts';

type Deps = { prisma: PrismaClient; databaseKind: 'pglite' | 'postgres'; mailer: Mailer; search: SearchEngine | null; version: string };

export default async function healthRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const started = Date.now();
  // SMTP is checked at most every 30 s, with a time limit, so health stays cheap to poll.
  let mailCheck: { at: number; up: Promise<boolean> } | undefined;
  function checkMail(): Promise<boolean> {
    if (!mailCheck || Date.now() - mailCheck.at > 30_000) {
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000).unref());
      mailCheck = { at: Date.now(), up: Promise.race([deps.mailer.verify(), timeout]) };
    }
    return mailCheck.up;
  }

  r.get('/health', {
    config: { access: 'public' },
    schema: { tags: ['health'], summary: 'Liveness and the state of the database and mail delivery', response: { 200: Health, 503: Health } },
    handler: async (_request, reply) => {
      let database: Health['components']['database'];
      let pendingMail = 0;
      let pendingIndex = 0;
      try {
        await deps.prisma.$queryRaw`SELECT 1`;
        pendingMail = await countPending(deps.prisma, 'mail');
        pendingIndex = await countPending(deps.prisma, 'search');
        database = { status: 'up', kind: deps.databaseKind };
      } catch {
        database = { status: 'down', kind: deps.databaseKind, detail: 'the database does not answer' };
      }
      // A mail server that does not answer delays mail (it waits in the outbox); it loses none.
      const mailUp = await checkMail();
      const mail: Health['components']['mail'] = {
        status: mailUp ? 'up' : 'degraded',
        detail: `${deps.mailer.kind === 'smtp' ? (mailUp ? 'SMTP server answers' : 'SMTP server does not answer') : 'captured to a local folder'}; ${pendingMail} waiting in the outbox`,
      };
      // Without the engine, search answers from the database (degraded) and index tasks wait.
      const searchUp = deps.search ? await deps.search.isHealthy() : false;
      const search: Health['components']['search'] = deps.search
        ? { status: searchUp ? 'up' : 'degraded', detail: `${searchUp ? 'Meilisearch answers' : 'Meilisearch does not answer: search falls back to the database'}; ${pendingIndex} index tasks waiting` }
        : { status: 'disabled', detail: 'no search engine configured: search answers from the database' };
      const body: Health = {
        status: database.status !== 'up' ? 'down' : mailUp && (searchUp || !deps.search) ? 'ok' : 'degraded',
        version: deps.version,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        components: { database, mail, search },
      };
      return reply.code(database.status === 'up' ? 200 : 503).send(body);
    },
  });
}
