// Applies pending migrations to the configured database: `pnpm db:migrate`
// (DATABASE_URL for the PostgreSQL server, else the embedded PGlite under DATA_DIR or data/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../client.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const db = await openDatabase(
  process.env.DATABASE_URL
    ? { kind: 'postgres', url: process.env.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.join(process.env.DATA_DIR ?? path.join(root, 'data'), 'pglite') },
);
const applied = await db.migrate();
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
await db.close();
