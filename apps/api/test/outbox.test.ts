import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type MailMessage } from '@portal/mail';
import Fastify from 'fastify';
import { MAX_BACKOFF_MS, backoffMs, createOutboxWorker } from '../src/infra/outbox.worker.ts';
import { companyIdOf, loginAs, startTestApp, type TestContext } from './helpers.ts';

let t: TestContext;
let buyer: string;
let northwind: string;

beforeAll(async () => {
  t = await startTestApp();
  buyer = await loginAs(t.app, 'buyer@demo.example');
  northwind = await companyIdOf(t.db, 'buyer@demo.example');
});
afterAll(() => t.close());

const silentLog = { warn: () => {}, error: () => {} };

/** Queues exactly one mail through the API: an invitation. */
async function queueInvitation(email: string) {
  const res = await t.app.inject({ method: 'POST', url: `/api/companies/${northwind}/invitations`, headers: { cookie: buyer }, payload: { email } });
  expect(res.statusCode).toBe(201);
  const events = await t.db.prisma.outboxEvent.findMany({ where: { topic: 'company.user.invited' } });
  const event = events.find((e) => (e.payload as { to: string }).to === email);
  if (!event) throw new Error(`no outbox event for ${email}`);
  return event.id;
}

const event = (id: string) => t.db.prisma.outboxEvent.findUniqueOrThrow({ where: { id } });
const deliveredTo = (email: string) => t.smtp.messages.filter((m) => m.to.includes(email));

