// The catalog through the API on a real Meilisearch (the vitest global setup's, an index of our own):
// typo tolerance, synonyms, facets, prices by who asks, product and supplier pages, staff upkeep
// reaching the index through the outbox, bad input, and the index rebuild.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestMeilisearch } from '@portal/search/testing';
import { loginAs, productInput, startTestApp, type TestContext } from './helpers.ts';

let t: TestContext;
let clerk: string;
let manager: string;
let admin: string;
let buyer: string;
let pending: string;

beforeAll(async () => {
  t = await startTestApp({}, { search: true });
  clerk = await loginAs(t.app, 'clerk@demo.example');
  manager = await loginAs(t.app, 'manager@demo.example');
  admin = await loginAs(t.app, 'admin@demo.example');
  buyer = await loginAs(t.app, 'buyer@demo.example');
  pending = await loginAs(t.app, 'pending@demo.example');
});
afterAll(() => t?.close());

type Card = {
  id: string; sku: string; nameEn: string; nameZh: string; highlight: { nameEn: string; nameZh: string }; category: { slug: string };
  leadTimeDays: number; certifications: string[]; priceFrom: { amount: string; currency: string } | null;
};
type Facet = { value: string; count: number };
type SearchBody = {
  items: Card[]; total: number; page: number; pageCount: number; pageSize: number; pricesVisible: boolean; degraded: boolean;
  facets: { category: (Facet & { parent: string | null })[]; origin: Facet[]; material: Facet[]; cert: Facet[]; incoterm: Facet[] };
  ranges: { price: { min: number; max: number } | null };
};

type Params = Record<string, string | number | (string | number)[]>;

function queryString(params: Params): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) qs.append(key, String(v));
  return qs.toString();
}

/** GET /api/catalog/search as someone (a Cookie header) or as a visitor (undefined). */
async function searchRaw(params: Params, cookie?: string) {
  return t.app.inject({ method: 'GET', url: `/api/catalog/search?${queryString(params)}`, headers: cookie ? { cookie } : {} });
}

async function search(params: Params, cookie?: string): Promise<SearchBody> {
  const res = await searchRaw(params, cookie);
  if (res.statusCode !== 200) throw new Error(`search ${JSON.stringify(params)} answered ${res.statusCode}: ${res.body}`);
  const body = res.json() as SearchBody;
  expect(body.degraded).toBe(false);
  return body;
}

const skus = (body: SearchBody) => body.items.map((i) => i.sku);
const runSearchWorker = () => t.app.workers.search.runOnce();

/** The active demo products with what the facets count, straight from the database. */
async function activeProducts() {
  const rows = await t.db.prisma.product.findMany({
    where: { status: 'ACTIVE' },
    select: { id: true, sku: true, nameEn: true, certifications: true, leadTimeDays: true, category: { select: { slug: true, parent: { select: { slug: true } } } }, priceTiers: { select: { unitPrice: true, incoterm: true } } },
  });
  return rows.map((r) => ({
    ...r,
    categories: [r.category.slug, ...(r.category.parent ? [r.category.parent.slug] : [])],
    priceFrom: Math.min(...r.priceTiers.filter((p) => p.incoterm === 'FOB').map((p) => p.unitPrice.toNumber())),
  }));
}

async function productIdBySku(sku: string): Promise<string> {
  return (await t.db.prisma.product.findUniqueOrThrow({ where: { sku }, select: { id: true } })).id;
}

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

function expectNoStaffOnlyFields(raw: string) {
  expect(raw).not.toMatch(/marginFloor|costSheet|purchaseCost/i);
  const staffOnly = [...keysOf(JSON.parse(raw))].filter((k) => /margin|cost/i.test(k));
  expect(staffOnly).toEqual([]);
}

