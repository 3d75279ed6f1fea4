import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildProductFilter,
  ensureProductIndex,
  deleteProducts,
  rebuildProductIndex,
  searchProducts,
  SearchQueryError,
  setSynonyms,
  synonymMap,
  upsertProducts,
  type ProductDocument,
  type ProductSearchQuery,
} from './products.ts';
import { generateSampleProducts, uniqueIndexUid, useTestMeilisearch } from './testing.ts';

const { client } = useTestMeilisearch();
const products = generateSampleProducts();
const byId = new Map(products.map((p) => [p.id, p]));
/** Hits carry the displayed price text only; the number they were sorted by is in the document. */
const priceOf = (hit: { id: string }) => byId.get(hit.id)!.priceFrom!;
const uid = uniqueIndexUid('products');

const query = (overrides: Partial<ProductSearchQuery>): ProductSearchQuery => ({ q: '', filters: {}, sort: 'relevance', page: 1, pageSize: 50, ...overrides });
const search = (overrides: Partial<ProductSearchQuery>) => searchProducts(client, uid, query(overrides));
const idsWhere = (pred: (p: ProductDocument) => boolean) => products.filter(pred).map((p) => p.id).sort();
const isCottonTshirt = (p: ProductDocument) => p.categorySlugs.includes('t-shirts') && /cotton/i.test(p.material ?? '');
const isStainlessBottle = (p: ProductDocument) => p.categorySlugs.includes('water-bottles') && (p.material ?? '').startsWith('Stainless');

beforeAll(async () => {
  await ensureProductIndex(client, uid);
  await upsertProducts(client, uid, products);
});

describe('full-text search', () => {
  it("finds the cotton T-shirts for the misspelled 'cottn tshirt', ranked first", async () => {
    const { hits } = await search({ q: 'cottn tshirt' });
    const expected = idsWhere(isCottonTshirt);
    expect(hits.slice(0, expected.length).map((h) => h.id).sort()).toEqual(expected);
  });

  it("finds the stainless bottles for 'stainles steel bottel', ranked first", async () => {
    const { hits } = await search({ q: 'stainles steel bottel' });
    const expected = idsWhere(isStainlessBottle);
    expect(hits.slice(0, expected.length).map((h) => h.id).sort()).toEqual(expected);
  });

  it("matches a prefix while typing: 'stain' finds stainless steel products only", async () => {
    const { hits, total } = await search({ q: 'stain' });
    expect(total).toBe(products.filter((p) => (p.material ?? '').startsWith('Stainless')).length);
    expect(hits.every((h) => h.material?.startsWith('Stainless'))).toBe(true);
  });

  it('searches the Chinese names', async () => {
    const { hits } = await search({ q: '保温' });
    expect(hits.map((h) => h.id).sort()).toEqual(idsWhere((p) => p.nameZh.includes('保温')));
  });

  it('highlights matches with <mark> and escapes everything else', async () => {
    const { hits } = await search({ q: 'hip flask' });
    expect(hits[0]!.highlight.nameEn).toMatch(/<mark>Hip<\/mark> <mark>Flask<\/mark>/);
    const odd = { ...products[0]!, id: 'prod_odd', nameEn: 'Oddball <b>bold</b> & "quoted" T-Shirt' };
    await upsertProducts(client, uid, [odd]);
    const result = await search({ q: 'oddball' });
    expect(result.hits[0]!.highlight.nameEn).toBe('<mark>Oddball</mark> &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; T-Shirt');
    await deleteProducts(client, uid, ['prod_odd']);
    expect((await search({ q: 'oddball' })).total).toBe(0);
  });

  it("returns exactly a card's fields, nothing from the engine and not the long or internal ones", async () => {
    const { hits } = await search({ q: 'ceramic coffee mug', pageSize: 1 });
    const hit = hits[0]!;
    const { highlight, ...doc } = hit;
    const { descriptionEn: _d, priceFrom: _p, supplierId: _s, createdAt: _c, ...card } = byId.get(hit.id)!;
    expect(doc).toEqual(card);
    expect(Object.keys(doc).sort()).toEqual(Object.keys(card).sort());
    expect(highlight.nameZh).toContain('陶瓷');
  });
});

