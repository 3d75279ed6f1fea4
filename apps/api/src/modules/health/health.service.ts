import type { Actor } from '@portal/domain';
import { DomainError } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import type { Mailer } from '@portal/mail';
import type { Health, OutboxEventItem } from '@portal/schemas';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import * as outbox from '../../infra/outbox.repository.ts';
import type { SearchEngine } from '../../infra/search-engine.ts';
import { ping } from './health.repository.ts';

/** What the supervisor of an embedded Meilisearch knows that a health request cannot ask it. */
export type SearchSupervision = { state(): { running: boolean; restarts: number; lastExit: string | null } };

type Deps = {
  prisma: PrismaClient;
  databaseKind: 'pglite' | 'postgres';
  mailer: Mailer;
  search: SearchEngine | null;
  supervision?: SearchSupervision | null;
  clock: Clock;
  version: string;
  /** Set while the process shuts down: health answers 503 so a load balancer stops sending. */
  stopping?: () => boolean;
};

const MAIL_CHECK_MS = 30_000;

/** Health of the portal and its outbox; the administrator's view of held and stuck events. */
export function createHealthService(deps: Deps) {
  const started = Date.now();
  // SMTP is checked at most every 30 s, with a time limit, so health stays cheap to poll.
  let mailCheck: { at: number; up: Promise<boolean> } | undefined;
  function checkMail(): Promise<boolean> {
    if (!mailCheck || Date.now() - mailCheck.at > MAIL_CHECK_MS) {
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000).unref());
      mailCheck = { at: Date.now(), up: Promise.race([deps.mailer.verify(), timeout]) };
    }
    return mailCheck.up;
  }

  const summarise = (channel: string, payload: unknown): string => {
    const p = (payload ?? {}) as { to?: unknown; subject?: unknown; productIds?: unknown };
    if (channel === 'mail') return `to ${String(p.to ?? '?')}: ${String(p.subject ?? '')}`;
    if (Array.isArray(p.productIds)) return `products ${p.productIds.slice(0, 5).join(', ')}${p.productIds.length > 5 ? ` and ${p.productIds.length - 5} more` : ''}`;
    return '';
  };

  const toItem = (e: NonNullable<Awaited<ReturnType<typeof outbox.findEvent>>>): OutboxEventItem => ({
    id: e.id,
    channel: e.channel,
    topic: e.topic,
    status: e.status,
    attempts: e.attempts,
    lastError: e.lastError,
    createdAt: e.createdAt.toISOString(),
    nextAttemptAt: e.status === 'PENDING' ? e.nextAttemptAt.toISOString() : null,
    summary: summarise(e.channel, e.payload),
  });

  async function settle(actor: Actor, id: string, action: 'retry' | 'discard', requestId: string): Promise<OutboxEventItem> {
    return deps.prisma.$transaction(async (tx) => {
      const event = await outbox.findEvent(tx, id);
      if (!event) throw new DomainError('NOT_FOUND', 'no such outbox event');
      const changed = action === 'retry' ? await outbox.retryEvent(tx, id, deps.clock.now()) : await outbox.discardEvent(tx, id);
      if (!changed) throw new DomainError('CONFLICT', `the event is already ${event.status === 'DONE' ? 'delivered' : 'discarded'}`);
      await recordAudit(tx, {
        actorId: actor.userId, action: `outbox.${action}`, entityType: 'OutboxEvent', entityId: id,
        changes: { status: { from: event.status, to: action === 'retry' ? 'PENDING' : 'DISCARDED' }, attempts: event.attempts, lastError: event.lastError },
        requestId,
      });
      const after = await outbox.findEvent(tx, id);
      return toItem(after!);
    });
  }

  return {
    /** The health answer and its status code: 503 when the database is down or the process stops. */
    async check(): Promise<{ code: 200 | 503; body: Health }> {
      let database: Health['components']['database'];
      let counts: NonNullable<Health['outbox']> | undefined;
      try {
        await ping(deps.prisma);
        const now = deps.clock.now();
        const [mail, search] = await Promise.all([outbox.countOutbox(deps.prisma, 'mail', now), outbox.countOutbox(deps.prisma, 'search', now)]);
        counts = { mail, search };
        database = { status: 'up', kind: deps.databaseKind };
      } catch {
        database = { status: 'down', kind: deps.databaseKind, detail: 'the database does not answer' };
      }
      const trouble = (c: outbox.OutboxCounts | undefined) =>
        c && (c.held || c.stuck) ? `; ${c.held} held for an administrator, ${c.stuck} stuck (see /api/outbox/events)` : '';
      // A mail server that does not answer delays mail (it waits in the outbox); it loses none.
      const mailUp = await checkMail();
      const mailTrouble = Boolean(counts && (counts.mail.held || counts.mail.stuck));
      const mail: Health['components']['mail'] = {
        status: mailUp && !mailTrouble ? 'up' : 'degraded',
        detail: `${deps.mailer.kind === 'smtp' ? (mailUp ? 'SMTP server answers' : 'SMTP server does not answer') : 'captured to a local folder'}; ${counts?.mail.waiting ?? 0} waiting in the outbox${trouble(counts?.mail)}`,
      };
      // Without the engine, search answers from the database (degraded) and index tasks wait.
      const searchUp = deps.search ? await deps.search.isHealthy() : false;
      const supervised = deps.supervision?.state();
      const restarts = supervised?.restarts ? `; restarted ${supervised.restarts} time(s), last exit: ${supervised.lastExit}` : '';
      const searchTrouble = Boolean(counts && (counts.search.held || counts.search.stuck));
      const search: Health['components']['search'] = deps.search
        ? {
            status: searchUp && !searchTrouble ? 'up' : 'degraded',
            detail: `${searchUp ? 'Meilisearch answers' : supervised && !supervised.running ? 'Meilisearch exited and is being restarted: search falls back to the database' : 'Meilisearch does not answer: search falls back to the database'}; ${counts?.search.waiting ?? 0} index tasks waiting${trouble(counts?.search)}${restarts}`,
          }
        : { status: 'disabled', detail: 'no search engine configured: search answers from the database' };
      const stopping = deps.stopping?.() ?? false;
      const body: Health = {
        status: stopping ? 'stopping' : database.status !== 'up' ? 'down' : mail.status === 'up' && (search.status === 'up' || !deps.search) ? 'ok' : 'degraded',
        version: deps.version,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        components: { database, mail, search },
        ...(counts ? { outbox: counts } : {}),
      };
      return { code: database.status === 'up' && !stopping ? 200 : 503, body };
    },

    /** Held and stuck events, the oldest first. */
    async listTroubled(): Promise<OutboxEventItem[]> {
      return (await outbox.listTroubledEvents(deps.prisma, deps.clock.now(), 200)).map(toItem);
    },

    /** Tries a held or stuck event again now, with a fresh backoff. */
    retry: (actor: Actor, id: string, requestId: string) => settle(actor, id, 'retry', requestId),

    /** Decides that an event is not to be delivered; the audit log keeps who and what. */
    discard: (actor: Actor, id: string, requestId: string) => settle(actor, id, 'discard', requestId),
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