async function categoryId(slug: string): Promise<string> {
  return (await t.db.prisma.category.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** A valid POST /api/products body for a product no demo query matches by accident. */
const newProduct = (overrides: Record<string, unknown> = {}) => productInput(t.db, overrides);

describe('full-text search with typos, prefixes and highlights', () => {
  it("'cottn tshirt' ranks the cotton T-shirts first", async () => {
    const body = await search({ q: 'cottn tshirt' });
    expect(skus(body).slice(0, 2).sort()).toEqual(['TX-TEE-180', 'TX-TEE-ORG']);
  });

  it("'stainles steel bottel' ranks the stainless steel bottles first", async () => {
    const body = await search({ q: 'stainles steel bottel' });
    expect(skus(body).slice(0, 2).sort()).toEqual(['DW-BTL-500', 'DW-BTL-750']);
    expect(body.items[0]!.nameEn).toMatch(/^Stainless steel .* bottle/);
  });

  it('matches a prefix while the buyer types', async () => {
    const body = await search({ q: 'borosil' });
    expect(skus(body)).toEqual(['DW-BTL-GL600']);
  });

  it('wraps the matched words in <mark> and escapes the rest', async () => {
    const body = await search({ q: 'bamboo cutting board' });
    expect(body.items[0]!.sku).toBe('KT-BRD-BMB');
    expect(body.items[0]!.highlight.nameEn).toBe('<mark>Bamboo</mark> <mark>cutting</mark> <mark>board</mark> 38 × 28 cm');
    const zh = await search({ q: '保温' });
    const named = zh.items.filter((i) => i.nameZh.includes('保温'));
    expect(named.length).toBeGreaterThan(1);
    for (const item of named) expect(item.highlight.nameZh).toContain('<mark>');
  });
});

describe('synonyms', () => {
  it("the seeded groups apply: 'tee' finds the T-shirts, 'thermos' the bottles, 'sweatshirt' the hoodie", async () => {
    const tee = await search({ q: 'tee' });
    expect(skus(tee)).toEqual(expect.arrayContaining(['TX-TEE-180', 'TX-TEE-ORG']));
    // No product mentions a thermos or a sweatshirt: only the synonyms can find these.
    const thermos = await search({ q: 'thermos' });
    expect(skus(thermos)).toEqual(expect.arrayContaining(['DW-BTL-500', 'DW-BTL-750', 'DW-BTL-GL600']));
    expect(thermos.items.every((i) => i.category.slug === 'bottles')).toBe(true);
    expect(skus(await search({ q: 'sweatshirt' }))).toEqual(['TX-HOOD-320']);
  });

  it('staff add a group and, once the search worker has run, it applies', async () => {
    expect((await search({ q: 'jug' })).total).toBe(0);
    const current = await t.app.inject({ method: 'GET', url: '/api/search/synonyms', headers: { cookie: clerk } });
    expect(current.statusCode).toBe(200);
    const groups = [...(current.json() as { groups: string[][] }).groups, ['jug', 'bottle']];
    const put = await t.app.inject({ method: 'PUT', url: '/api/search/synonyms', headers: { cookie: clerk }, payload: { groups } });
    expect(put.statusCode).toBe(200);
    expect(put.json().groups).toContainEqual(['jug', 'bottle']);
    // Saved, but the index learns it through the outbox.
    expect((await search({ q: 'jug' })).total).toBe(0);
    expect(await runSearchWorker()).toBe(1);
    const jug = await search({ q: 'jug' });
    expect(skus(jug)).toEqual(expect.arrayContaining(['DW-BTL-500', 'DW-BTL-750', 'DW-BTL-GL600']));
    expect(jug.items.every((i) => /bottle/i.test(i.nameEn))).toBe(true);
  });

  it('buyers may not edit synonyms', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/search/synonyms', headers: { cookie: buyer }, payload: { groups: [['a', 'b']] } });
    expect(res.statusCode).toBe(403);
  });
});

describe('facets, filters, sorting and pages', () => {
  it('counts every facet value, a parent category including its subcategories', async () => {
    const products = await activeProducts();
    const body = await search({ pageSize: 48 });
    expect(body.total).toBe(products.length);
    const count = (pred: (p: (typeof products)[number]) => boolean) => products.filter(pred).length;

    const categories = Object.fromEntries(body.facets.category.map((c) => [c.value, c]));
    for (const slug of ['drinkware', 'bottles', 'mugs', 'kitchen', 'textiles', 'apparel', 'home-textiles']) {
      expect(categories[slug]?.count, slug).toBe(count((p) => p.categories.includes(slug)));
    }
    expect(categories.drinkware!.count).toBe(categories.bottles!.count + categories.mugs!.count);
    expect(categories.bottles).toMatchObject({ parent: 'drinkware', nameEn: 'Bottles & flasks' });
    expect(categories.drinkware).toMatchObject({ parent: null });

    const certs = Object.fromEntries(body.facets.cert.map((c) => [c.value, c.count]));
    for (const cert of ['LFGB', 'FDA', 'BSCI', 'GOTS', 'FSC', 'OEKO-TEX Standard 100']) expect(certs[cert], cert).toBe(count((p) => p.certifications.includes(cert)));
    // Most common first.
    const counts = body.facets.cert.map((c) => c.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(body.facets.origin).toEqual([{ value: 'CN', count: products.length }]);
    expect(body.facets.incoterm.map((f) => f.value).sort()).toEqual(['CFR', 'CIF', 'FOB']);
  });

  it('filters by two facets at once; a facet still counts its other values', async () => {
    const products = await activeProducts();
    const body = await search({ category: 'drinkware', cert: 'LFGB', pageSize: 48 });
    const expected = products.filter((p) => p.categories.includes('drinkware') && p.certifications.includes('LFGB')).map((p) => p.sku).sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(skus(body).sort()).toEqual(expected);
    expect(body.total).toBe(expected.length);
    // The cert facet is counted within drinkware but without the LFGB filter: FDA still shows.
    const fda = body.facets.cert.find((c) => c.value === 'FDA');
    expect(fda?.count).toBe(products.filter((p) => p.categories.includes('drinkware') && p.certifications.includes('FDA')).length);

    // Two values of one facet are alternatives.
    const either = await search({ cert: ['GOTS', 'FSC'] });
    expect(skus(either).sort()).toEqual(products.filter((p) => p.certifications.some((c) => c === 'GOTS' || c === 'FSC')).map((p) => p.sku).sort());
  });

  it('sorts by lead time and pages through the same order', async () => {
    const all = await search({ sort: 'lead_time', pageSize: 10 });
    const leads = all.items.map((i) => i.leadTimeDays);
    expect(leads).toEqual([...leads].sort((a, b) => a - b));
    expect(all.items[0]!.sku).toBe('TX-BAG-TOTE');

    const page2 = await search({ sort: 'lead_time', pageSize: 5, page: 2 });
    expect(page2).toMatchObject({ page: 2, pageSize: 5, total: all.total });
    expect(skus(page2)).toEqual(skus(all).slice(5, 10));
  });

  it('answers a page past the end as the last page, and says which page of how many', async () => {
    const all = await search({ sort: 'lead_time', pageSize: 10 });
    expect(all).toMatchObject({ page: 1, pageCount: Math.ceil(all.total / 10) });
    const last = await search({ sort: 'lead_time', pageSize: 10, page: Math.ceil(all.total / 10) });
    const beyond = await search({ sort: 'lead_time', pageSize: 10, page: 1000 });
    expect(beyond).toMatchObject({ page: last.page, pageCount: last.page, total: all.total });
    expect(beyond.items.length).toBeGreaterThan(0);
    expect(skus(beyond)).toEqual(skus(last));
    // Nothing matches: page 1 of 1, whatever page was asked.
    expect(await search({ q: 'zzqqxxnothing', page: 3 })).toMatchObject({ items: [], total: 0, page: 1, pageCount: 1 });
  });
});

describe('prices by who is asking', () => {
  it('visitors and buyers awaiting approval see no price, and price filters do nothing for them', async () => {
    const total = (await activeProducts()).length;
    for (const who of [undefined, pending]) {
      const res = await searchRaw({ q: '', pageSize: 48, priceMin: 5, priceMax: 6 }, who);
      expect(res.statusCode).toBe(200);
      const body = res.json() as SearchBody;
      expect(body.pricesVisible).toBe(false);
      expect(body.total).toBe(total);
      expect(body.items.every((i) => i.priceFrom === null)).toBe(true);
      expect(body.ranges.price).toBeNull();
      // Sorting by price would reveal the order of prices.
      const sorted = await search({ sort: 'price_asc', pageSize: 48 }, who);
      expect(skus(sorted)).toEqual(skus(await search({ pageSize: 48 }, who)));

      const id = await productIdBySku('DW-BTL-500');
      const detail = await t.app.inject({ method: 'GET', url: `/api/catalog/products/${id}`, headers: who ? { cookie: who } : {} });
      expect(detail.statusCode).toBe(200);
      expect(detail.json()).toMatchObject({ priceFrom: null, priceTiers: null });
      expect(detail.json().related.every((r: Card) => r.priceFrom === null)).toBe(true);
    }
  });

  it('approved buyers and staff see prices and can filter and sort by them', async () => {
    const products = await activeProducts();
    for (const who of [buyer, clerk]) {
      const all = await search({ q: 'cotton t-shirt' }, who);
      expect(all.pricesVisible).toBe(true);
      const tee = all.items.find((i) => i.sku === 'TX-TEE-180');
      expect(tee?.priceFrom).toEqual({ amount: '1.9200', currency: 'USD' });

      const ranged = await search({ priceMin: 5, priceMax: 7, pageSize: 48 }, who);
      const expected = products.filter((p) => p.priceFrom >= 5 && p.priceFrom <= 7).map((p) => p.sku).sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(skus(ranged).sort()).toEqual(expected);

      const cheapest = await search({ sort: 'price_asc', pageSize: 48, ranges: 'true' }, who);
      const prices = cheapest.items.map((i) => Number(i.priceFrom!.amount));
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
      expect(cheapest.ranges.price).toEqual({ min: Math.min(...products.map((p) => p.priceFrom)), max: Math.max(...products.map((p) => p.priceFrom)) });
    }
    const id = await productIdBySku('DW-BTL-500');
    const detail = await t.app.inject({ method: 'GET', url: `/api/catalog/products/${id}`, headers: { cookie: buyer } });
    expect(detail.json().priceTiers).toEqual([
      { minQuantity: '1000', unitPrice: { amount: '3.2000', currency: 'USD' }, incoterm: 'FOB' },
      { minQuantity: '5000', unitPrice: { amount: '2.9500', currency: 'USD' }, incoterm: 'FOB' },
      { minQuantity: '20000', unitPrice: { amount: '2.7800', currency: 'USD' }, incoterm: 'FOB' },
    ]);
  });

  it('never shows cost or margin fields to anyone, nor puts them in the index', async () => {
    const id = await productIdBySku('DW-BTL-500');
    for (const who of [undefined, pending, buyer, clerk, admin]) {
      const headers = who ? { cookie: who } : {};
      for (const url of ['/api/catalog/search?q=bottle&pageSize=48', '/api/catalog/search?pageSize=48&sort=price_desc', `/api/catalog/products/${id}`, '/api/catalog/supplier', '/api/catalog/categories']) {
        const res = await t.app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, url).toBe(200);
        expectNoStaffOnlyFields(res.body);
      }
    }
    // What Meilisearch holds is public (the search key reads it all): only the document fields, and
    // the stamp of their content (a digest, for reconciling with the database).
    const { results } = await useTestMeilisearch().client.index(t.search!.uid).getDocuments({ limit: 1000 });
    expect(results.length).toBe((await activeProducts()).length);
    for (const doc of results) {
      expect(Object.keys(doc).sort()).toEqual(
        ['categoryNamesEn', 'categoryNamesZh', 'categorySlugs', 'certifications', 'createdAt', 'descriptionEn', 'descriptionZh', 'id', 'imageUrl', 'specifications', 'incoterms', 'leadTimeDays', 'material', 'moq', 'nameEn', 'nameZh', 'origin', 'priceCurrency', 'priceFrom', 'priceFromText', 'sku', 'stamp', 'supplierId', 'unit'].sort(),
      );
    }
  });
});

describe('depth: the product page and the supplier', () => {
  it('a product page has specifications, packing with CBM, tiers, related products and the supplier', async () => {
    const id = await productIdBySku('DW-BTL-500');
    const res = await t.app.inject({ method: 'GET', url: `/api/catalog/products/${id}`, headers: { cookie: buyer } });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      id, sku: 'DW-BTL-500', nameEn: 'Stainless steel vacuum bottle 500 ml', hsCode: '9617001100', moq: '1000', unit: 'pc', leadTimeDays: 35,
      certifications: ['LFGB', 'FDA'], status: 'ACTIVE', portOfLoading: { code: 'CNNGB', name: 'Ningbo' },
      category: { slug: 'bottles' },
      priceFrom: { amount: '2.7800', currency: 'USD' },
      // 52 × 42 × 28 cm = 0.061152 m³
      packing: { unitsPerCarton: 50, cartonLengthCm: '52.00', cartonWidthCm: '42.00', cartonHeightCm: '28.00', cartonGrossWeightKg: '17.500', cartonCbm: '0.0612' },
      supplier: { name: 'Ningbo Harbour Homeware Co., Ltd.', country: 'CN' },
    });
    expect(p.priceTiers).toHaveLength(3);
    expect(p.specifications).toContainEqual({ name: 'Capacity', value: '500 ml', nameZh: null, valueZh: null });
    expect(p.related.length).toBeGreaterThan(0);
    expect(p.related.every((r: Card) => r.category.slug === 'bottles' && r.id !== id)).toBe(true);
    expect(p.supplier.headline).toMatch(/Ningbo/);
  });

  it('an unknown product is 404 problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/catalog/products/0190a000-0000-7000-8000-000000000000' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('the supplier profile shows the factory, markets and product lines, and its catalog is searchable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/catalog/supplier' });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    const total = (await activeProducts()).length;
    expect(s).toMatchObject({ name: 'Ningbo Harbour Homeware Co., Ltd.', city: 'Ningbo', yearEstablished: 2006, factoryAreaM2: 38000, productCount: total, mainPort: { code: 'CNNGB' } });
    expect(s.certifications).toContain('BSCI');
    expect(s.markets.length).toBeGreaterThan(0);
    expect(s.productLines).toContain('Drinkware');
    expect(s.categories.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(total);
    const own = await search({ supplier: s.id, q: 'mug' });
    expect(own.total).toBeGreaterThan(0);
    expect((await search({ supplier: '0190a000-0000-7000-8000-000000000000' })).total).toBe(0);
  });
});

