// The promise, proved on a real engine: Meilisearch stops mid-run, search keeps answering
// from the database (marked degraded), index tasks wait in the outbox, and when Meilisearch comes
// back on the same data and port the index catches up; nothing is lost.
// This file runs a Meilisearch of its own, so stopping it cannot disturb other test files.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchClient, createSearchOnlyKey, startEmbeddedMeilisearch, type EmbeddedMeilisearch } from '@portal/search';
import { createSearchEngine } from '../src/infra/search-engine.ts';
import { backoffMs } from '../src/infra/outbox.worker.ts';
import { loginAs, productInput, startTestApp, type TestContext } from './helpers.ts';

// Beside the global setup's engines, so the binary's verification marker is shared and not re-hashed.
const ROOT = path.join(os.tmpdir(), 'portal-search-test');

let dataDir: string;
let masterKey: string;
let port: number;
let meili: EmbeddedMeilisearch | null = null;
let t: TestContext;
let clerk: string;

beforeAll(async () => {
  await mkdir(ROOT, { recursive: true });
  dataDir = await mkdtemp(path.join(ROOT, 'degraded-'));
  masterKey = randomBytes(24).toString('hex');
  meili = await startEmbeddedMeilisearch({ dataDir, masterKey });
  port = Number(new URL(meili.url).port);
  const searchKey = await createSearchOnlyKey(createSearchClient({ host: meili.url, apiKey: masterKey }));
  const engine = createSearchEngine({ host: meili.url, adminKey: masterKey, searchKey, uid: 'products' });
  t = await startTestApp({}, { search: engine });
  clerk = await loginAs(t.app, 'clerk@demo.example');
});

