import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from './helpers.ts';

// The start (and a restart of Meilisearch) compares each document's content with the database,
// not only the number of documents: an edit whose index task was lost is found and put right.
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({}, { search: true });
});
afterAll(() => t.close());

const search = async (q: string) => (await t.app.inject({ method: 'GET', url: `/api/catalog/search?q=${encodeURIComponent(q)}` })).json() as { items: { id: string; nameEn: string }[]; degraded: boolean };

describe('reconciling the product index', () => {
  it('is in sync right after the start', async () => {
    expect(await t.app.products.reconcileIndex()).toBe('in-sync');
  });

  it('puts right an edit whose index task never arrived, though the number of documents is the same', async () => {
    const product = await t.db.prisma.product.findFirstOrThrow({ where: { status: 'ACTIVE' }, orderBy: { sku: 'asc' } });
    // Changed in the database with no outbox event: as when the task died in the old worker.
    await t.db.prisma.product.update({ where: { id: product.id }, data: { nameEn: 'Zanzibar lantern flask' } });
    expect((await search('Zanzibar')).items).toEqual([]);

    expect(await t.app.products.reconcileIndex()).toBe('caught-up');
    const found = await search('Zanzibar');
    expect(found.degraded).toBe(false);
    expect(found.items.map((i) => i.id)).toEqual([product.id]);
    expect(await t.app.products.reconcileIndex()).toBe('in-sync');
  });

  it('removes a document whose product is no longer active, and adds one that is missing', async () => {
    const [gone, back] = await t.db.prisma.product.findMany({ where: { status: 'ACTIVE' }, orderBy: { sku: 'desc' }, take: 2 });
    await t.db.prisma.product.update({ where: { id: gone!.id }, data: { status: 'ARCHIVED' } });
    await t.search!.remove([back!.id]);
    expect(await t.app.products.reconcileIndex()).toBe('caught-up');
    const stamps = await t.search!.stamps();
    expect(stamps.has(gone!.id)).toBe(false);
    expect(stamps.has(back!.id)).toBe(true);
    expect(stamps.size).toBe(await t.db.prisma.product.count({ where: { status: 'ACTIVE' } }));
  });
});