describe('staff upkeep reaches the index through the outbox', () => {
  it('the staff list names each product’s category in both languages', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/products?q=DW-BTL-750', headers: { cookie: clerk } });
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().items.find((i: { sku: string }) => i.sku === 'DW-BTL-750');
    const category = await t.db.prisma.category.findFirstOrThrow({ where: { products: { some: { sku: 'DW-BTL-750' } } }, select: { nameEn: true, nameZh: true } });
    expect(row.category).toEqual(category);
    expect(category.nameZh).not.toBe(category.nameEn);
  });

  it('an archived product leaves search and the catalog; restoring brings it back', async () => {
    const id = await productIdBySku('DW-BTL-750');
    expect(skus(await search({ q: 'sports bottle' }))).toContain('DW-BTL-750');

    const archived = await t.app.inject({ method: 'POST', url: `/api/products/${id}/archive`, headers: { cookie: clerk } });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().status).toBe('ARCHIVED');
    expect(await runSearchWorker()).toBe(1);
    expect(skus(await search({ q: 'sports bottle', pageSize: 48 }))).not.toContain('DW-BTL-750');
    expect(skus(await search({ pageSize: 48 }))).not.toContain('DW-BTL-750');

    expect((await t.app.inject({ method: 'GET', url: `/api/catalog/products/${id}`, headers: { cookie: buyer } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/catalog/products/${id}` })).statusCode).toBe(404);
    const forStaff = await t.app.inject({ method: 'GET', url: `/api/catalog/products/${id}`, headers: { cookie: clerk } });
    expect(forStaff.statusCode).toBe(200);
    expect(forStaff.json().status).toBe('ARCHIVED');
    // Nor does it count on the supplier page.
    expect((await t.app.inject({ method: 'GET', url: '/api/catalog/supplier' })).json().productCount).toBe((await activeProducts()).length);

    const restored = await t.app.inject({ method: 'POST', url: `/api/products/${id}/restore`, headers: { cookie: clerk } });
    expect(restored.statusCode).toBe(200);
    expect(await runSearchWorker()).toBe(1);
    expect(skus(await search({ q: 'sports bottle' }))).toContain('DW-BTL-750');
    expect((await t.app.inject({ method: 'GET', url: `/api/catalog/products/${id}`, headers: { cookie: buyer } })).statusCode).toBe(200);

    const audit = await t.db.prisma.auditLog.findMany({ where: { entityType: 'Product', entityId: id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['product.archive', 'product.restore']);
    expect(audit[0]!.changes).toEqual({ status: { from: 'ACTIVE', to: 'ARCHIVED' } });
  });

  it('a new product is searchable by its name once the worker has run; an edit changes what search returns', async () => {
    // A product with a margin floor of its own: a manager's to set.
    const body = await newProduct({ marginFloorRate: '0.1200' });
    expect((await search({ q: 'titanium' })).total).toBe(0);
    const created = await t.app.inject({ method: 'POST', url: '/api/products', headers: { cookie: manager }, payload: body });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ sku: 'KT-SPK-TI01', status: 'ACTIVE', marginFloorRate: '0.12' });

    const outbox = await t.db.prisma.outboxEvent.findMany({ where: { channel: 'search', status: 'PENDING' } });
    expect(outbox.map((e) => e.payload)).toEqual([{ productIds: [id] }]);
    expect(await runSearchWorker()).toBe(1);

    const found = await search({ q: 'titanum sporck' }, buyer);
    expect(found.items[0]).toMatchObject({ id, sku: 'KT-SPK-TI01', priceFrom: { amount: '1.2900', currency: 'USD' } });
    expect(found.items[0]!.highlight.nameEn).toContain('<mark>');
    expect(skus(await search({ category: 'kitchen', cert: 'LFGB', pageSize: 48 }))).toContain('KT-SPK-TI01');

    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'product.create', entityId: id } });
    expect(audit.changes).toEqual({ sku: 'KT-SPK-TI01', nameEn: 'Titanium camping spork' });
    expect(audit.actorId).toBe((await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'manager@demo.example' } })).id);

    // Renamed and moved: the old words no longer find it, the new ones do.
    const edited = await t.app.inject({
      method: 'PUT', url: `/api/products/${id}`, headers: { cookie: clerk },
      payload: await newProduct({ nameEn: 'Titanium chopsticks travel set', categoryId: await categoryId('home-textiles'), leadTimeDays: 12, marginFloorRate: '0.1200' }),
    });
    expect(edited.statusCode).toBe(200);
    expect(await runSearchWorker()).toBe(1);
    expect((await search({ q: 'camping' })).total).toBe(0);
    const renamed = await search({ q: 'chopstiks' });
    expect(renamed.items[0]).toMatchObject({ id, category: { slug: 'home-textiles' }, leadTimeDays: 12 });
    expect(skus(await search({ category: 'kitchen', pageSize: 48 }))).not.toContain('KT-SPK-TI01');
    expect(await t.db.prisma.auditLog.count({ where: { action: 'product.update', entityId: id } })).toBe(1);
  });

  it('refuses invalid products with 400 naming the fields, and writes nothing', async () => {
    const count = () => Promise.all([t.db.prisma.product.count(), t.db.prisma.outboxEvent.count(), t.db.prisma.auditLog.count()]);
    const before = await count();
    const cases: [overrides: Record<string, unknown>, field: string][] = [
      [{ sku: 'bad sku' }, 'body.sku'],
      [{ hsCode: 'abc' }, 'body.hsCode'],
      [{ priceTiers: [{ minQuantity: '1000', unitPrice: '2.0000' }, { minQuantity: '1000.0', unitPrice: '1.9000' }] }, 'body.priceTiers.1.minQuantity'],
      [{ categoryId: '0190a000-0000-7000-8000-000000000000' }, 'body.categoryId'],
      [{ portOfLoadingCode: 'ZZXXX' }, 'body.portOfLoadingCode'],
      [{ costPrice: '1.00' }, 'body.costPrice'],
    ];
    for (const [overrides, field] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/products', headers: { cookie: clerk }, payload: await newProduct({ sku: 'KT-NEW-0001', ...overrides }) });
      expect(res.statusCode, field).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field), JSON.stringify(overrides)).toContain(field);
    }
    expect(await count()).toEqual(before);
  });

  it('a duplicate SKU is 409 and writes nothing', async () => {
    const count = () => Promise.all([t.db.prisma.product.count(), t.db.prisma.outboxEvent.count(), t.db.prisma.auditLog.count()]);
    const before = await count();
    const res = await t.app.inject({ method: 'POST', url: '/api/products', headers: { cookie: clerk }, payload: await newProduct({ sku: 'DW-BTL-500' }) });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await count()).toEqual(before);
  });

  it('buyers and finance staff may not change the catalog', async () => {
    const finance = await loginAs(t.app, 'finance@demo.example');
    for (const cookie of [buyer, finance]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/products', headers: { cookie }, payload: await newProduct({ sku: 'KT-NEW-0002' }) });
      expect(res.statusCode).toBe(403);
    }
    expect(await t.db.prisma.product.count({ where: { sku: 'KT-NEW-0002' } })).toBe(0);
  });
});

describe('bad search input: a 4xx or an empty result, never a 5xx', () => {
  const cases: [label: string, query: string, field: string][] = [
    ['an overlong query', `q=${'a'.repeat(201)}`, 'query.q'],
    ['a negative page size', 'pageSize=-1', 'query.pageSize'],
    ['page zero', 'page=0', 'query.page'],
    ['a page size over the limit', 'pageSize=1000', 'query.pageSize'],
    ['an unknown parameter', 'foo=1', 'query.foo'],
    ['an unknown category', 'category=no-such-category', 'query.category'],
    ['a malformed category', 'category=%22drinkware%22', 'query.category'],
    ['an injection attempt in a facet value', `cert=${encodeURIComponent('LFGB" OR origin = "US')}`, 'query.cert.0'],
    ['a filter expression as a material', `material=${encodeURIComponent('x] OR [y')}`, 'query.material.0'],
    ['an unknown incoterm', 'incoterm=XYZ', 'query.incoterm.0'],
    ['a price range the wrong way round', 'priceMin=10&priceMax=5', 'query.priceMax'],
    ['a price that is not a number', 'priceMin=abc', 'query.priceMin'],
    ['an unknown sort', 'sort=cost', 'query.sort'],
  ];
  for (const [label, query, field] of cases) {
    it(`refuses ${label} with 400 problem+json`, async () => {
      for (const cookie of [undefined, buyer]) {
        const res = await t.app.inject({ method: 'GET', url: `/api/catalog/search?${query}`, headers: cookie ? { cookie } : {} });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        const problem = res.json();
        expect(problem).toMatchObject({ status: 400, code: 'VALIDATION' });
        expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });
  }

  it('text that looks like a filter is only searched for', async () => {
    const body = await search({ q: 'LFGB" OR origin = "US' });
    expect(body.items.every((i) => i.certifications.includes('LFGB'))).toBe(true);
    // Quotes, semicolons and dashes are query syntax at most, never filter or SQL syntax.
    await search({ q: '\\"; DROP TABLE "Product"; --' });
  });
});

describe('rebuilding the index', () => {
  it('an admin rebuilds it from the database while search keeps answering', async () => {
    const active = (await activeProducts()).length;
    const rebuilding = t.app.inject({ method: 'POST', url: '/api/search/rebuild', headers: { cookie: admin } });
    let finished = false;
    void rebuilding.finally(() => {
      finished = true;
    });
    const during: SearchBody[] = [];
    while (!finished) during.push(await search({ q: 'stainles steel' }));
    const res = await rebuilding;
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ indexed: active });
    expect(during.length).toBeGreaterThan(0);
    for (const body of during) expect(body.items[0]!.nameEn).toMatch(/stainless steel/i);

    // Same contents, synonyms kept (including the group staff added), and no build index left behind.
    expect(await t.search!.countDocuments()).toBe(active);
    expect(skus(await search({ q: 'jug' }))).toContain('DW-BTL-500');
    expect(skus(await search({ q: 'chopsticks' }))).toContain('KT-SPK-TI01');
    const { results } = await useTestMeilisearch().client.getIndexes({ limit: 1000 });
    expect(results.filter((i) => i.uid.startsWith(`${t.search!.uid}_build_`))).toEqual([]);
  });

  it('is for admins only', async () => {
    for (const cookie of [manager, clerk, buyer]) {
      expect((await t.app.inject({ method: 'POST', url: '/api/search/rebuild', headers: { cookie } })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/search/rebuild' })).statusCode).toBe(401);
  });
});