describe('synonyms', () => {
  it('tee finds T-shirts and flask finds bottles only once the synonym groups are set', async () => {
    expect((await search({ q: 'tee' })).total).toBe(0);
    const flasksOnly = await search({ q: 'flask' });
    expect(flasksOnly.hits.every((h) => h.categorySlugs.includes('flasks'))).toBe(true);

    await setSynonyms(client, uid, [['tee', 't-shirt', 'tshirt'], ['flask', 'bottle']]);

    const tees = await search({ q: 'tee' });
    expect(tees.hits.map((h) => h.id).sort()).toEqual(idsWhere((p) => p.categorySlugs.includes('t-shirts')));
    const flasks = await search({ q: 'flask' });
    const found = new Set(flasks.hits.map((h) => h.id));
    expect(idsWhere((p) => p.categorySlugs.includes('water-bottles')).every((id) => found.has(id))).toBe(true);
    expect(idsWhere((p) => p.categorySlugs.includes('flasks')).every((id) => found.has(id))).toBe(true);
    // And the other way round.
    const bottles = new Set((await search({ q: 'bottle' })).hits.map((h) => h.id));
    expect(idsWhere((p) => p.categorySlugs.includes('flasks')).every((id) => bottles.has(id))).toBe(true);
  });

  it('turns groups into a mutual map, merging a word that appears in two groups', () => {
    expect(synonymMap([['Tee', 't-shirt', 'tshirt', ' '], ['flask', 'bottle'], ['bottle', 'canteen']])).toEqual({
      tee: ['t-shirt', 'tshirt'],
      't-shirt': ['tee', 'tshirt'],
      tshirt: ['t-shirt', 'tee'],
      flask: ['bottle'],
      bottle: ['canteen', 'flask'],
      canteen: ['bottle'],
    });
  });
});

