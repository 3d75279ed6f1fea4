import Fastify from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import errorsPlugin from '../src/plugins/errors.ts';
import { startTestApp, type TestContext } from './helpers.ts';

// Connections cut under the app (PostgreSQL code 57P01, as when an administrator or a failover
// terminates them): reads are repeated once on a fresh connection, anything else answers 503
// with Retry-After, never 500. Only the PostgreSQL server has connections to cut.
const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)('a database connection cut under the app', () => {
  let t: TestContext;
  let admin: pg.Client;
  let database: string;

  beforeAll(async () => {
    t = await startTestApp();
    database = (await t.db.prisma.$queryRaw<{ db: string }[]>`SELECT current_database() AS db`)[0]!.db;
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  /** Terminates the app's connections to its database that run `like`, once one does; resolves with how many. */
  async function terminateWhenRunning(like: string): Promise<number> {
    for (let i = 0; i < 200; i++) {
      const { rows } = await admin.query(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND query LIKE $2 AND state = 'active'`,
        [database, like],
      );
      if (rows.length) return rows.length;
      await new Promise((r) => setTimeout(r, 10));
    }
    return 0;
  }

  it('repeats a read whose connection was terminated mid-query, on a fresh connection', async () => {
    // A Prisma query starts when it is awaited or then'd: start it now.
    const read = (async () => t.db.prisma.$queryRaw<{ n: number }[]>`SELECT pg_sleep(0.4)::text AS slept, 42 AS n`)();
    expect(await terminateWhenRunning('SELECT pg_sleep(0.4)::text%')).toBe(1);
    expect((await read)[0]!.n).toBe(42);
  });

  it('does not repeat a write: its error is one that the API answers with 503 and Retry-After', async () => {
    const write = (async () => t.db.prisma.$executeRaw`UPDATE "Setting" SET "key" = "key" WHERE pg_sleep(0.4) IS NOT NULL`)().catch((e: unknown) => e);
    expect(await terminateWhenRunning('UPDATE "Setting"%')).toBe(1);
    const err = await write;
    expect(err).toBeInstanceOf(Error);

    const probe = Fastify({ logger: false });
    await probe.register(errorsPlugin);
    probe.get('/write', async () => {
      throw err;
    });
    const res = await probe.inject({ method: 'GET', url: '/write' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
    await probe.close();
  });

  it('answers every request while all its connections are terminated every 150 ms: no 500', async () => {
    const statuses: number[] = [];
    let cutting = true;
    const cutter = (async () => {
      while (cutting) {
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
        await new Promise((r) => setTimeout(r, 150));
      }
    })();
    const urls = ['/api/catalog/search?q=bottle', '/api/catalog/categories', '/api/catalog/supplier', '/api/health'];
    try {
      for (let round = 0; round < 15; round++) {
        const answers = await Promise.all(urls.map((url) => t.app.inject({ method: 'GET', url })));
        answers.forEach((a, i) => {
          statuses.push(a.statusCode);
          if (a.statusCode === 503 && urls[i] !== '/api/health') expect(a.headers['retry-after']).toBe('2');
        });
      }
    } finally {
      cutting = false;
      await cutter;
    }
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    // Most reads get through on the repeat.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(statuses.length / 4);
  });
});
