import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@portal/db';
import { createMailer } from '@portal/mail';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { cookiesFrom, demoPassword, startTestApp, type TestContext } from './helpers.ts';

/*
 * The outside test's finding: a copied access cookie answered GET /api/auth/me 200 for up to 15
 * minutes after logout, and after a detected refresh-token replay. Access tokens now belong to a
 * session (the sid claim) that logout and replay detection end at once, in every process.
 */
const onServer = Boolean(process.env.TEST_DATABASE_URL);
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function login(email = 'buyer@demo.example') {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: demoPassword } });
  expect(res.statusCode, res.body).toBe(200);
  const access = res.cookies.find((c) => c.name === 'portal_access')!.value;
  const refresh = res.cookies.find((c) => c.name === 'portal_refresh')!.value;
  return { cookie: cookiesFrom(res), access: `portal_access=${access}`, refresh: `portal_refresh=${refresh}` };
}
const me = (cookie: string, app = t.app) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }).then((r) => r.statusCode);

describe('an access token lives only as long as its session', () => {
  it('logout ends it at once, even for a copy of the access cookie', async () => {
    const s = await login();
    expect(await me(s.access)).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(out.statusCode).toBe(204);
    expect(await me(s.access)).toBe(401);
  });

  it('logout with the access cookie alone ends that session too', async () => {
    const s = await login();
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.access } })).statusCode).toBe(204);
    expect(await me(s.access)).toBe(401);
    const refreshed = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: s.refresh } });
    expect(refreshed.statusCode).toBe(401);
  });

  it('signing out on one device leaves the others signed in', async () => {
    const laptop = await login();
    const phone = await login();
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: laptop.cookie } });
    expect(await me(laptop.access)).toBe(401);
    expect(await me(phone.access)).toBe(200);
  });

  it('a refresh keeps the session: the older access token stays valid until it expires', async () => {
    const s = await login();
    const refreshed = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: s.refresh } });
    expect(refreshed.statusCode).toBe(200);
    expect(await me(s.access)).toBe(200);
    expect(await me(cookiesFrom(refreshed))).toBe(200);
  });

  it('a replayed refresh token ends every session of the user at once', async () => {
    const victim = await login('buyer2@demo.example');
    const other = await login('buyer2@demo.example');
    const rotated = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: victim.refresh } });
    expect(rotated.statusCode).toBe(200);
    // The stolen, already used refresh token is presented again.
    const replay = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: victim.refresh } });
    expect(replay.statusCode).toBe(401);
    expect(await me(victim.access)).toBe(401);
    expect(await me(cookiesFrom(rotated))).toBe(401);
    expect(await me(other.access)).toBe(401);
  });

  it('a token without a session id is refused', async () => {
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'buyer@demo.example' } });
    const legacy = t.app.jwt.sign({ sub: user.id, role: 'BUYER', pwv: user.passwordChangedAt.getTime() } as never);
    expect(await me(`portal_access=${legacy}`)).toBe(401);
  });

  it.runIf(onServer)('a logout through one API process ends the session in another', async () => {
    const [row] = await t.db.prisma.$queryRawUnsafe<{ name: string }[]>('SELECT current_database() AS name');
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${row!.name}`;
    const otherDb = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing', PUBLIC_URL: 'http://portal.test', WEB_DIST: '/nonexistent', DATA_DIR: '/tmp/portal-test-data' });
    const mailer = createMailer(config.mail);
    const other = await buildApp({ config, db: otherDb, mailer, logger: false });
    try {
      const s = await login();
      expect(await me(s.access, other)).toBe(200); // now held by the other process
      await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
      await other.sessions.sync();
      expect(await me(s.access, other)).toBe(401);
    } finally {
      await other.close();
      mailer.close();
      await otherDb.close();
    }
  });
});
