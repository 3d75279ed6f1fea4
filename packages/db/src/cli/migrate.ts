// Applies pending migrations to the configured database: `pnpm db:migrate`
// (DATABASE_URL for the PostgreSQL server, else the embedded PGlite under DATA_DIR or data/).
import { openConfiguredDatabase, runCommand } from './open.ts';

await runCommand(async () => {
  const db = await openConfiguredDatabase();
  try {
    const applied = await db.migrate();
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await db.close();
  }
});
