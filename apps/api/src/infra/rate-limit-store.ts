// Where the request limits (login attempts, refreshes, registrations) are counted. In-process
// memory counts per process, so N processes behind a load balancer would allow N times the limit:
// with several processes the counters live on the shared PostgreSQL database, or on Redis when
// REDIS_URL is set. Embedded PGlite runs one process (the data-folder lock), so memory is exact there.
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import { Prisma, type PrismaClient } from '@portal/db';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;
/** What @fastify/rate-limit passes to child(): the route's merged options (typed loosely by the library). */
type RouteOptions = { routeInfo?: { method: string; url: string }; method?: string | string[]; url?: string };

/** @fastify/rate-limit's store contract: count one hit of `key` in a fixed window. */
export type RateLimitStoreClass = FastifyRateLimitStoreCtor;

/**
 * A fixed-window counter per key in the RateLimitCounter table: one upsert per hit, on the
 * database's clock so that every process agrees on the window. Expired rows are swept now and then.
 */
export function databaseRateLimitStore(prisma: PrismaClient): RateLimitStoreClass {
  class DatabaseRateLimitStore {
    constructor(
      _params: unknown,
      private readonly prefix = 'rl:',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      const fullKey = `${this.prefix}${key}`.slice(0, 500);
      void hit(prisma, fullKey, timeWindow).then((r) => callback(null, r), (err: Error) => callback(err));
    }

    child(routeOptions: RouteOptions) {
      const route = routeOptions.routeInfo ?? { method: String(routeOptions.method), url: String(routeOptions.url) };
      return new DatabaseRateLimitStore(undefined, `${this.prefix}${route.method}${route.url}:`);
    }
  }
  return DatabaseRateLimitStore as unknown as RateLimitStoreClass;
}

async function hit(prisma: PrismaClient, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const window = Prisma.sql`(${windowMs}::int * interval '1 millisecond')`;
  const [row] = await prisma.$queryRaw<{ count: number; ttl: number }[]>(Prisma.sql`
    INSERT INTO "RateLimitCounter" ("key", "count", "resetAt") VALUES (${key}, 1, now() + ${window})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitCounter"."resetAt" <= now() THEN 1 ELSE "RateLimitCounter"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitCounter"."resetAt" <= now() THEN now() + ${window} ELSE "RateLimitCounter"."resetAt" END
    RETURNING "count", GREATEST(0, CEIL(EXTRACT(EPOCH FROM ("resetAt" - now())) * 1000))::int AS "ttl"`);
  if (Math.random() < 0.01) {
    await prisma.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "resetAt" < now() - interval '1 hour'`.catch(() => {});
  }
  return { current: Number(row!.count), ttl: Number(row!.ttl) };
}

/** The options for @fastify/rate-limit: where to count, and a close() for what was opened. */
export function rateLimitStorage(options: { databaseKind: 'pglite' | 'postgres'; prisma: PrismaClient; redisUrl?: string | undefined }): {
  plugin: { store?: RateLimitStoreClass; redis?: Redis; nameSpace?: string; skipOnError?: boolean };
  close(): Promise<void>;
} {
  if (options.redisUrl) {
    // A Redis that does not answer must not stop every login: requests pass uncounted meanwhile.
    const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000, lazyConnect: false });
    redis.on('error', () => {});
    return { plugin: { redis, nameSpace: 'portal-rate-limit:', skipOnError: true }, close: async () => void (await redis.quit().catch(() => redis.disconnect())) };
  }
  if (options.databaseKind === 'postgres') return { plugin: { store: databaseRateLimitStore(options.prisma) }, close: async () => {} };
  return { plugin: {}, close: async () => {} };
}