describe('facets and filters', () => {
  it('counts facet values, with parent categories counting their whole subtree', async () => {
    const { facets, total } = await search({});
    expect(total).toBe(products.length);
    const count = (name: keyof typeof facets, value: string) => facets[name].find((f) => f.value === value)?.count;
    const inCategory = (slug: string) => products.filter((p) => p.categorySlugs.includes(slug)).length;
    expect(count('categorySlugs', 'drinkware')).toBe(inCategory('drinkware'));
    expect(count('categorySlugs', 'drinkware')).toBe(inCategory('water-bottles') + inCategory('flasks') + inCategory('mugs'));
    expect(count('categorySlugs', 'apparel')).toBe(inCategory('t-shirts') + inCategory('hoodies'));
    expect(count('origin', 'CN')).toBe(products.filter((p) => p.origin === 'CN').length);
    expect(count('certifications', 'FDA')).toBe(products.filter((p) => p.certifications.includes('FDA')).length);
    expect(count('incoterms', 'FOB')).toBe(products.filter((p) => p.incoterms.includes('FOB')).length);
    // Most common first.
    expect(facets.origin[0]!.value).toBe('CN');
    expect(facets.origin.map((f) => f.count)).toEqual([...facets.origin.map((f) => f.count)].sort((a, b) => b - a));
  });

  it('filters by category (with descendants) and a second facet', async () => {
    const { hits, total, facets } = await search({ filters: { category: 'drinkware', certifications: ['LFGB'] } });
    const expected = idsWhere((p) => p.categorySlugs.includes('drinkware') && p.certifications.includes('LFGB'));
    expect(total).toBe(expected.length);
    expect(hits.map((h) => h.id).sort()).toEqual(expected);
    // The filtered facet is counted without its own filter, so the other certifications still show.
    const fda = facets.certifications.find((f) => f.value === 'FDA')?.count;
    expect(fda).toBe(products.filter((p) => p.categorySlugs.includes('drinkware') && p.certifications.includes('FDA')).length);
    // The other facets are counted within the full filter.
    expect(facets.origin.reduce((sum, f) => sum + f.count, 0)).toBe(expected.length);
  });

  it('treats several values of one facet as alternatives', async () => {
    const { total } = await search({ filters: { origin: ['VN', 'TR'], material: ['Cotton'] } });
    expect(total).toBe(products.filter((p) => ['VN', 'TR'].includes(p.origin) && p.material === 'Cotton').length);
  });

  it('filters a price range and sorts by price both ways, leaving unpriced products out', async () => {
    const asc = await search({ filters: { priceMin: 2, priceMax: 5 }, sort: 'price_asc', withRanges: true });
    const expected = products.filter((p) => p.priceFrom !== null && p.priceFrom >= 2 && p.priceFrom <= 5);
    expect(asc.total).toBe(expected.length);
    const prices = asc.hits.map(priceOf);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(asc.stats.priceFrom).toEqual({ min: Math.min(...prices), max: Math.max(...prices) });
    expect(asc.hits[0]!.priceFromText).toBe(expected.sort((a, b) => a.priceFrom! - b.priceFrom!)[0]!.priceFromText);

    // Products without a price come last in both directions.
    const unpriced = idsWhere((p) => p.priceFrom === null);
    for (const sort of ['price_asc', 'price_desc'] as const) {
      const { hits } = await search({ sort });
      expect(hits.slice(-unpriced.length).map((h) => h.id).sort()).toEqual(unpriced);
    }

    const desc = await search({ q: 'stainless steel', sort: 'price_desc' });
    const descPrices = desc.hits.map(priceOf);
    expect(descPrices.length).toBeGreaterThan(5);
    expect(descPrices).toEqual([...descPrices].sort((a, b) => b - a));
  });

  it('filters by moq, lead time and supplier, and reports their ranges', async () => {
    const { hits, stats } = await search({ filters: { moqMax: 500, leadTimeMax: 30, supplierId: 'sup_east' }, withRanges: true });
    // Ranges cost a full count of numeric values: without asking, none come back.
    expect((await search({ filters: { moqMax: 500 } })).stats).toEqual({});
    expect(hits.map((h) => h.id).sort()).toEqual(idsWhere((p) => p.moq <= 500 && p.leadTimeDays <= 30 && p.supplierId === 'sup_east'));
    expect(stats.moq!.max).toBeLessThanOrEqual(500);
    expect(stats.leadTimeDays!.max).toBeLessThanOrEqual(30);
  });

  it('sorts by lead time and by newest', async () => {
    const lead = (await search({ sort: 'lead_time' })).hits.map((h) => h.leadTimeDays);
    expect(lead).toEqual([...lead].sort((a, b) => a - b));
    const newest = (await search({ sort: 'newest', pageSize: 3 })).hits.map((h) => h.id);
    expect(newest).toEqual([...products].sort((a, b) => b.createdAt - a.createdAt).slice(0, 3).map((p) => p.id));
  });

  it('pages through results without overlap', async () => {
    const all = await search({ sort: 'newest', pageSize: 50 });
    const page1 = await search({ sort: 'newest', page: 1, pageSize: 15 });
    const page2 = await search({ sort: 'newest', page: 2, pageSize: 15 });
    const page3 = await search({ sort: 'newest', page: 3, pageSize: 15 });
    expect(page2.total).toBe(products.length);
    expect(page2.hits.map((h) => h.id)).toEqual(all.hits.slice(15, 30).map((h) => h.id));
    expect(page3.hits).toHaveLength(products.length - 30);
    expect(new Set([...page1.hits, ...page2.hits, ...page3.hits].map((h) => h.id)).size).toBe(products.length);
  });
});

describe('refused queries', () => {
  it('refuses a filter value that tries to break out of its quotes', async () => {
    const err = await search({ filters: { origin: ['CN" OR origin = "US'] } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SearchQueryError);
    expect(err).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'filters.origin' }] });
  });

  it.each([
    ['a backslash', { material: ['Cotton\\'] }],
    ['brackets', { category: 'apparel] OR [x' }],
    ['an empty value', { origin: [''] }],
    ['a value too long', { supplierId: 'x'.repeat(81) }],
    ['a non-string value', { origin: [42 as unknown as string] }],
    ['an infinite number', { priceMax: Infinity }],
    ['NaN', { moqMax: Number.NaN }],
    ['a numeric string', { leadTimeMax: '30 OR 1=1' as unknown as number }],
  ])('refuses %s', async (_label, filters) => {
    await expect(search({ filters })).rejects.toBeInstanceOf(SearchQueryError);
  });

  it('refuses a bad sort, page or page size', async () => {
    await expect(search({ sort: 'price' as never })).rejects.toBeInstanceOf(SearchQueryError);
    await expect(search({ page: 0 })).rejects.toBeInstanceOf(SearchQueryError);
    await expect(search({ pageSize: 101 })).rejects.toBeInstanceOf(SearchQueryError);
  });

  it('accepts an unknown but well-formed value: it simply matches nothing', async () => {
    const { total } = await search({ filters: { origin: ['Atlantis'], category: 'no-such-category' } });
    expect(total).toBe(0);
  });

  it('quotes accepted values and puts numbers in as numbers', () => {
    const clauses = buildProductFilter({ origin: ['CN', 'Viet Nam'], category: 'drinkware', priceMin: 1.5, supplierId: 'sup_east' });
    expect(clauses).toEqual({
      categorySlugs: 'categorySlugs = "drinkware"',
      origin: 'origin IN ["CN", "Viet Nam"]',
      rest: ['priceFrom >= 1.5', 'supplierId = "sup_east"'],
    });
  });
});

