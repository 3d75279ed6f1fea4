import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { seedDemoData, type Database } from '@portal/db';
import type { UploadQuota } from '@portal/domain';
import { openTestDatabase } from '@portal/db/testing';
import { createMailer } from '@portal/mail';
import { startTestSmtpServer } from '@portal/mail/testing';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createSearchEngine, type SearchEngine } from '../src/infra/search-engine.ts';

export const demoPassword = 'demo-Passw0rd';

/**
 * Now, unless that is within 30 minutes of midnight UTC: then 00:30 of the next day. For suites
 * that derive calendar dates from the clock and then move it on by minutes (a run at 23:59 once
 * saw "day 60" change under it).
 */
export function awayFromMidnight(now = new Date()): Date {
  const next = new Date(now);
  next.setUTCHours(24, 30, 0, 0);
  return next.getTime() - now.getTime() <= 60 * 60_000 ? next : now;
}

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
  /** The product index the app searches, when started with `{ search }`; otherwise null (database search only). */
  search: SearchEngine | null;
  close(): Promise<void>;
};

export type TestAppOptions = {
  /**
   * true: a fresh product index (uid products_…) on the run's shared test Meilisearch, queried with
   * a search-only key and deleted again on close. A SearchEngine: that engine, as given (the caller
   * owns its Meilisearch). Either way the demo catalog is indexed before the app is returned.
   */
  search?: true | SearchEngine;
  /** Where the test clock starts; now by default. */
  clockStart?: Date;
  /** Upload quotas other than the defaults. */
  uploadQuota?: UploadQuota;
};

/** A product index of its own on the Meilisearch of the vitest global setup. */
async function sharedTestIndex(): Promise<{ engine: SearchEngine; drop(): Promise<void> }> {
  // Imported here so that scripts reusing these helpers outside vitest never load vitest's inject().
  const [{ useTestMeilisearch, uniqueIndexUid }, { createSearchOnlyKey }] = await Promise.all([import('@portal/search/testing'), import('@portal/search')]);
  const { url, masterKey, client } = useTestMeilisearch();
  // The search-only key may only read indexes named products*, as in production.
  const uid = uniqueIndexUid('products');
  const searchKey = await createSearchOnlyKey(client);
  return {
    engine: createSearchEngine({ host: url, adminKey: masterKey, searchKey, uid }),
    async drop() {
      await client.deleteIndex(uid).waitTask({ timeout: 30_000, interval: 50 }).catch(() => {});
    },
  };
}

/**
 * The real portal on a fresh migrated database (PGlite, or PostgreSQL when TEST_DATABASE_URL is set)
 * with the demo data, sending mail to a real SMTP server inside the test process.
 */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestContext> {
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
  const clock = testClock(options.clockStart);
  const mailer = createMailer(config.mail);
  const shared = options.search === true ? await sharedTestIndex() : null;
  const search: SearchEngine | null = shared ? shared.engine : options.search === true ? null : (options.search ?? null);
  const app = await buildApp({ config, db, mailer, clock, logger: false, search, ...(options.uploadQuota ? { uploadQuota: options.uploadQuota } : {}) });
  await app.ready();
  if (search) {
    const state = await app.products.reconcileIndex();
    if (state === 'unavailable') throw new Error(`the test Meilisearch for index ${search.uid} does not answer`);
  }
  return {
    app, db, smtp, clock, search,
    async close() {
      await app.close();
      mailer.close();
      await smtp.close();
      await db.close();
      await shared?.drop();
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

export type FilePart = { field?: string; name: string; type: string; data: Buffer };

/** A multipart/form-data body as a browser sends it. */
export function multipart(files: FilePart[], fields: Record<string, string> = {}) {
  const boundary = `----portal${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    chunks.push(f.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A valid POST /api/products body for a product no demo query matches by accident (a titanium
 * spork, in the demo's kitchen category); `overrides` replace fields, `undefined` leaves one out.
 */
export async function productInput(db: Database, overrides: Record<string, unknown> = {}) {
  return {
    sku: 'KT-SPK-TI01',
    categoryId: (await db.prisma.category.findUniqueOrThrow({ where: { slug: 'kitchen' }, select: { id: true } })).id,
    nameEn: 'Titanium camping spork',
    nameZh: '钛合金露营叉勺',
    descriptionEn: 'Ultralight titanium spork for outdoor retailers; laser engraving available.',
    material: 'Grade 1 titanium',
    unit: 'pc',
    moq: '2000',
    unitsPerCarton: 200,
    cartonLengthCm: '40',
    cartonWidthCm: '30',
    cartonHeightCm: '20',
    cartonGrossWeightKg: '6.5',
    hsCode: '8215990000',
    origin: 'CN',
    certifications: ['LFGB'],
    leadTimeDays: 21,
    incoterms: ['FOB', 'CIF'],
    portOfLoadingCode: 'CNNGB',
    priceTiers: [{ minQuantity: '2000', unitPrice: '1.4500' }, { minQuantity: '10000', unitPrice: '1.2900' }],
    ...overrides,
  };
}
