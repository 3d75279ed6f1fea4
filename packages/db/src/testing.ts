import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from './client.ts';

/**
 * An empty database of its own on the PostgreSQL server at `serverUrl`, named `<prefix>_<random>`;
 * `drop()` removes it again (with FORCE, so connections left open do not keep it).
 */
export async function createServerDatabase(serverUrl: string, prefix = 'portal_test'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * A migrated, empty database for one test file: PGlite in memory by default, or a database of its
 * own on the PostgreSQL server named by TEST_DATABASE_URL (dropped again on close).
 */
export async function openTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ kind: 'pglite' });
    await db.migrate();
    return db;
  }
  const server = await createServerDatabase(serverUrl);
  const db = await openDatabase({ kind: 'postgres', url: server.url, poolSize: 20 });
  await db.migrate();
  return {
    ...db,
    close: async () => {
      await db.close();
      await server.drop();
    },
  };
}
