import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createSearchClient, createSearchOnlyKey, meiliApiError, PRODUCT_SEARCH_KEY_UID } from './client.ts';
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
/** A TCP server that accepts connections and never says a word; `asked` holds those a request came in on. */
async function silentServer() {
  const sockets = new Set<net.Socket>();
  const asked = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('data', () => asked.add(socket));
    socket.on('close', () => {
      sockets.delete(socket);
      asked.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return { host, asked, close };
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

  it('sends JSON bodies and reads JSON answers, and an empty answer as undefined', async () => {
    const seen: { method?: string; type?: string; body: string }[] = [];
    const server = await fakeServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, type: req.headers['content-type'], body });
        if (req.method === 'DELETE') res.writeHead(204).end();
        else res.setHeader('content-type', 'application/json').end('{"results":[{"hits":[],"query":"é"}]}');
      });
    });
    servers.push(server);
    const client = createSearchClient({ host: server.host, apiKey: 'k' });
    const answer = await client.multiSearch({ queries: [{ indexUid: 'products', q: 'é' }] });
    expect(answer).toEqual({ results: [{ hits: [], query: 'é' }] });
    expect(seen[0]).toEqual({ method: 'POST', type: 'application/json', body: '{"queries":[{"indexUid":"products","q":"é"}]}' });
    expect(await client.deleteKey('some-key')).toBeUndefined();
    expect(seen[1]).toMatchObject({ method: 'DELETE', body: '' });
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
    expect(meiliApiError(other)).toMatchObject({ name: 'MeilisearchApiError', response: { status: 403 } });
    const write = await upsertProducts(searchOnly, productsUid, generateSampleProducts().slice(0, 1)).catch((e: unknown) => e);
    expect(meiliApiError(write)).toMatchObject({ name: 'MeilisearchApiError', response: { status: 403 } });
    // Refusals are answers, not outages: the API must not hide them behind the PostgreSQL fallback.
    expect(isSearchUnavailable(other)).toBe(false);
  });

  it('gives every caller the same key when several create it at once', async () => {
    await admin.deleteKey(PRODUCT_SEARCH_KEY_UID).catch(() => {});
    // Missing: the lookup's 404 (inside the client's wrapper) means "create it", not an error.
    const keys = await Promise.all([createSearchOnlyKey(admin), createSearchOnlyKey(admin), createSearchOnlyKey(admin)]);
    expect(new Set(keys).size).toBe(1);
    expect(await createSearchOnlyKey(admin)).toBe(keys[0]);
    expect((await admin.getKey(PRODUCT_SEARCH_KEY_UID)).actions).toEqual(['search']);
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
    expect(meiliApiError(err)).toMatchObject({ message: 'overloaded', response: { status: 503 }, cause: { code: 'internal' } });
    expect(isSearchUnavailable(err)).toBe(true);
  });

  it("is true for a 5xx that is not Meilisearch's JSON (a proxy's error page)", async () => {
    const server = await fakeServer((_req, res) => {
      res.statusCode = 502;
      res.setHeader('content-type', 'text/html').end('<html><body>Bad Gateway</body></html>');
    });
    servers.push(server);
    const err = await searchProducts(createSearchClient({ host: server.host, apiKey: 'k' }), 'products', query).catch((e: unknown) => e);
    expect(meiliApiError(err)).toMatchObject({ message: '502: Bad Gateway', response: { status: 502, statusText: 'Bad Gateway' } });
    expect(isSearchUnavailable(err)).toBe(true);
  });

  it('is false for a 4xx answer, whose status and code stay readable through the wrapper', async () => {
    const uid = uniqueIndexUid('products');
    await ensureProductIndex(admin, uid);
    // Not a filter searchProducts would build: Meilisearch refuses it.
    const err = await admin.index(uid).search('mug', { filter: 'origin = ' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'MeilisearchRequestError' });
    expect(meiliApiError(err)).toMatchObject({ name: 'MeilisearchApiError', response: { status: 400 }, cause: { code: 'invalid_search_filter' } });
    expect(isSearchUnavailable(err)).toBe(false);
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

  it('is true for a timeout against a server that accepts the connection and stays silent, and drops that connection', async () => {
    const server = await silentServer();
    servers.push(server);
    const client = createSearchClient({ host: server.host, apiKey: 'k', timeoutMs: 50 });
    const t0 = performance.now();
    const err = await searchProducts(client, 'products', query).catch((e: unknown) => e);
    expect(performance.now() - t0).toBeLessThan(2_000);
    // The client recognises its own timeout (the abort reason) and says so.
    expect(err).toMatchObject({ name: 'MeilisearchRequestError', cause: { name: 'MeilisearchRequestTimeOutError', cause: { timeout: 50 } } });
    expect(meiliApiError(err)).toBeNull();
    expect(isSearchUnavailable(err)).toBe(true);
    // The connection of the abandoned request is closed, not left waiting for an answer that would
    // then be read as the answer to the next request. (undici may open a fresh idle one at once.)
    await expect.poll(() => server.asked.size).toBe(0);
  });

  it('is true when nothing listens', async () => {
    const client = createSearchClient({ host: 'http://127.0.0.1:1', apiKey: 'k' });
    expect(isSearchUnavailable(await client.health().catch((e: unknown) => e))).toBe(true);
    const err = await searchProducts(client, 'products', query).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'MeilisearchRequestError', cause: { code: 'ECONNREFUSED' } });
    expect(meiliApiError(err)).toBeNull();
    expect(isSearchUnavailable(err)).toBe(true);
  });

  it('is false for a missing index and for a refused query', async () => {
    const missing = await searchProducts(admin, uniqueIndexUid('products_missing'), query).catch((e: unknown) => e);
    expect(meiliApiError(missing)).toMatchObject({ response: { status: 400 }, cause: { code: 'index_not_found' } });
    expect(isSearchUnavailable(missing)).toBe(false);
    expect(isSearchUnavailable(new SearchQueryError('filters.origin', 'is bad'))).toBe(false);
    expect(isSearchUnavailable('ECONNREFUSED')).toBe(false);
  });
});