describe('backoffMs', () => {
  it('doubles from 5 seconds and stops at ten minutes, however many attempts', () => {
    expect([1, 2, 3, 4, 5].map(backoffMs)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
    expect(backoffMs(7)).toBe(320_000);
    expect(backoffMs(8)).toBe(MAX_BACKOFF_MS);
    expect(MAX_BACKOFF_MS).toBe(600_000);
    expect(backoffMs(50)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(2000)).toBe(MAX_BACKOFF_MS);
  });
  it('treats a zeroth or negative attempt as the first', () => {
    expect(backoffMs(0)).toBe(5_000);
    expect(backoffMs(-3)).toBe(5_000);
  });
  it('never shrinks as attempts grow', () => {
    for (let n = 1; n < 40; n++) expect(backoffMs(n + 1)).toBeGreaterThanOrEqual(backoffMs(n));
  });
});

describe('mail while the SMTP server refuses', () => {
  it('keeps the event, retries after the backoff, and delivers exactly once', async () => {
    const id = await queueInvitation('retry@northwind.example');
    expect(await event(id)).toMatchObject({ status: 'PENDING', attempts: 0, lastError: null });

    t.smtp.failNext(2);
    expect(await t.app.workers.mail.runOnce()).toBe(0);
    const afterFirst = await event(id);
    expect(afterFirst).toMatchObject({ status: 'PENDING', attempts: 1, lockedUntil: null, deliveredAt: null });
    expect(afterFirst.lastError).toMatch(/451/);
    expect(afterFirst.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + backoffMs(1));
    expect(deliveredTo('retry@northwind.example')).toHaveLength(0);

    // Not yet due: nothing is tried.
    expect(await t.app.workers.mail.runOnce()).toBe(0);
    expect(await event(id)).toMatchObject({ attempts: 1 });
    t.clock.advance(backoffMs(1) - 1);
    expect(await t.app.workers.mail.runOnce()).toBe(0);
    expect(await event(id)).toMatchObject({ attempts: 1 });

    // Due: the second attempt fails too, and waits twice as long.
    t.clock.advance(1);
    expect(await t.app.workers.mail.runOnce()).toBe(0);
    const afterSecond = await event(id);
    expect(afterSecond).toMatchObject({ status: 'PENDING', attempts: 2 });
    expect(afterSecond.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + backoffMs(2));
    expect(await t.app.workers.mail.runOnce()).toBe(0);

    // The server is back: the third attempt delivers.
    t.clock.advance(backoffMs(2));
    expect(await t.app.workers.mail.runOnce()).toBe(1);
    const done = await event(id);
    expect(done).toMatchObject({ status: 'DONE', attempts: 3, lockedUntil: null });
    expect(done.deliveredAt?.getTime()).toBe(t.clock.now().getTime());
    expect(deliveredTo('retry@northwind.example')).toHaveLength(1);

    // Nothing is delivered twice, however often the worker runs.
    t.clock.advance(3_600_000);
    expect(await t.app.workers.mail.runOnce()).toBe(0);
    expect(await t.app.workers.mail.runOnce()).toBe(0);
    expect(deliveredTo('retry@northwind.example')).toHaveLength(1);
  });

  it('a registration’s three mails all arrive once, though the first two attempts fail', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/auth/register',
      payload: { company: { name: 'Delta Homeware Oy', country: 'FI', addressLine1: 'Satamakatu 1', city: 'Helsinki' }, user: { name: 'Mika Virtanen', email: 'mika@delta.example', password: 'Homeware-2026' } },
    });
    expect(res.statusCode).toBe(202);
    // The buyer confirms the address by the mailed link; then the three mails of a registration go out.
    const link = await t.db.prisma.outboxEvent.findFirstOrThrow({ where: { topic: 'auth.email.verify' } });
    expect(await t.app.workers.mail.runOnce()).toBe(1);
    const token = /verify-email#([A-Za-z0-9_-]+)/.exec((link.payload as { text: string }).text)![1];
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } })).statusCode).toBe(200);
    const recipients = ['mika@delta.example', 'manager@demo.example', 'admin@demo.example'];
    const pending = () => t.db.prisma.outboxEvent.findMany({ where: { status: 'PENDING' } });
    expect((await pending()).map((e) => (e.payload as { to: string }).to).sort()).toEqual([...recipients].sort());
    const before = t.smtp.messages.length;

    t.smtp.failNext(2);
    expect(await t.app.workers.mail.runOnce()).toBe(1);
    const waiting = await pending();
    expect(waiting).toHaveLength(2);
    for (const e of waiting) {
      expect(e).toMatchObject({ attempts: 1 });
      expect(e.lastError).toMatch(/451/);
      expect(e.nextAttemptAt.getTime()).toBeGreaterThan(t.clock.now().getTime());
    }
    expect(await t.app.workers.mail.runOnce()).toBe(0);

    t.clock.advance(backoffMs(1));
    expect(await t.app.workers.mail.runOnce()).toBe(2);
    expect(await pending()).toHaveLength(0);
    const arrived = t.smtp.messages.slice(before).flatMap((m) => m.to);
    expect(arrived.sort()).toEqual([...recipients].sort());
  });

  it('mail queued while the server is down is not lost across a restart of the worker', async () => {
    const id = await queueInvitation('restart@northwind.example');
    t.smtp.failNext(1);
    expect(await t.app.workers.mail.runOnce()).toBe(0);
    // A worker started afresh (as after a restart) finds the event in the database.
    const fresh = createOutboxWorker({
      db: t.db.prisma, channel: 'mail', clock: t.clock, log: silentLog,
      handle: async (_topic, payload) => {
        const mailer = createMailer({ kind: 'smtp', url: t.smtp.url, from: 'portal@harbour-homeware.example' });
        try {
          await mailer.send(payload as MailMessage);
        } finally {
          mailer.close();
        }
      },
    });
    t.clock.advance(backoffMs(1));
    expect(await fresh.runOnce()).toBe(1);
    expect(await event(id)).toMatchObject({ status: 'DONE', attempts: 2 });
    expect(deliveredTo('restart@northwind.example')).toHaveLength(1);
  });
});

