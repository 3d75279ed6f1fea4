import { Prisma } from '@portal/db';
import type { MailMessage } from '@portal/mail';
import type { Db } from './tx.ts';

/**
 * Queues mails in the outbox, in this order and in one statement, inside the caller's transaction;
 * the mail worker delivers them. `now` is the app clock's time: the worker decides what is due by
 * that clock, so the due time must not come from the database's own clock.
 */
export async function enqueueMails(db: Db, mails: readonly { topic: string; message: MailMessage }[], now: Date): Promise<void> {
  if (mails.length === 0) return;
  await db.outboxEvent.createMany({ data: mails.map(({ topic, message }) => ({ channel: 'mail', topic, payload: message, nextAttemptAt: now, createdAt: now })) });
}

/** Queues re-indexing of products, inside the caller's transaction; the search worker applies it. */
export function enqueueSearchSync(db: Db, productIds: string[], now: Date) {
  return db.outboxEvent.create({ data: { channel: 'search', topic: 'product.sync', payload: { productIds }, nextAttemptAt: now, createdAt: now }, select: { id: true } });
}

/** Queues in-portal notifications for users, inside the caller's transaction. */
export function notifyUsers(db: Db, userIds: string[], n: { kind: string; title: string; body: string; link?: string }) {
  if (userIds.length === 0) return Promise.resolve({ count: 0 });
  return db.notification.createMany({ data: userIds.map((userId) => ({ userId, ...n, link: n.link ?? null })) });
}

/** A claimed event; `lease` is the claim's fence: only its holder may settle the event. */
export type ClaimedEvent = { id: string; topic: string; payload: unknown; attempts: number; lease: Date };

/**
 * Claims up to `limit` due events of a channel for `leaseMs`, in one statement: the rows are
 * locked with FOR UPDATE SKIP LOCKED, so workers in any number of processes on one database each
 * get different events, and none waits for another. An expired lease (a worker that died while
 * delivering) makes an event claimable again.
 */
export async function claimDueEvents(db: Db, channel: string, now: Date, limit: number, leaseMs: number): Promise<ClaimedEvent[]> {
  const lease = new Date(now.getTime() + leaseMs);
  const rows = await db.$queryRaw<{ id: string; topic: string; payload: unknown; attempts: number }[]>(Prisma.sql`
    UPDATE "OutboxEvent" SET "lockedUntil" = ${lease}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEvent"
      WHERE "channel" = ${channel} AND "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "topic", "payload", "attempts"`);
  // RETURNING keeps no order; deliver the oldest first.
  return rows.map((r) => ({ ...r, lease })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Records a delivery. With `lease`, only while the claim is still this worker's: false means the
 * lease ran out and another worker took the event over (it will deliver it again).
 */
export async function markDelivered(db: Db, id: string, now: Date, lease?: Date): Promise<boolean> {
  const { count } = await db.outboxEvent.updateMany({
    where: { id, status: 'PENDING', ...(lease ? { lockedUntil: lease } : {}) },
    data: { status: 'DONE', deliveredAt: now, lockedUntil: null, attempts: { increment: 1 } },
  });
  return count === 1;
}

/**
 * Records a failed attempt: retried at `nextAttemptAt`, or, with null, held (DEAD) until a person
 * retries or discards it. Never dropped.
 */
export async function markFailed(db: Db, id: string, error: string, nextAttemptAt: Date | null, lease?: Date): Promise<boolean> {
  const { count } = await db.outboxEvent.updateMany({
    where: { id, status: 'PENDING', ...(lease ? { lockedUntil: lease } : {}) },
    data: {
      status: nextAttemptAt ? 'PENDING' : 'DEAD',
      nextAttemptAt: nextAttemptAt ?? undefined,
      lockedUntil: null,
      lastError: error.slice(0, 2000),
      attempts: { increment: 1 },
    },
  });
  return count === 1;
}

/**
 * Makes every event of a channel that waits out a backoff due now: called when a delivery
 * succeeds after failures (the server is back), so a long outage's backlog goes out at once.
 */
export async function resetBackoff(db: Db, channel: string, now: Date): Promise<number> {
  const { count } = await db.outboxEvent.updateMany({
    where: { channel, status: 'PENDING', attempts: { gt: 0 }, nextAttemptAt: { gt: now } },
    data: { nextAttemptAt: now },
  });
  return count;
}

export function countPending(db: Db, channel: string) {
  return db.outboxEvent.count({ where: { channel, status: 'PENDING' } });
}

/** An event that waits this long, or has failed this often, is "stuck": health and the admin list show it. */
export const STUCK_AFTER_MS = 15 * 60_000;
export const STUCK_AFTER_ATTEMPTS = 5;

function stuckWhere(now: Date): Prisma.OutboxEventWhereInput {
  return {
    status: 'PENDING',
    OR: [{ attempts: { gte: STUCK_AFTER_ATTEMPTS } }, { createdAt: { lt: new Date(now.getTime() - STUCK_AFTER_MS) } }],
  };
}

export type OutboxCounts = { waiting: number; retrying: number; stuck: number; held: number };

/** Per channel: waiting (not yet delivered), retrying (failed at least once), stuck, held (DEAD). */
export async function countOutbox(db: Db, channel: string, now: Date): Promise<OutboxCounts> {
  const [waiting, retrying, stuck, held] = await Promise.all([
    db.outboxEvent.count({ where: { channel, status: 'PENDING' } }),
    db.outboxEvent.count({ where: { channel, status: 'PENDING', attempts: { gt: 0 } } }),
    db.outboxEvent.count({ where: { channel, ...stuckWhere(now) } }),
    db.outboxEvent.count({ where: { channel, status: 'DEAD' } }),
  ]);
  return { waiting, retrying, stuck, held };
}

const troubledSelect = {
  id: true, channel: true, topic: true, status: true, attempts: true, lastError: true, createdAt: true, nextAttemptAt: true, payload: true,
} satisfies Prisma.OutboxEventSelect;

/** Held and stuck events, the oldest first: what an administrator should look at. */
export function listTroubledEvents(db: Db, now: Date, take: number) {
  return db.outboxEvent.findMany({
    where: { OR: [{ status: 'DEAD' }, stuckWhere(now)] },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take,
    select: troubledSelect,
  });
}

export function findEvent(db: Db, id: string) {
  return db.outboxEvent.findUnique({ where: { id }, select: troubledSelect });
}

/** Makes a held or waiting event due now, with a fresh backoff; false when it is already delivered or discarded. */
export async function retryEvent(db: Db, id: string, now: Date): Promise<boolean> {
  const { count } = await db.outboxEvent.updateMany({
    where: { id, status: { in: ['PENDING', 'DEAD'] } },
    data: { status: 'PENDING', nextAttemptAt: now, attempts: 0, lockedUntil: null },
  });
  return count === 1;
}

/** A person decided that a held or waiting event is not to be delivered. */
export async function discardEvent(db: Db, id: string): Promise<boolean> {
  const { count } = await db.outboxEvent.updateMany({
    where: { id, status: { in: ['PENDING', 'DEAD'] } },
    data: { status: 'DISCARDED', lockedUntil: null },
  });
  return count === 1;
}
