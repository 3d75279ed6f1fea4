// Fills the configured database: `pnpm db:seed` writes reference data and the exporter;
// `pnpm db:seed --demo` adds the demo users, buyer companies and catalog (README lists them).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../client.ts';
import { seedDemoData, seedEssentials } from '../seed.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const db = await openDatabase(
  process.env.DATABASE_URL
    ? { kind: 'postgres', url: process.env.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.join(process.env.DATA_DIR ?? path.join(root, 'data'), 'pglite') },
);
await db.migrate();
if (process.argv.includes('--demo')) {
  const { created } = await seedDemoData(db.prisma);
  console.log(created ? 'Demo data created.' : 'Demo data was already there.');
} else {
  await seedEssentials(db.prisma);
  console.log('Reference data and the exporter are in place.');
}
await db.close();
