import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createSearchClient, createSearchOnlyKey } from './client.ts';
import { ensureProductIndex, isSearchUnavailable, searchProducts, SearchQueryError, SearchTaskError, upsertProducts } from './products.ts';
import { generateSampleProducts, uniqueIndexUid, useTestMeilisearch } from './testing.ts';

const { client: admin, url } = useTestMeilisearch();
const query = { q: 'mug', filters: {}, sort: 'relevance', page: 1, pageSize: 5 } as const;

/** A local HTTP server standing in for a Meilisearch that misbehaves. */
async function fakeServer(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { host, close: () => new Promise<void>((resolve) => server.closeAllConnections() ?? server.close(() => resolve())) };
}
const servers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('createSearchClient', () => {
  it('asks for uncompressed responses and sends the key', async () => {
    let seen: http.IncomingHttpHeaders = {};
    const server = await fakeServer((req, res) => {
      seen = req.headers;
      res.setHeader('content-type', 'application/json').end('{"status":"available"}');
    });
    servers.push(server);
    await createSearchClient({ host: server.host, apiKey: 'k' }).health();
    expect(seen['accept-encoding']).toBe('identity');
    expect(seen.authorization).toBe('Bearer k');
  });
});

describe('createSearchOnlyKey', () => {
  it('returns the same search-only key every time, limited to products* indexes', async () => {
    const productsUid = uniqueIndexUid('products');
    const otherUid = uniqueIndexUid('orders');
    await ensureProductIndex(admin, productsUid);
    await upsertProducts(admin, productsUid, generateSampleProducts());
    await admin.createIndex(otherUid).waitTask();

    const key = await createSearchOnlyKey(admin);
    expect(await createSearchOnlyKey(admin)).toBe(key);
    const searchOnly = createSearchClient({ host: url, apiKey: key });

    expect((await searchProducts(searchOnly, productsUid, query)).total).toBeGreaterThan(0);
    const other = await searchOnly.index(otherUid).search('x').catch((e: unknown) => e);
    expect(other).toMatchObject({ name: 'MeilisearchApiError', response: { status: 403 } });
    const write = await upsertProducts(searchOnly, productsUid, generateSampleProducts().slice(0, 1)).catch((e: unknown) => e);
    expect(write).toMatchObject({ name: 'MeilisearchApiError', response: { status: 403 } });
    // Refusals are answers, not outages: the API must not hide them behind the PostgreSQL fallback.
    expect(isSearchUnavailable(other)).toBe(false);
  });
});

describe('upsertProducts', () => {
  it('throws when Meilisearch accepts the documents but the task fails, so the outbox retries', async () => {
    const uid = uniqueIndexUid('products');
    await ensureProductIndex(admin, uid);
    const bad = { ...generateSampleProducts()[0]!, id: 'spaces are not allowed' };
    const err = await upsertProducts(admin, uid, [bad]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SearchTaskError);
    expect(err).toMatchObject({ status: 'failed', code: 'invalid_document_id' });
    expect(isSearchUnavailable(err)).toBe(false);
  });
});

describe('isSearchUnavailable', () => {
  it('is true for a 5xx answer', async () => {
    const server = await fakeServer((_req, res) => {
      res.statusCode = 503;
      res.setHeader('content-type', 'application/json').end('{"message":"overloaded","code":"internal","type":"internal","link":""}');
    });
    servers.push(server);
    const err = await searchProducts(createSearchClient({ host: server.host, apiKey: 'k' }), 'products', query).catch((e: unknown) => e);
    expect(isSearchUnavailable(err)).toBe(true);
  });

  it('is true for a request that times out', async () => {
    const server = await fakeServer(() => {
      // Never answers.
    });
    servers.push(server);
    const client = createSearchClient({ host: server.host, apiKey: 'k', timeoutMs: 200 });
    const err = await searchProducts(client, 'products', query).catch((e: unknown) => e);
    expect(isSearchUnavailable(err)).toBe(true);
  });

  it('is true when nothing listens', async () => {
    const client = createSearchClient({ host: 'http://127.0.0.1:1', apiKey: 'k' });
    expect(isSearchUnavailable(await client.health().catch((e: unknown) => e))).toBe(true);
  });

  it('is false for a missing index and for a refused query', async () => {
    const missing = await searchProducts(admin, uniqueIndexUid('products_missing'), query).catch((e: unknown) => e);
    expect(missing).toMatchObject({ cause: { code: 'index_not_found' } });
    expect(isSearchUnavailable(missing)).toBe(false);
    expect(isSearchUnavailable(new SearchQueryError('filters.origin', 'is bad'))).toBe(false);
    expect(isSearchUnavailable('ECONNREFUSED')).toBe(false);
  });
});
