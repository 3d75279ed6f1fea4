// SMTP down for 30 hours of a test clock (the old worker gave up after 12 attempts, about 2.4 h):
// nothing is dropped, health tells, and when the server answers again every mail arrives once.
// Then the pooled transport's throughput, one process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../packages/mail/src/index.ts';
import { startTestSmtpServer } from '../packages/mail/src/testing.ts';
import { MAX_BACKOFF_MS } from '../apps/api/src/infra/outbox.worker.ts';
import { startTestApp, type TestContext } from '../apps/api/test/helpers.ts';
import { figure, takePort } from './harness.ts';

let t: TestContext;
const port = takePort();
beforeAll(async () => {
  // Nothing listens on this port yet: every attempt is refused, as with a mail server that is down.
  t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
});
afterAll(() => t?.close());

describe('SMTP down longer than any retry window', () => {
  it('keeps every mail for 30 hours of retries and delivers each exactly once when the server is back', async () => {
    const n = 10;
    for (let i = 0; i < n; i++) {
      await t.db.prisma.outboxEvent.create({ data: { channel: 'mail', topic: 'fault.outage', payload: { to: `outage-${i}@example.com`, subject: `Outage ${i}`, text: 'x' }, nextAttemptAt: t.clock.now(), createdAt: t.clock.now() } });
    }
    const outageMs = 30 * 3_600_000;
    const end = t.clock.now().getTime() + outageMs;
    let rounds = 0;
    while (t.clock.now().getTime() < end) {
      await t.app.workers.mail.runOnce();
      rounds += 1;
      const next = await t.db.prisma.outboxEvent.findFirst({ where: { topic: 'fault.outage', status: 'PENDING' }, orderBy: { nextAttemptAt: 'asc' }, select: { nextAttemptAt: true } });
      t.clock.advance(Math.max(1, next!.nextAttemptAt.getTime() - t.clock.now().getTime()));
    }
    const rows = await t.db.prisma.outboxEvent.findMany({ where: { topic: 'fault.outage' } });
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => 'PENDING'));
    const attempts = rows.map((r) => r.attempts);
    expect(Math.min(...attempts)).toBeGreaterThan(outageMs / MAX_BACKOFF_MS - 10);
    figure('SMTP down 30 h (test clock): attempts per mail, mails dropped', `${Math.min(...attempts)}–${Math.max(...attempts)}, 0 of ${n}`);
    const health = (await t.app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(health.outbox.mail).toEqual({ waiting: n, retrying: n, stuck: n, held: 0 });
    expect(health.components.mail.status).toBe('degraded');

    // The server is back on the same address.
    const smtp = await startTestSmtpServer({ port });
    try {
      t.clock.advance(MAX_BACKOFF_MS);
      expect(await t.app.workers.mail.runOnce()).toBe(n);
      expect(await t.app.workers.mail.runOnce()).toBe(0);
      const arrived = smtp.messages.map((m) => m.to[0]).sort();
      expect(arrived).toEqual(Array.from({ length: n }, (_, i) => `outage-${i}@example.com`).sort());
      expect(rounds).toBeGreaterThan(150);
    } finally {
      await smtp.close();
    }
  });
});

describe('mail throughput', () => {
  it('pooled SMTP with bounded concurrency delivers a burst of 1,000 mails from one process', async () => {
    const smtp = await startTestSmtpServer({ port });
    try {
      await t.db.prisma.outboxEvent.createMany({
        data: Array.from({ length: 1000 }, (_, i) => ({ channel: 'mail', topic: 'fault.burst', payload: { to: `burst-${i}@example.com`, subject: `Burst ${i}`, text: 'x' }, nextAttemptAt: t.clock.now(), createdAt: t.clock.now() })),
      });
      const started = Date.now();
      expect(await t.app.workers.mail.runOnce()).toBe(1000);
      const seconds = (Date.now() - started) / 1000;
      figure(`1,000 mails, one process on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, pool of 5 SMTP connections, 8 in flight`, `${seconds.toFixed(1)} s, ${(1000 / seconds).toFixed(0)} mails/s`);
      expect(new Set(smtp.messages.map((m) => m.to[0])).size).toBe(1000);

      // For comparison: one SMTP session per message, one at a time (the transport before).
      const single = createMailer({ kind: 'smtp', url: smtp.url, from: 'portal@example.com', pool: 1 });
      const startedSingle = Date.now();
      for (let i = 0; i < 200; i++) await single.send({ to: `single-${i}@example.com`, subject: 's', text: 'x' });
      single.close();
      const perSecond = 200 / ((Date.now() - startedSingle) / 1000);
      figure('200 mails sent one after another on one pooled connection (no outbox)', `${perSecond.toFixed(0)} mails/s`);
    } finally {
      await smtp.close();
    }
  });
});
