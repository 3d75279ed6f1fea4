// Three portal processes on one PostgreSQL database, as behind a load balancer: the login limit is
// one limit for all of them, 1,000 queued mails are delivered exactly once between them, and a
// session revoked in one process is refused by the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestSmtpServer } from '../packages/mail/src/testing.ts';
import { startTestMeilisearch } from '../packages/search/src/testing.ts';
import { createServerDatabase, figure, login, startPortal, type Portal } from './harness.ts';

let database: Awaited<ReturnType<typeof createServerDatabase>>;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let meili: Awaited<ReturnType<typeof startTestMeilisearch>>;
let portals: Portal[] = [];
let sql: pg.Client;

beforeAll(async () => {
  [database, smtp, meili] = await Promise.all([createServerDatabase(), startTestSmtpServer(), startTestMeilisearch()]);
  const env = {
    DATABASE_URL: database.url,
    DEMO_DATA: 'true',
    SMTP_URL: smtp.url,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX: `products_faults_${process.pid}`,
    LOGIN_RATE_LIMIT: '5',
    DATA_DIR: `/tmp/portal-faults-several-${process.pid}`,
    DATABASE_POOL_SIZE: '5',
  };
  // All three at once on an empty database: migrations and the seed take turns (advisory locks).
  portals = [startPortal(env), startPortal(env), startPortal(env)];
  const times = await Promise.all(portals.map((p) => p.ready()));
  figure('three processes on one empty PostgreSQL database ready after (ms)', times.join(', '));
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  for (const p of portals) p.kill('SIGTERM');
  const exits = await Promise.all(portals.map((p) => p.exited));
  expect(exits.map((e) => e.code)).toEqual(portals.map(() => 0));
  await smtp?.close();
  await meili?.stop();
  await database?.drop();
});

describe('three portal processes on one PostgreSQL database', () => {
  it('share one login limit: the sixth wrong attempt is refused by whichever process gets it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) {
      const portal = portals[i % 3]!;
      statuses.push((await login(portal.url, 'buyer@demo.example', `wrong-password-${i}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429]);
  });

  it('deliver 1,000 queued mails exactly once between them', async () => {
    const before = smtp.messages.length;
    const values = Array.from({ length: 1000 }, (_, i) => `('mail', 'fault.burst', '${JSON.stringify({ to: `burst-${i}@example.com`, subject: `Burst ${i}`, text: `Message ${i}` })}'::jsonb, now(), now())`);
    const started = Date.now();
    await sql.query(`INSERT INTO "OutboxEvent" ("id", "channel", "topic", "payload", "nextAttemptAt", "createdAt") SELECT gen_random_uuid(), c, t, p, n, cr FROM (VALUES ${values.join(',')}) AS v(c, t, p, n, cr)`);
    const deadline = Date.now() + 180_000;
    for (;;) {
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "OutboxEvent" WHERE "topic" = 'fault.burst' AND "status" = 'DONE'`);
      if (rows[0].n === 1000) break;
      if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of 1000 delivered in 180 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (Date.now() - started) / 1000;
    figure('1,000 mails through three processes (pooled SMTP)', `${seconds.toFixed(1)} s, ${(1000 / seconds).toFixed(0)} mails/s`);
    // Settle: anything delivered twice would arrive within the lease; none does.
    await new Promise((r) => setTimeout(r, 500));
    const burst = smtp.messages.slice(before).filter((m) => m.to[0]?.startsWith('burst-'));
    expect(burst).toHaveLength(1000);
    expect(new Set(burst.map((m) => m.to[0])).size).toBe(1000);
    const { rows } = await sql.query(`SELECT "attempts", count(*)::int AS n FROM "OutboxEvent" WHERE "topic" = 'fault.burst' GROUP BY "attempts"`);
    expect(rows).toEqual([{ attempts: 1, n: 1000 }]);
  });

  it('a session revoked in one process is refused by the other two', async () => {
    const email = 'purchasing@demo.example';
    const { cookie } = await login(portals[0]!.url, email);
    const me = (p: Portal, c = cookie) => fetch(`${p.url}/api/auth/me`, { headers: { cookie: c } }).then(async (r) => (await r.body?.cancel(), r.status));
    // Every process has the user's session state in memory now.
    expect(await Promise.all(portals.map((p) => me(p)))).toEqual([200, 200, 200]);
    // An administrator, on the second process, takes the user's account away.
    const admin = await login(portals[1]!.url, 'admin@demo.example');
    expect(admin.status).toBe(200);
    const user = await sql.query(`SELECT "id", "companyId" FROM "User" WHERE "email" = $1`, [email]);
    const { id, companyId } = user.rows[0] as { id: string; companyId: string };
    const res = await fetch(`${portals[1]!.url}/api/companies/${companyId}/users/${id}`, {
      method: 'PATCH', headers: { cookie: admin.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'DISABLED' }),
    });
    expect(res.status).toBe(200);
    // NOTIFY reaches the other processes: the same access cookie is refused there at once.
    for (const p of [portals[0]!, portals[2]!]) {
      let status = 0;
      for (let i = 0; i < 50 && status !== 401; i++) {
        status = await me(p);
        if (status !== 401) await new Promise((r) => setTimeout(r, 20));
      }
      expect(status).toBe(401);
    }
  });
});