afterAll(async () => {
  await t?.close();
  await meili?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

type SearchBody = { items: { id: string; sku: string; nameEn: string; priceFrom: unknown }[]; total: number; degraded: boolean; facets: { cert: { value: string; count: number }[] } };

async function search(q: string, extra = ''): Promise<SearchBody> {
  const res = await t.app.inject({ method: 'GET', url: `/api/catalog/search?q=${encodeURIComponent(q)}&pageSize=48${extra}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchBody;
}

async function health() {
  const res = await t.app.inject({ method: 'GET', url: '/api/health' });
  expect(res.statusCode).toBe(200);
  return res.json() as { status: string; components: { search: { status: string; detail: string } } };
}

const searchTasks = () => t.db.prisma.outboxEvent.findMany({ where: { channel: 'search' }, orderBy: { createdAt: 'asc' } });

/** Active products whose text contains the word, as the database fallback matches them. */
async function activeContaining(word: string): Promise<string[]> {
  const rows = await t.db.prisma.product.findMany({ where: { status: 'ACTIVE' }, select: { sku: true, nameEn: true, nameZh: true, material: true, descriptionEn: true } });
  const w = word.toLowerCase();
  return rows.filter((r) => [r.sku, r.nameEn, r.nameZh, r.material ?? '', r.descriptionEn].some((s) => s.toLowerCase().includes(w))).map((r) => r.sku).sort();
}

const newProduct = () =>
  productInput(t.db, {
    sku: 'KT-SPK-TI02', descriptionEn: 'Ultralight titanium spork for outdoor retailers.', certifications: undefined, incoterms: ['FOB'],
    portOfLoadingCode: undefined, marginFloorRate: undefined, priceTiers: [{ minQuantity: '2000', unitPrice: '1.4500' }],
  });

describe('search while Meilisearch is down', () => {
  let newId: string;
  let archivedId: string;

  it('searches with the engine while it runs', async () => {
    const body = await search('cottn tshirt');
    expect(body.degraded).toBe(false);
    expect(body.items.slice(0, 2).map((i) => i.sku).sort()).toEqual(['TX-TEE-180', 'TX-TEE-ORG']);
    expect((await health()).components.search.status).toBe('up');
  });

  it('answers from the database, marked degraded, once the engine has stopped', async () => {
    await meili!.stop();
    meili = null;

    const body = await search('cotton');
    expect(body.degraded).toBe(true);
    const expected = await activeContaining('cotton');
    expect(expected.length).toBeGreaterThan(3);
    expect(body.items.map((i) => i.sku).sort()).toEqual(expected);
    expect(body.total).toBe(expected.length);
    expect(body.items.every((i) => i.priceFrom === null)).toBe(true);
    expect(body.facets.cert.length).toBeGreaterThan(0);
    // Substring matches only: no typo tolerance without the engine.
    expect(await search('cottn')).toMatchObject({ degraded: true, total: 0 });
    // Filters still apply, from validated values.
    const filtered = await search('cotton', '&cert=GOTS');
    expect(filtered.items.map((i) => i.sku)).toEqual(['TX-TEE-ORG']);

    const h = await health();
    expect(h.status).toBe('degraded');
    expect(h.components.search.status).toBe('degraded');
    expect(h.components.search.detail).toMatch(/does not answer.*; 0 index tasks waiting/);
  });

  it('keeps the index tasks of staff changes in the outbox, retrying with backoff', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/products', headers: { cookie: clerk }, payload: await newProduct() });
    expect(created.statusCode).toBe(201);
    newId = created.json().id;
    archivedId = (await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-750' } })).id;
    const archived = await t.app.inject({ method: 'POST', url: `/api/products/${archivedId}/archive`, headers: { cookie: clerk } });
    expect(archived.statusCode).toBe(200);

    // The database is the truth, so the degraded search already shows both changes.
    expect((await search('titanium')).items.map((i) => i.id)).toEqual([newId]);
    expect((await search('sports bottle')).total).toBe(0);

    const queued = await searchTasks();
    expect(queued.map((e) => e.payload)).toEqual([{ productIds: [newId] }, { productIds: [archivedId] }]);
    expect(queued.every((e) => e.status === 'PENDING' && e.attempts === 0)).toBe(true);

    expect(await t.app.workers.search.runOnce()).toBe(0);
    const first = await searchTasks();
    for (const e of first) {
      expect(e).toMatchObject({ status: 'PENDING', attempts: 1, lockedUntil: null, deliveredAt: null });
      expect(e.lastError).toBeTruthy();
      expect(e.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + backoffMs(1));
    }

    t.clock.advance(backoffMs(1));
    expect(await t.app.workers.search.runOnce()).toBe(0);
    const second = await searchTasks();
    expect(second.map((e) => [e.status, e.attempts])).toEqual([['PENDING', 2], ['PENDING', 2]]);
    expect((await health()).components.search.detail).toMatch(/; 2 index tasks waiting/);
  });

  it('catches up when Meilisearch returns on the same data and port', async () => {
    meili = await startEmbeddedMeilisearch({ dataDir, masterKey, port });
    expect(meili.url).toBe(`http://127.0.0.1:${port}`);
    expect((await health()).components.search.status).toBe('up');

    // Not due yet: the backoff holds the tasks back even though the engine is up.
    expect(await t.app.workers.search.runOnce()).toBe(0);
    t.clock.advance(backoffMs(2));
    expect(await t.app.workers.search.runOnce()).toBe(2);
    const done = await searchTasks();
    expect(done.map((e) => [e.status, e.attempts])).toEqual([['DONE', 3], ['DONE', 3]]);

    const found = await search('titanum spork');
    expect(found.degraded).toBe(false);
    expect(found.items[0]?.id).toBe(newId);
    const bottles = await search('stainless bottle');
    expect(bottles.degraded).toBe(false);
    expect(bottles.items.map((i) => i.id)).not.toContain(archivedId);
    expect(bottles.total).toBeGreaterThan(0);

    // The index holds exactly the active products again.
    expect(await t.search!.countDocuments()).toBe(await t.db.prisma.product.count({ where: { status: 'ACTIVE' } }));
    const h = await health();
    expect(h.status).toBe('ok');
    expect(h.components.search.detail).toMatch(/Meilisearch answers; 0 index tasks waiting/);
  });
});
