// `pnpm db:repair [--accept-checksums]`: settles what a start cannot settle by itself, and which its
// error names: migrations that Prisma's own engine left unfinished (marked applied when their
// changes are all there, else rolled back so that the next start applies them), and, with
// --accept-checksums, migration files deliberately edited after they were applied. Then it applies
// what is pending. Stop the portal first (on PGlite the data-folder lock makes sure of it).
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockDataFolder } from '../data-lock.ts';
import { migrateWith, pgliteRunner, postgresRunner, repairMigrations, type RepairReport, type Runner } from '../migrate.ts';
import { runCommand } from './open.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const acceptChecksums = process.argv.includes('--accept-checksums');

async function repair(runner: Runner): Promise<void> {
  const report: RepairReport = await repairMigrations(runner, { acceptChecksums });
  for (const r of report.resolved) console.log(`${r.name}: recorded as ${r.as === 'applied' ? 'applied (its changes are in the database)' : 'rolled back (applied again now)'}`);
  for (const name of report.checksumsAccepted) console.log(`${name}: the edited file is accepted as applied`);
  const applied = await migrateWith(runner);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The migrations are in order.');
}

await runCommand(async () => {
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await repair(postgresRunner(client));
    } finally {
      await client.end();
    }
    return;
  }
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, 'data'));
  const lock = lockDataFolder(dataDir);
  const db = await PGlite.create({ dataDir: path.join(dataDir, 'pglite') });
  try {
    await repair(pgliteRunner(db));
  } finally {
    await db.close();
    lock.release();
  }
});
