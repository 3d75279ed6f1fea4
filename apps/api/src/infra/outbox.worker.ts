import type { Clock } from './clock.ts';
import { claimDueEvents, markDelivered, markFailed, resetBackoff, type ClaimedEvent } from './outbox.repository.ts';
import type { Db } from './tx.ts';

export type OutboxHandler = (topic: string, payload: unknown) => Promise<void>;

type Log = { info?: (o: object, msg: string) => void; warn: (o: object, msg: string) => void; error: (o: object, msg: string) => void };

export type OutboxWorkerOptions = {
  db: Db;
  channel: string;
  handle: OutboxHandler;
  clock: Clock;
  log: Log;
  /** How often to look for due events when idle. */
  pollMs?: number;
  /** Deliveries in flight at once (each on its own SMTP connection of the pool, or index request). */
  concurrency?: number;
  /** Events claimed per round; a full round is followed by the next at once. */
  batchSize?: number;
  /** How long a claim is exclusive; a worker that dies mid-delivery frees its events after this. */
  leaseMs?: number;
  /**
   * Whether a failure can never succeed by waiting (a mailbox that does not exist): the event is
   * then held for a person at once instead of being retried. Everything else is retried for ever.
   */
  isPermanent?: (err: unknown) => boolean;
  /**
   * Asks whether the far side answers again. While deliveries fail, the worker asks every
   * `probeMs`; a yes makes every waiting event due at once instead of at the end of its backoff.
   */
  probe?: () => Promise<boolean>;
  probeMs?: number;
};

/** The longest wait between two attempts at one event. */
export const MAX_BACKOFF_MS = 10 * 60_000;

/** Retry delay after the n-th failed attempt: 5 s, 10 s, 20 s … capped at ten minutes, for ever. */
export function backoffMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.min(Math.max(0, attempt - 1), 30), MAX_BACKOFF_MS);
}

/** Runs `work` over `items` with at most `limit` at once. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

/**
 * Delivers one channel of the outbox: claims due events, hands them to the handler a few at once,
 * and on failure schedules a retry with capped backoff. Nothing is dropped: an event leaves the
 * outbox delivered, or held (DEAD) for a person when the failure is permanent. A delivery that
 * succeeds after failures (or a probe that finds the far side answering) makes the backlog due.
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { db, channel, handle, clock, log } = options;
  const pollMs = options.pollMs ?? 1000;
  const concurrency = options.concurrency ?? 8;
  const batchSize = options.batchSize ?? Math.max(20, concurrency * 2);
  const leaseMs = options.leaseMs ?? 120_000;
  const probeMs = options.probeMs ?? 15_000;
  const isPermanent = options.isPermanent ?? (() => false);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;
  /** Set by a failed attempt, cleared by a success: the far side is (still) failing. */
  let failing = false;
  let lastProbe = 0;

  async function deliver(event: ClaimedEvent): Promise<boolean> {
    try {
      await handle(event.topic, event.payload);
    } catch (err) {
      const attempt = event.attempts + 1;
      const message = err instanceof Error ? err.message : String(err);
      const permanent = isPermanent(err);
      const next = permanent ? null : new Date(clock.now().getTime() + backoffMs(attempt));
      failing ||= !permanent;
      await markFailed(db, event.id, message, next, event.lease);
      if (next) log.warn({ channel, eventId: event.id, topic: event.topic, attempt, retryAt: next.toISOString(), err: message }, 'outbox delivery failed; will retry');
      else log.error({ channel, eventId: event.id, topic: event.topic, attempt, err: message }, 'outbox delivery refused for good; held for an administrator');
      return false;
    }
    const settled = await markDelivered(db, event.id, clock.now(), event.lease);
    if (!settled) log.warn({ channel, eventId: event.id }, 'outbox lease ran out during delivery; another worker may deliver it again');
    return true;
  }

  /** Delivers one batch of what is due now; returns how many were delivered and whether the batch was full. */
  async function round(): Promise<{ delivered: number; full: boolean }> {
    const events = await claimDueEvents(db, channel, clock.now(), batchSize, leaseMs);
    let delivered = 0;
    let failed = 0;
    await eachLimited(events, concurrency, async (event) => {
      if (await deliver(event)) delivered += 1;
      else failed += 1;
    });
    if (delivered > 0 && failed === 0 && failing) {
      // The far side answers again: what waits out a backoff goes now. (Not in a round that also
      // failed, or an event that fails on its own would be retried at every round.)
      failing = false;
      const count = await resetBackoff(db, channel, clock.now());
      if (count) log.info?.({ channel, count }, 'outbox deliveries succeed again; waiting events are due now');
    }
    return { delivered, full: events.length === batchSize };
  }

  /** Delivers what is due now, batch after batch; returns how many were delivered. */
  async function runOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const { delivered, full } = await round();
      total += delivered;
      if (!full) return total;
    }
  }

  async function probeIfFailing(): Promise<void> {
    if (!failing || !options.probe || Date.now() - lastProbe < probeMs) return;
    lastProbe = Date.now();
    if (await options.probe().catch(() => false)) {
      failing = false;
      const count = await resetBackoff(db, channel, clock.now());
      if (count) log.info?.({ channel, count }, 'outbox target answers again; waiting events are due now');
    }
  }

  function tick() {
    timer = undefined;
    if (stopped) return;
    const current = (async () => {
      await probeIfFailing();
      await runOnce();
    })().catch((err) => {
      log.error({ channel, err: String(err) }, 'outbox worker error');
    });
    running = current;
    void current.finally(() => {
      if (!stopped) timer = setTimeout(tick, pollMs);
    });
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      tick();
    },
    /** Looks for due events now instead of at the next poll (e.g. after the search engine restarted). */
    async wake(options: { resetBackoff?: boolean } = {}) {
      if (options.resetBackoff) {
        failing = false;
        await resetBackoff(db, channel, clock.now());
      }
      if (!stopped && timer) {
        clearTimeout(timer);
        tick();
      }
    },
    /** Stops polling and waits for the round in progress. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