describe('rebuild', () => {
  it('swaps in a rebuilt index while searches on the live one keep answering', async () => {
    const liveUid = uniqueIndexUid('products_rebuild');
    await ensureProductIndex(client, liveUid);
    const [dropped, ...kept] = products;
    await upsertProducts(client, liveUid, products);
    await setSynonyms(client, liveUid, [['tee', 't-shirt']]);
    const added: ProductDocument = { ...kept[0]!, id: 'prod_new', sku: 'SKU-NEW-001', nameEn: 'Linen Camp Shirt', nameZh: '亚麻衬衫', material: 'Linen' };

    const totalsDuringRebuild: number[] = [];
    async function* batches() {
      for (let i = 0; i < kept.length; i += 15) {
        totalsDuringRebuild.push((await searchProducts(client, liveUid, query({}))).total);
        yield kept.slice(i, i + 15);
      }
      totalsDuringRebuild.push((await searchProducts(client, liveUid, query({}))).total);
      yield [added];
    }
    const { documents, buildUid } = await rebuildProductIndex(client, liveUid, batches());

    expect(documents).toBe(kept.length + 1);
    expect(totalsDuringRebuild.length).toBeGreaterThan(2);
    expect(totalsDuringRebuild.every((t) => t === products.length)).toBe(true);
    const after = await searchProducts(client, liveUid, query({ pageSize: 100 }));
    expect(after.total).toBe(kept.length + 1);
    expect(after.hits.some((h) => h.id === dropped!.id)).toBe(false);
    expect((await searchProducts(client, liveUid, query({ q: 'linen' }))).hits[0]!.id).toBe('prod_new');
    // Settings and synonyms came along.
    expect((await searchProducts(client, liveUid, query({ q: 'tee' }))).total).toBeGreaterThan(0);
    expect((await searchProducts(client, liveUid, query({ q: 'cottn', filters: { origin: ['CN'] } }))).total).toBeGreaterThan(0);
    // The build index (now holding the old data) is gone.
    const { results } = await client.getRawIndexes({ limit: 1000 });
    expect(results.map((r) => r.uid)).not.toContain(buildUid);
  });

  it('creates the live index when it does not exist yet', async () => {
    const freshUid = uniqueIndexUid('products_fresh');
    async function* one() {
      yield products.slice(0, 5);
    }
    await rebuildProductIndex(client, freshUid, one());
    expect((await searchProducts(client, freshUid, query({}))).total).toBe(5);
  });

  it('leaves the live index untouched and removes the build when a batch is rejected', async () => {
    const liveUid = uniqueIndexUid('products_failed');
    await ensureProductIndex(client, liveUid);
    await upsertProducts(client, liveUid, products.slice(0, 3));
    async function* broken() {
      yield products.slice(3, 6);
      // A document id with a space is refused by Meilisearch when the task runs.
      yield [{ ...products[6]!, id: 'not a valid id' }];
    }
    await expect(rebuildProductIndex(client, liveUid, broken())).rejects.toThrow(/failed/);
    expect((await searchProducts(client, liveUid, query({}))).total).toBe(3);
    const { results } = await client.getRawIndexes({ limit: 1000 });
    expect(results.filter((r) => r.uid.startsWith(`${liveUid}_build_`))).toEqual([]);
  });
});

describe('ensureProductIndex', () => {
  it('on an index that exists queues no creation (which would fail and be logged as an error at every start)', async () => {
    const freshUid = uniqueIndexUid('products_ensure');
    await ensureProductIndex(client, freshUid);
    await ensureProductIndex(client, freshUid, [['mug', 'cup']]);
    const { results } = await client.tasks.getTasks({ indexUids: [freshUid], types: ['indexCreation'] });
    expect(results.map((t) => t.status)).toEqual(['succeeded']);
    expect((await client.index(freshUid).getSynonyms()).mug).toEqual(['cup']);
  });
});
