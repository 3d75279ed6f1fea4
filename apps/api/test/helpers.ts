import type { FastifyInstance } from 'fastify';
import { seedDemoData, type Database } from '@portal/db';
import { openTestDatabase } from '@portal/db/testing';
import { createMailer } from '@portal/mail';
import { startTestSmtpServer } from '@portal/mail/testing';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';

export const demoPassword = 'demo-Passw0rd';

/** A clock the test moves by hand. */
export function testClock(start = new Date()) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

export type TestContext = {
  app: FastifyInstance;
  db: Database;
  smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  clock: ReturnType<typeof testClock>;
  close(): Promise<void>;
};

/**
 * The real portal on a fresh migrated database (PGlite, or PostgreSQL when TEST_DATABASE_URL is set)
 * with the demo data, sending mail to a real SMTP server inside the test process.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const db = await openTestDatabase();
  await seedDemoData(db.prisma);
  const smtp = await startTestSmtpServer();
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    PUBLIC_URL: 'http://portal.test',
    SMTP_URL: smtp.url,
    WEB_DIST: '/nonexistent',
    LOGIN_RATE_LIMIT: '1000',
    DATA_DIR: '/tmp/portal-test-data',
    ...env,
  });
  const clock = testClock();
  const mailer = createMailer(config.mail);
  const app = await buildApp({ config, db, mailer, clock, logger: false });
  await app.ready();
  return {
    app, db, smtp, clock,
    async close() {
      await app.close();
      mailer.close();
      await smtp.close();
      await db.close();
    },
  };
}

/** The Cookie header value carrying the session cookies a response set. */
export function cookiesFrom(res: { cookies: { name: string; value: string }[] }): string {
  return res.cookies.filter((c) => c.value !== '').map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Signs in and returns the Cookie header for further requests. */
export async function loginAs(app: FastifyInstance, email: string, password = demoPassword): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
  return cookiesFrom(res);
}

export async function companyIdOf(db: Database, email: string): Promise<string> {
  const u = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { companyId: true } });
  return u.companyId;
}
