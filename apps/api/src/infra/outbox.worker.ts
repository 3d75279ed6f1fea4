import type { Clock } from './clock.ts';
import { claimDueEvents, markDelivered, markFailed } from './outbox.repository.ts';
import type { Db } from './tx.ts';

export type OutboxHandler = (topic: string, payload: unknown) => Promise<void>;

export type OutboxWorkerOptions = {
  db: Db;
  channel: string;
  handle: OutboxHandler;
  clock: Clock;
  log: { warn: (o: object, msg: string) => void; error: (o: object, msg: string) => void };
  /** How often to look for due events when idle. */
  pollMs?: number;
  maxAttempts?: number;
};

/** Retry delay after the n-th failed attempt: 5 s, 10 s, 20 s … capped at one hour. */
export function backoffMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/**
 * Delivers one channel of the outbox: claims due events, hands each to the handler, and on failure
 * schedules a retry with backoff, giving up (DEAD) after maxAttempts. Nothing is lost while a server
 * is down: the events wait in the database.
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { db, channel, handle, clock, log } = options;
  const pollMs = options.pollMs ?? 1000;
  const maxAttempts = options.maxAttempts ?? 12;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  /** Delivers what is due now; returns how many were delivered. */
  async function runOnce(): Promise<number> {
    const events = await claimDueEvents(db, channel, clock.now(), 20, 60_000);
    let delivered = 0;
    for (const event of events) {
      try {
        await handle(event.topic, event.payload);
        await markDelivered(db, event.id, clock.now());
        delivered += 1;
      } catch (err) {
        const attempt = event.attempts + 1;
        const message = err instanceof Error ? err.message : String(err);
        const next = attempt >= maxAttempts ? null : new Date(clock.now().getTime() + backoffMs(attempt));
        await markFailed(db, event.id, message, next);
        (next ? log.warn : log.error)({ channel, eventId: event.id, attempt, err: message }, next ? 'outbox delivery failed; will retry' : 'outbox delivery gave up');
      }
    }
    return delivered;
  }

  function tick() {
    if (stopped) return;
    running = runOnce().catch((err) => {
      log.error({ channel, err: String(err) }, 'outbox worker error');
      return 0;
    });
    void running.finally(() => {
      if (!stopped) timer = setTimeout(tick, pollMs);
    });
  }

  return {
    runOnce,
    start() {
      stopped = false;
      tick();
    },
    /** Stops polling and waits for the round in progress. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
