import { PGlite, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client.ts';
import { migratePglite, migratePostgres } from './migrate.ts';
import { openPgliteCluster } from './template.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Prisma client, how to migrate it, how to close it. */
export type Database = {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Applies pending migrations; returns the names of those applied. */
  migrate(): Promise<string[]>;
  /**
   * Subscribes to a NOTIFY channel. On the server it holds a connection of its own and reconnects
   * after a loss; while it is down `live` is false, and notifications sent meanwhile are lost, so
   * whoever caches on the strength of it must stop trusting the cache (`onState(false)`).
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<NotificationListener>;
  close(): Promise<void>;
};

export type NotificationHandlers = {
  message(payload: string): void;
  /** Called when the subscription comes up (again) or goes down. */
  state?(live: boolean): void;
};

export type NotificationListener = {
  /** True while every notification on the channel reaches `message`. */
  readonly live: boolean;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** dataDir: a folder to persist into; absent means in memory. */
  | { kind: 'pglite'; dataDir?: string };

/** Opens PGlite (embedded, one connection) or the PostgreSQL server through the same client. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const adapter = retryingReads(new PrismaPg({ connectionString: options.url, max: options.poolSize ?? 10 }));
    const prisma = new PrismaClient({ adapter });
    return {
      kind: 'postgres',
      prisma,
      migrate: () => migratePostgres(options.url),
      listen: (channel, handlers) => listenOnServer(options.url, channel, handlers),
      close: () => prisma.$disconnect(),
    };
  }
  const pglite = options.dataDir ? await openPgliteCluster(options.dataDir) : await PGlite.create();
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(withParsersMergedOnce(pglite)) });
  return {
    kind: 'pglite',
    prisma,
    migrate: () => migratePglite(pglite),
    // One in-process connection: notifications arrive with the result of the statement that
    // committed them, and the subscription cannot drop.
    listen: async (channel, handlers) => {
      const unsubscribe = await pglite.listen(checkChannel(channel), handlers.message);
      handlers.state?.(true);
      let live = true;
      return {
        get live() {
          return live;
        },
        close: async () => {
          if (!live) return;
          live = false;
          handlers.state?.(false);
          // Closed under us (a test of a database that stops answering): nothing left to unsubscribe.
          if (!pglite.closed) await unsubscribe();
        },
      };
    },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/**
 * The PGlite that Prisma's adapter talks to. The adapter hands PGlite its type parsers with every
 * statement, and PGlite merges them into its own 318 for each one: a fresh copy of the table, 0.1 ms,
 * about what a simple statement itself takes (0.8 s of the 7,000 statements of the demo history).
 * Here they are merged into the instance's parsers once, on the adapter's first statement, and its
 * statements go without them. The only other reader of this instance's rows is the migration
 * runner, which checks its timestamps for presence only.
 */
function withParsersMergedOnce(pglite: PGlite): PGlite {
  let merged: QueryOptions['parsers'] | null = null;
  const withoutParsers = (options?: QueryOptions): QueryOptions | undefined => {
    if (!options?.parsers) return options;
    const { parsers, ...rest } = options;
    if (parsers !== merged) {
      pglite.parsers = { ...pglite.parsers, ...parsers };
      merged = parsers;
    }
    return rest;
  };
  // Methods run on the real objects: PGlite's private state is not reachable through a proxy.
  const view = <T extends PGlite | Transaction>(target: T, own: Partial<T>): T =>
    new Proxy(target, {
      get(t, prop) {
        if (prop in own) return own[prop as keyof T];
        const value = Reflect.get(t, prop, t) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(t) : value;
      },
    });
  const queryOf = (target: PGlite | Transaction) => (sql: string, params?: unknown[], options?: QueryOptions) => target.query(sql, params, withoutParsers(options));
  return view(pglite, {
    query: queryOf(pglite) as PGlite['query'],
    transaction: ((fn: (tx: Transaction) => Promise<unknown>) => pglite.transaction((tx) => fn(view(tx, { query: queryOf(tx) as Transaction['query'] })))) as PGlite['transaction'],
  });
}

const CONNECTION_LOST =
  /\b(57P0[123]|08000|08003|08006|08001|08004|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|P1001|P1002|P1008|P1017|P2024)\b|Connection terminated|terminating connection|Client has encountered a connection error|connection is closed|Server has closed the connection|Can't reach database server|Connection ?Closed|DatabaseNotReachable|SocketTimeout|Timed out fetching a new connection/i;

/**
 * Whether an error means that the database connection was lost or could not be had (the server
 * restarted, a connection was terminated, 57P01 …), as opposed to an error of the statement.
 * The API answers these with 503 and Retry-After.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (typeof e !== 'object') return CONNECTION_LOST.test(String(e));
    const o = e as { code?: unknown; message?: unknown; kind?: unknown; originalCode?: unknown };
    const text = [o.code, o.originalCode, o.kind, o.message].filter((v) => typeof v === 'string').join(' ');
    if (CONNECTION_LOST.test(text)) return true;
  }
  return false;
}

/** A statement that only reads, and so may run again: SELECT/WITH … without FOR UPDATE/SHARE or a writing CTE. */
function isIdempotentRead(sql: string): boolean {
  const s = sql.trimStart();
  return /^(SELECT|WITH)\b/i.test(s) && !/\bFOR\s+(NO\s+KEY\s+)?(UPDATE|SHARE|KEY\s+SHARE)\b/i.test(s) && !/\b(INSERT|UPDATE|DELETE)\b/i.test(s.replace(/"[^"]*"/g, ''));
}

/**
 * Retries a read outside a transaction once when its connection was lost (a terminated backend,
 * a server restart): the pool hands out a fresh connection. A write, or anything inside a
 * transaction, is not repeated: its error reaches the API, which answers 503 with Retry-After.
 */
function retryingReads(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query) => {
      try {
        return await queryRaw(query);
      } catch (err) {
        if (!isDatabaseUnavailable(err) || !isIdempotentRead(query.sql)) throw err;
        return queryRaw(query);
      }
    };
    return adapter;
  };
  return factory;
}

function checkChannel(channel: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
  return channel;
}

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/** LISTEN on a connection of its own, reconnecting with backoff until closed. */
async function listenOnServer(url: string, channel: string, handlers: NotificationHandlers): Promise<NotificationListener> {
  checkChannel(channel);
  let client: pg.Client | null = null;
  let live = false;
  let closed = false;
  let delay = RECONNECT_MIN_MS;
  let timer: NodeJS.Timeout | null = null;

  const setLive = (next: boolean) => {
    if (live === next) return;
    live = next;
    handlers.state?.(next);
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    // Any error or end of this connection: stop trusting, then try again.
    const lost = () => {
      if (client !== c) return;
      client = null;
      setLive(false);
      c.removeAllListeners('notification');
      c.end().catch(() => {});
      schedule();
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (n) => {
      if (n.channel === channel) handlers.message(n.payload ?? '');
    });
    client = c;
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    if (closed || client !== c) {
      await c.end().catch(() => {});
      return;
    }
    delay = RECONNECT_MIN_MS;
    setLive(true);
  };

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      connect().catch(() => {
        // connect() failed before 'error' fired, or after: make sure another attempt follows.
        if (client && !live) {
          const c = client;
          client = null;
          c.end().catch(() => {});
        }
        delay = Math.min(RECONNECT_MAX_MS, delay * 2);
        schedule();
      });
    }, delay);
    timer.unref();
  };

  try {
    await connect();
  } catch {
    // The database is unreachable now; the listener keeps trying and reports when it is up.
    const c = client as pg.Client | null;
    client = null;
    c?.end().catch(() => {});
    schedule();
  }

  return {
    get live() {
      return live;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const c = client;
      client = null;
      setLive(false);
      if (c) await c.end().catch(() => {});
    },
  };
}
