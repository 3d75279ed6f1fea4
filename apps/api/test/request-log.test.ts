import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData, type Database } from '@portal/db';
import { openTestDatabase } from '@portal/db/testing';
import { createMailer } from '@portal/mail';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { loginAs } from './helpers.ts';

/*
 * The outside test's finding: invitation tokens appeared in the request log (the API preview
 * /api/invitations/<token> and the SPA page /invite/<token>). Whoever reads the logs could take
 * over an invitation. They are redacted; the rest of the URL stays readable.
 */
let db: Database;
let app: FastifyInstance;
const lines: string[] = [];
const token = 'Tk9UX0FfUkVBTF9UT0tFTl9CVVRfNDNfQ0hBUlNfTE9O';

beforeAll(async () => {
  db = await openTestDatabase();
  await seedDemoData(db.prisma);
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing', PUBLIC_URL: 'http://portal.test', WEB_DIST: '/nonexistent', DATA_DIR: '/tmp/portal-test-data', LOGIN_RATE_LIMIT: '1000' });
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  app = await buildApp({ config, db, mailer: createMailer(config.mail), logger: { level: 'info', stream } });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('the request log', () => {
  it('never holds an invitation token', async () => {
    const buyer = await loginAs(app, 'buyer@demo.example');
    const companyId = (await db.prisma.user.findUniqueOrThrow({ where: { email: 'buyer@demo.example' } })).companyId;
    await app.inject({ method: 'POST', url: `/api/companies/${companyId}/invitations`, headers: { cookie: buyer }, payload: { email: 'logged@northwind.example' } });
    const mailed = await db.prisma.outboxEvent.findFirstOrThrow({ where: { topic: 'company.user.invited' } });
    const real = /\/invite\/([A-Za-z0-9_-]+)/.exec((mailed.payload as { text: string }).text)![1]!;

    for (const url of [`/api/invitations/${real}`, `/api/invitations/${token}?x=1`, `/invite/${real}`, `/invite/${token}`]) {
      await app.inject({ method: 'GET', url });
    }
    const log = lines.join('');
    expect(log).toContain('incoming request');
    expect(log).not.toContain(real);
    expect(log).not.toContain(token);
    expect(log).toContain('/api/invitations/[redacted]');
    expect(log).toContain('/invite/[redacted]');
    // Other URLs are logged as they were.
    expect(log).toContain(`/api/companies/${companyId}/invitations`);
  });
});
