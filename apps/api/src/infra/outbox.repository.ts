import type { MailMessage } from '@portal/mail';
import type { Db } from './tx.ts';

/**
 * Queues a mail in the outbox, inside the caller's transaction; the mail worker delivers it.
 * `now` is the app clock's time: the worker decides what is due by that clock, so the due time must
 * not come from the database's own clock.
 */
export function enqueueMail(db: Db, topic: string, message: MailMessage, now: Date) {
  return db.outboxEvent.create({ data: { channel: 'mail', topic, payload: message, nextAttemptAt: now }, select: { id: true } });
}

/** Queues re-indexing of products, inside the caller's transaction; the search worker applies it. */
export function enqueueSearchSync(db: Db, productIds: string[], now: Date) {
  return db.outboxEvent.create({ data: { channel: 'search', topic: 'product.sync', payload: { productIds }, nextAttemptAt: now }, select: { id: true } });
}

/** Queues in-portal notifications for users, inside the caller's transaction. */
export function notifyUsers(db: Db, userIds: string[], n: { kind: string; title: string; body: string; link?: string }) {
  if (userIds.length === 0) return Promise.resolve({ count: 0 });
  return db.notification.createMany({ data: userIds.map((userId) => ({ userId, ...n, link: n.link ?? null })) });
}

export type ClaimedEvent = { id: string; topic: string; payload: unknown; attempts: number };

/**
 * Claims up to `limit` due events of a channel for `leaseMs`, so that two workers (or a worker and
 * a restart) never deliver the same event at once. An expired lease makes an event claimable again.
 */
export async function claimDueEvents(db: Db, channel: string, now: Date, limit: number, leaseMs: number): Promise<ClaimedEvent[]> {
  const due = await db.outboxEvent.findMany({
    where: {
      channel,
      status: 'PENDING',
      nextAttemptAt: { lte: now },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
    orderBy: { createdAt: 'asc' },
    take: limit,
    select: { id: true, topic: true, payload: true, attempts: true, lockedUntil: true },
  });
  const claimed: ClaimedEvent[] = [];
  for (const e of due) {
    // Compare-and-set on the lease: only one claimant's update matches.
    const { count } = await db.outboxEvent.updateMany({
      // Re-check the due time too: another worker may have failed it and set a later retry meanwhile.
      where: { id: e.id, status: 'PENDING', lockedUntil: e.lockedUntil, nextAttemptAt: { lte: now } },
      data: { lockedUntil: new Date(now.getTime() + leaseMs) },
    });
    if (count === 1) claimed.push({ id: e.id, topic: e.topic, payload: e.payload, attempts: e.attempts });
  }
  return claimed;
}

export function markDelivered(db: Db, id: string, now: Date) {
  return db.outboxEvent.update({ where: { id }, data: { status: 'DONE', deliveredAt: now, lockedUntil: null, attempts: { increment: 1 } } });
}

export function markFailed(db: Db, id: string, error: string, nextAttemptAt: Date | null) {
  return db.outboxEvent.update({
    where: { id },
    data: {
      status: nextAttemptAt ? 'PENDING' : 'DEAD',
      nextAttemptAt: nextAttemptAt ?? undefined,
      lockedUntil: null,
      lastError: error.slice(0, 2000),
      attempts: { increment: 1 },
    },
  });
}

export function countPending(db: Db, channel: string) {
  return db.outboxEvent.count({ where: { channel, status: 'PENDING' } });
}
