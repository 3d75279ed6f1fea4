// Fills the configured database: `pnpm db:seed` writes reference data and the exporter;
// `pnpm db:seed --demo` adds the demo users, buyer companies and catalog (README lists them).
import { seedDemoData, seedEssentials } from '../seed.ts';
import { openConfiguredDatabase, runCommand } from './open.ts';

await runCommand(async () => {
  const db = await openConfiguredDatabase();
  try {
    await db.migrate();
    if (process.argv.includes('--demo')) {
      const { created } = await seedDemoData(db.prisma);
      console.log(created ? 'Demo data created.' : 'Demo data was already there.');
    } else {
      await seedEssentials(db.prisma);
      console.log('Reference data and the exporter are in place.');
    }
  } finally {
    await db.close();
  }
});
