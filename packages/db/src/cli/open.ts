// The database the CLI commands work on: DATABASE_URL for the PostgreSQL server, else the embedded
// PGlite under DATA_DIR (or data/), taken with the data-folder lock so that no command writes to a
// folder a running portal owns. Problems end the command with one line.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../client.ts';
import { lockDataFolder } from '../data-lock.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Opens the configured database; `close()` also releases the folder. */
export async function openConfiguredDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) return openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL });
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, 'data'));
  const lock = lockDataFolder(dataDir);
  const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  return {
    ...db,
    close: async () => {
      await db.close();
      lock.release();
    },
  };
}

/** Runs a CLI command, turning any error into one line on stderr and exit code 1. */
export async function runCommand(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    console.error(err instanceof Error ? err.message.split('\n')[0] : String(err));
    process.exit(1);
  }
}