describe('the outbox worker', () => {
  async function queue(channel: string, n: number) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const e = await t.db.prisma.outboxEvent.create({ data: { channel, topic: 'test', payload: { i }, nextAttemptAt: t.clock.now() } });
      ids.push(e.id);
    }
    return ids;
  }

  it('never gives up on a failure that waiting can cure: 200 attempts later it is still retried, then delivered', async () => {
    const [id] = await queue('forever', 1);
    let down = true;
    const worker = createOutboxWorker({
      db: t.db.prisma, channel: 'forever', clock: t.clock, log: silentLog,
      handle: async () => {
        if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      },
    });
    // 200 attempts at the capped backoff: over 30 hours of outage (the old worker gave up after 12).
    for (let attempt = 1; attempt <= 200; attempt++) {
      expect(await worker.runOnce()).toBe(0);
      const e = await event(id!);
      expect(e).toMatchObject({ status: 'PENDING', attempts: attempt });
      expect(e.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(backoffMs(attempt));
      t.clock.advance(backoffMs(attempt));
    }
    down = false;
    expect(await worker.runOnce()).toBe(1);
    expect(await event(id!)).toMatchObject({ status: 'DONE', attempts: 201 });
  });

  it('holds a refusal for good (DEAD) for an administrator at once, and logs it through a real logger', async () => {
    const [id] = await queue('held', 1);
    const lines: string[] = [];
    const logged = Fastify({ logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } });
    const worker = createOutboxWorker({
      db: t.db.prisma, channel: 'held', clock: t.clock, log: logged.log,
      isPermanent: (err) => (err as { responseCode?: number }).responseCode === 550,
      handle: async () => {
        throw Object.assign(new Error('550 5.1.1 mailbox unavailable'), { responseCode: 550 });
      },
    });
    expect(await worker.runOnce()).toBe(0);
    expect(await event(id!)).toMatchObject({ status: 'DEAD', attempts: 1, lastError: '550 5.1.1 mailbox unavailable' });
    expect(lines.map((l) => JSON.parse(l) as { msg: string; level: number })).toEqual([
      expect.objectContaining({ level: 50, msg: 'outbox delivery refused for good; held for an administrator', eventId: id }),
    ]);
    t.clock.advance(3_600_000);
    expect(await worker.runOnce()).toBe(0);
    expect(await event(id!)).toMatchObject({ status: 'DEAD', attempts: 1 });
    await logged.close();
  });

  it('one failed delivery in a batch does not hold back the others: they go out in the same round, logged through a real logger', async () => {
    const ids = await queue('batch', 6);
    const lines: string[] = [];
    const logged = Fastify({ logger: { level: 'warn', stream: { write: (line: string) => void lines.push(line) } } });
    const delivered: number[] = [];
    const worker = createOutboxWorker({
      db: t.db.prisma, channel: 'batch', clock: t.clock, log: logged.log,
      handle: async (_topic, payload) => {
        const { i } = payload as { i: number };
        if (i === 2) throw new Error('451 try again later');
        delivered.push(i);
      },
    });
    expect(await worker.runOnce()).toBe(5);
    expect(delivered.sort()).toEqual([0, 1, 3, 4, 5]);
    const rows = await t.db.prisma.outboxEvent.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.status)).toEqual(['DONE', 'DONE', 'PENDING', 'DONE', 'DONE', 'DONE']);
    // Nothing stays locked: the failed one waits for its retry, not for a lease.
    expect(rows.every((r) => r.lockedUntil === null)).toBe(true);
    expect(rows[2]).toMatchObject({ attempts: 1, lastError: '451 try again later' });
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['outbox delivery failed; will retry']);
    await logged.close();
  });

  it('delivers several at once, never more than its concurrency', async () => {
    await queue('parallel', 12);
    let inFlight = 0;
    let most = 0;
    const worker = createOutboxWorker({
      db: t.db.prisma, channel: 'parallel', clock: t.clock, log: silentLog, concurrency: 4,
      handle: async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight -= 1;
      },
    });
    expect(await worker.runOnce()).toBe(12);
    expect(most).toBe(4);
  });

  it('when a delivery succeeds again, events waiting out a long backoff become due at once', async () => {
    const [early] = await queue('recovery', 1);
    let down = true;
    const worker = createOutboxWorker({
      db: t.db.prisma, channel: 'recovery', clock: t.clock, log: silentLog,
      handle: async () => {
        if (down) throw new Error('connect ECONNREFUSED');
      },
    });
    for (let attempt = 1; attempt <= 9; attempt++) {
      await worker.runOnce();
      t.clock.advance(backoffMs(attempt));
    }
    await worker.runOnce();
    expect((await event(early!)).nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + MAX_BACKOFF_MS);
    // The server is back; a new event goes out, and the old one is due now rather than in ten minutes.
    down = false;
    t.clock.advance(1_000);
    const [late] = await queue('recovery', 1);
    expect(await worker.runOnce()).toBe(1);
    expect(await event(late!)).toMatchObject({ status: 'DONE' });
    expect((await event(early!)).nextAttemptAt.getTime()).toBe(t.clock.now().getTime());
    expect(await worker.runOnce()).toBe(1);
    expect(await event(early!)).toMatchObject({ status: 'DONE', attempts: 11 });
  });

  it('while deliveries fail, a probe that finds the server answering makes the backlog due', async () => {
    const [id] = await queue('probe', 1);
    let up = false;
    const worker = createOutboxWorker({
      db: t.db.prisma, channel: 'probe', clock: t.clock, log: silentLog, pollMs: 10, probeMs: 0,
      probe: async () => up,
      handle: async () => {
        if (!up) throw new Error('connect ECONNREFUSED');
      },
    });
    worker.start();
    await expect.poll(async () => (await event(id!)).attempts, { timeout: 5_000 }).toBe(1);
    expect((await event(id!)).nextAttemptAt.getTime()).toBeGreaterThan(t.clock.now().getTime());
    up = true;
    await expect.poll(async () => (await event(id!)).status, { timeout: 5_000 }).toBe('DONE');
    await worker.stop();
  });

  it('two workers running at once hand each event to one of them only', async () => {
    const ids = await queue('concurrent', 6);
    const handled: string[] = [];
    const make = (name: string) =>
      createOutboxWorker({
        db: t.db.prisma, channel: 'concurrent', clock: t.clock, log: silentLog,
        handle: async (_topic, payload) => {
          await new Promise((r) => setTimeout(r, 5));
          handled.push(`${name}:${(payload as { i: number }).i}`);
        },
      });
    const [a, b] = [make('a'), make('b')];
    const counts = await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(6);
    expect(handled.map((h) => h.split(':')[1]).sort()).toEqual(['0', '1', '2', '3', '4', '5']);
    const rows = await t.db.prisma.outboxEvent.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === 'DONE' && r.attempts === 1)).toBe(true);
  });

  it('a claimed event whose lease expired (a crashed worker) is delivered by another', async () => {
    const [id] = await queue('lease', 1);
    // A worker claimed it and died before delivering: the lease runs for a minute.
    await t.db.prisma.outboxEvent.update({ where: { id: id! }, data: { lockedUntil: new Date(t.clock.now().getTime() + 60_000) } });
    const handled: unknown[] = [];
    const worker = createOutboxWorker({ db: t.db.prisma, channel: 'lease', clock: t.clock, log: silentLog, handle: async (_t, p) => void handled.push(p) });
    expect(await worker.runOnce()).toBe(0);
    t.clock.advance(60_001);
    expect(await worker.runOnce()).toBe(1);
    expect(handled).toEqual([{ i: 0 }]);
  });

  it('start() polls and stop() waits for the round in progress', async () => {
    const [id] = await queue('polling', 1);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = false;
    const worker = createOutboxWorker({
      db: t.db.prisma, channel: 'polling', clock: t.clock, log: silentLog, pollMs: 10,
      handle: async () => {
        started = true;
        await gate;
      },
    });
    worker.start();
    await expect.poll(() => started, { timeout: 5_000 }).toBe(true);
    const stopping = worker.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await event(id!)).toMatchObject({ status: 'DONE' });
  });
});
