import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, seedDemoData, type Database } from '@portal/db';
import { openTestDatabase } from '@portal/db/testing';
import { createMailer } from '@portal/mail';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createSessionDirectory, SESSION_CHANNEL, type SessionDirectory } from '../src/infra/session-directory.ts';
import { companyIdOf, loginAs, startTestApp, type TestContext } from './helpers.ts';

// Session state is kept in memory per process and must stay exact: every change to what a session
// depends on reaches every process through NOTIFY (database triggers), and a process forgets at
// once what it changed itself.

const onServer = Boolean(process.env.TEST_DATABASE_URL);

async function userId(db: Database, email: string) {
  return (await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** Changes a user behind the directory's back: with the notify trigger off, as a broken deployment would. */
async function updateSilently(db: Database, sql: string) {
  await db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('ALTER TABLE "User" DISABLE TRIGGER "User_session_notify"');
    await tx.$executeRawUnsafe(sql);
    await tx.$executeRawUnsafe('ALTER TABLE "User" ENABLE TRIGGER "User_session_notify"');
  });
}

describe('the session directory', () => {
  let db: Database;
  let sessions: SessionDirectory;
  let buyer: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    await seedDemoData(db.prisma);
    sessions = await createSessionDirectory({ prisma: db.prisma, listen: db.listen });
    buyer = await userId(db, 'buyer@demo.example');
  });
  afterAll(async () => {
    await sessions.close();
    await db.close();
  });

  it('reads a user once and keeps it while nothing changes', async () => {
    expect(sessions.caching).toBe(true);
    const first = await sessions.get(buyer);
    expect(first).toMatchObject({ userId: buyer, role: 'BUYER', status: 'ACTIVE', companyStatus: 'APPROVED', isCompanyAdmin: true });
    // Proof that the second answer comes from memory: a change the triggers do not announce is not seen…
    await updateSilently(db, `UPDATE "User" SET "status" = 'DISABLED' WHERE "id" = '${buyer}'`);
    expect((await sessions.get(buyer))?.status).toBe('ACTIVE');
    // …until the process forgets the user, as the services do after their own changes.
    sessions.forgetUser(buyer);
    expect((await sessions.get(buyer))?.status).toBe('DISABLED');
    await db.prisma.user.update({ where: { id: buyer }, data: { status: 'ACTIVE' } });
    await sessions.sync();
    expect((await sessions.get(buyer))?.status).toBe('ACTIVE');
  });

  it('hears of every change that can end a session, made anywhere', async () => {
    await sessions.get(buyer);
    const changes: [string, (s: Awaited<ReturnType<SessionDirectory['get']>>) => unknown, unknown][] = [
      [`UPDATE "User" SET "status" = 'DISABLED' WHERE "id" = '${buyer}'`, (s) => s?.status, 'DISABLED'],
      [`UPDATE "User" SET "status" = 'ACTIVE', "isCompanyAdmin" = false WHERE "id" = '${buyer}'`, (s) => s?.isCompanyAdmin, false],
      [`UPDATE "User" SET "isCompanyAdmin" = true, "passwordChangedAt" = '2030-01-01T00:00:00Z' WHERE "id" = '${buyer}'`, (s) => s?.passwordVersion, Date.parse('2030-01-01T00:00:00Z')],
    ];
    for (const [sql, read, expected] of changes) {
      await db.prisma.$executeRawUnsafe(sql);
      await sessions.sync();
      expect(read(await sessions.get(buyer)), sql).toEqual(expected);
    }
    // A company decision reaches all of its users.
    const companyId = await companyIdOf(db, 'buyer@demo.example');
    await db.prisma.company.update({ where: { id: companyId }, data: { status: 'SUSPENDED' } });
    await sessions.sync();
    expect((await sessions.get(buyer))?.companyStatus).toBe('SUSPENDED');
    await db.prisma.company.update({ where: { id: companyId }, data: { status: 'APPROVED' } });
    await sessions.sync();
    expect((await sessions.get(buyer))?.companyStatus).toBe('APPROVED');
  });

  it('is not told of changes that cannot affect a session', async () => {
    const heard: string[] = [];
    const listener = await db.listen(SESSION_CHANNEL, { message: (p) => heard.push(p) });
    try {
      await db.prisma.user.update({ where: { id: buyer }, data: { name: 'Renamed Buyer', lastLoginAt: new Date() } });
      await db.prisma.user.update({ where: { id: buyer }, data: { status: 'DISABLED' } });
      await db.prisma.user.update({ where: { id: buyer }, data: { status: 'ACTIVE' } });
      await sessions.sync();
      // This listener is a connection of its own: it may hear the last change a moment after the directory's sync.
      await vi.waitFor(() => expect(heard.filter((p) => !p.startsWith('sync:'))).toEqual([`user:${buyer}`, `user:${buyer}`]));
    } finally {
      await listener.close();
    }
  });

  it('does not keep a read that started before a change was announced', async () => {
    sessions.forgetUser(buyer);
    const racing = sessions.get(buyer); // reads ACTIVE…
    sessions.forgetUser(buyer); // …while a change is announced
    expect((await racing)?.status).toBe('ACTIVE');
    await updateSilently(db, `UPDATE "User" SET "status" = 'DISABLED' WHERE "id" = '${buyer}'`);
    // Had the racing read been kept, this would still say ACTIVE.
    expect((await sessions.get(buyer))?.status).toBe('DISABLED');
    await db.prisma.user.update({ where: { id: buyer }, data: { status: 'ACTIVE' } });
    await sessions.sync();
  });

  it('keeps at most maxEntries users, and reads again after maxAgeMs', async () => {
    let now = 0;
    const small = await createSessionDirectory({ prisma: db.prisma, listen: db.listen, maxEntries: 2, maxAgeMs: 1_000, now: () => now });
    try {
      const ids = await Promise.all(['buyer@demo.example', 'buyer2@demo.example', 'clerk@demo.example'].map((e) => userId(db, e)));
      for (const id of ids) await small.get(id);
      expect(small.size).toBe(2);
      await small.get(ids[2]!);
      await updateSilently(db, `UPDATE "User" SET "isCompanyAdmin" = NOT "isCompanyAdmin" WHERE "id" = '${ids[2]}'`);
      const before = (await small.get(ids[2]!))!.isCompanyAdmin;
      now += 1_001;
      expect((await small.get(ids[2]!))!.isCompanyAdmin).toBe(!before);
      await updateSilently(db, `UPDATE "User" SET "isCompanyAdmin" = NOT "isCompanyAdmin" WHERE "id" = '${ids[2]}'`);
    } finally {
      await small.close();
    }
  });

  it('keeps nothing while the change channel is down, and starts empty when it is back', async () => {
    let emit: ((live: boolean) => void) | undefined;
    let live = true;
    const flaky = await createSessionDirectory({
      prisma: db.prisma,
      // The real channel, with a switch to take it down.
      listen: async (channel, handlers) => {
        const inner = await db.listen(channel, handlers);
        emit = (next) => {
          live = next;
          handlers.state?.(next);
        };
        return { get live() { return live && inner.live; }, close: () => inner.close() };
      },
    });
    try {
      await flaky.get(buyer);
      expect(flaky.size).toBe(1);
      emit!(false);
      expect(flaky.caching).toBe(false);
      expect(flaky.size).toBe(0);
      await updateSilently(db, `UPDATE "User" SET "status" = 'DISABLED' WHERE "id" = '${buyer}'`);
      expect((await flaky.get(buyer))?.status).toBe('DISABLED');
      expect(flaky.size).toBe(0);
      await updateSilently(db, `UPDATE "User" SET "status" = 'ACTIVE' WHERE "id" = '${buyer}'`);
      expect((await flaky.get(buyer))?.status).toBe('ACTIVE');
      emit!(true);
      expect(flaky.caching).toBe(true);
      await flaky.get(buyer);
      expect(flaky.size).toBe(1);
    } finally {
      await flaky.close();
    }
  });

  it.runIf(onServer)('reconnects after losing its connection, forgetting what it held', async () => {
    const states: boolean[] = [];
    const own = await createSessionDirectory({
      prisma: db.prisma,
      listen: (channel, handlers) => db.listen(channel, { ...handlers, state: (live) => (states.push(live), handlers.state?.(live)) }),
    });
    try {
      await own.get(buyer);
      expect(own.size).toBe(1);
      // Kill every listening backend of this database but ours (the Prisma pool does not LISTEN).
      await db.prisma.$executeRawUnsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`);
      await expect.poll(() => states.includes(false), { timeout: 5_000 }).toBe(true);
      expect(own.size).toBe(0);
      await expect.poll(() => own.caching, { timeout: 10_000 }).toBe(true);
      await db.prisma.user.update({ where: { id: buyer }, data: { status: 'DISABLED' } });
      await own.sync();
      expect((await own.get(buyer))?.status).toBe('DISABLED');
      await db.prisma.user.update({ where: { id: buyer }, data: { status: 'ACTIVE' } });
      await own.sync();
      expect((await own.get(buyer))?.status).toBe('ACTIVE');
    } finally {
      await own.close();
    }
  });
});

describe('sessions through the API', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('a colleague disabled by the company admin is signed out at the next request', async () => {
    const admin = await loginAs(t.app, 'buyer@demo.example');
    const colleague = await loginAs(t.app, 'purchasing@demo.example');
    const companyId = await companyIdOf(t.db, 'buyer@demo.example');
    const id = await userId(t.db, 'purchasing@demo.example');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: colleague } })).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/companies/${companyId}/users/${id}`, headers: { cookie: admin }, payload: { status: 'DISABLED' } });
    expect(res.statusCode).toBe(200);
    // No sync here: the process that made the change forgets at once.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: colleague } })).statusCode).toBe(401);
    await t.app.inject({ method: 'PATCH', url: `/api/companies/${companyId}/users/${id}`, headers: { cookie: admin }, payload: { status: 'ACTIVE' } });
  });

  it('a suspended company’s buyers lose their prices at the next request', async () => {
    const buyer = await loginAs(t.app, 'buyer@demo.example');
    const manager = await loginAs(t.app, 'manager@demo.example');
    const companyId = await companyIdOf(t.db, 'buyer@demo.example');
    const search = async () => (await t.app.inject({ method: 'GET', url: '/api/catalog/search?q=', headers: { cookie: buyer } })).json() as { pricesVisible: boolean };
    expect((await search()).pricesVisible).toBe(true);
    const suspend = await t.app.inject({ method: 'POST', url: `/api/companies/${companyId}/review`, headers: { cookie: manager }, payload: { decision: 'SUSPEND', reason: 'Overdue payments' } });
    expect(suspend.statusCode, suspend.body).toBe(200);
    expect((await search()).pricesVisible).toBe(false);
    const reinstate = await t.app.inject({ method: 'POST', url: `/api/companies/${companyId}/review`, headers: { cookie: manager }, payload: { decision: 'REINSTATE' } });
    expect(reinstate.statusCode, reinstate.body).toBe(200);
    expect((await search()).pricesVisible).toBe(true);
  });

  it('a password change keeps this device signed in and ends the others at once', async () => {
    const here = await loginAs(t.app, 'buyer2@demo.example');
    const there = await loginAs(t.app, 'buyer2@demo.example');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: here }, payload: { currentPassword: 'demo-Passw0rd', newPassword: 'another-Passw0rd-9' } });
    expect(res.statusCode, res.body).toBe(200);
    const fresh = res.cookies.filter((c) => c.value !== '').map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: fresh } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: there } })).statusCode).toBe(401);
  });

  it.runIf(onServer)('a change made through one API process ends the session in another', async () => {
    // A second portal process on the same database, as behind a load balancer.
    const [row] = await t.db.prisma.$queryRawUnsafe<{ name: string }[]>('SELECT current_database() AS name');
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${row!.name}`;
    const otherDb = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing', PUBLIC_URL: 'http://portal.test', WEB_DIST: '/nonexistent', DATA_DIR: '/tmp/portal-test-data', MAIL: 'capture' });
    const mailer = createMailer(config.mail);
    const other = await buildApp({ config, db: otherDb, mailer, logger: false });
    try {
      const admin = await loginAs(t.app, 'buyer@demo.example');
      const colleague = await loginAs(t.app, 'purchasing@demo.example');
      const me = () => other.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: colleague } });
      expect((await me()).statusCode).toBe(200); // now held by the other process
      const companyId = await companyIdOf(t.db, 'buyer@demo.example');
      const id = await userId(t.db, 'purchasing@demo.example');
      await t.app.inject({ method: 'PATCH', url: `/api/companies/${companyId}/users/${id}`, headers: { cookie: admin }, payload: { status: 'DISABLED' } });
      await other.sessions.sync();
      expect((await me()).statusCode).toBe(401);
      await t.app.inject({ method: 'PATCH', url: `/api/companies/${companyId}/users/${id}`, headers: { cookie: admin }, payload: { status: 'ACTIVE' } });
      await other.sessions.sync();
      // Disabling ended the session; enabling again does not bring it back: the colleague signs in anew.
      expect((await me()).statusCode).toBe(401);
      const again = await loginAs(t.app, 'purchasing@demo.example');
      expect((await other.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: again } })).statusCode).toBe(200);
    } finally {
      await other.close();
      mailer.close();
      await otherDb.close();
    }
  });
});
