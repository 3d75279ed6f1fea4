import { STATUS_CODES } from 'node:http';
import { Meilisearch, MeilisearchApiError, type Config, type Key, type MeilisearchErrorResponse } from 'meilisearch';
import { Pool, type Dispatcher } from 'undici';

export type SearchClient = Meilisearch;

export type SearchClientOptions = {
  host: string;
  apiKey: string;
  /** Per HTTP request; a search that takes longer counts as unavailable, so the API can fall back. */
  timeoutMs?: number;
};

/** Keep-alive connections per Meilisearch origin; more than the API ever has requests in flight. */
const POOL_CONNECTIONS = 128;

/** Creates a Meilisearch client for the portal. */
export function createSearchClient(options: SearchClientOptions): SearchClient {
  return new Meilisearch({
    host: options.host,
    apiKey: options.apiKey,
    timeout: options.timeoutMs ?? 10_000,
    // Node's fetch asks for compressed responses by default, and Meilisearch's compression made each
    // query cost ~40 ms instead of ~2 ms (see PLATFORM.md); on a local link identity is faster.
    // undici's Pool asks for nothing, but say it anyway: the client sends it with every request.
    requestInit: { headers: { 'accept-encoding': 'identity' } },
    httpClient: undiciHttpClient(),
  });
}

type HttpClient = NonNullable<Config['httpClient']>;

/**
 * The client's transport: undici's Pool instead of the global fetch, which cost 2–3× the CPU per
 * request (WHATWG Request/Response objects and streams around the same undici core). One Pool per
 * origin, keep-alive, no pipelining; idle sockets are unref'd, so they never keep a process alive.
 *
 * The Meilisearch client calls it with its own init: `headers` a Headers, `body` a string or
 * undefined, `signal` its timeout (aborted with a Symbol reason, which it maps back to
 * MeilisearchRequestTimeOutError). It expects the parsed JSON body back; whatever this throws, it
 * wraps in a MeilisearchRequestError, so a non-2xx answer arrives as that error's `cause` (a
 * MeilisearchApiError): see meiliApiError().
 */
function undiciHttpClient(): HttpClient {
  const pools = new Map<string, Pool>();
  const poolFor = (origin: string): Pool => {
    let pool = pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections: POOL_CONNECTIONS, pipelining: 1 });
      pools.set(origin, pool);
    }
    return pool;
  };

  return async (input, init = {}) => {
    // The client always passes a URL on its host.
    const url = input instanceof URL ? input : new URL(typeof input === 'string' ? input : input.url);
    const signal = init.signal ?? undefined;
    try {
      const res = await poolFor(url.origin).request({
        path: url.pathname + url.search,
        method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
        headers: flatHeaders(init.headers),
        body: (init.body ?? null) as string | null,
        signal,
      });
      const text = await res.body.text();
      if (res.statusCode >= 200 && res.statusCode < 300) return text === '' ? undefined : JSON.parse(text);
      throw apiError(url, res.statusCode, res.headers, text);
    } catch (err) {
      // The client recognises its own timeout only by the abort reason itself (a Symbol), as fetch
      // would reject with it; undici usually does too, but make sure whatever stage was aborted.
      if (signal?.aborted && !(err instanceof MeilisearchApiError)) throw signal.reason;
      throw err;
    }
  };
}

/**
 * Headers as undici's flat [name, value, …] list. The client passes the same Headers object (built
 * once in its constructor, never changed) for every request without extra headers, which is most of
 * them, so the list is built once per object.
 */
const flatCache = new WeakMap<Headers, string[]>();
function flatHeaders(headers: HeadersInit | undefined): string[] {
  if (headers instanceof Headers) {
    let flat = flatCache.get(headers);
    if (!flat) {
      flat = flatten(headers);
      flatCache.set(headers, flat);
    }
    return flat;
  }
  return flatten(new Headers(headers));
}
function flatten(headers: Headers): string[] {
  const flat: string[] = [];
  for (const [name, value] of headers) flat.push(name, value);
  if (!headers.has('accept-encoding')) flat.push('accept-encoding', 'identity');
  return flat;
}

/** What fetch's path would have thrown for a non-2xx answer: the status and Meilisearch's error body. */
function apiError(url: URL, status: number, headers: Record<string, string | string[] | undefined>, text: string): MeilisearchApiError {
  let body: MeilisearchErrorResponse | undefined;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as MeilisearchErrorResponse);
  } catch {
    // Not Meilisearch's JSON (a proxy's error page, say): the status alone says what happened.
  }
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) for (const v of [value].flat()) responseHeaders.append(name, v);
  }
  const statusText = STATUS_CODES[status] ?? '';
  // A Response-like object, as MeilisearchApiError.response is typed; a real Response refuses 1xx.
  const response = { status, statusText, ok: false, url: url.toString(), headers: responseHeaders } as Response;
  return new MeilisearchApiError(response, body);
}

/**
 * The Meilisearch answer behind an error, if there was one: our HTTP client's non-2xx answers reach
 * callers wrapped in a MeilisearchRequestError, so this looks through the `cause` chain. Its
 * `response.status` is the HTTP status, its `cause?.code` Meilisearch's error code.
 */
export function meiliApiError(err: unknown): MeilisearchApiError | null {
  let current: unknown = err;
  for (let depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if (current instanceof MeilisearchApiError || current.name === 'MeilisearchApiError') return current as MeilisearchApiError;
    current = current.cause;
  }
  return null;
}

/**
 * Fixed uid of the search-only key. Meilisearch derives a key's value from its uid and the master
 * key, so the same master key always yields the same search key and creating it is idempotent.
 */
export const PRODUCT_SEARCH_KEY_UID = '5f0c8a7e-3b1d-4c2a-9e6f-7a8b9c0d1e2f';

/**
 * Returns the key the API uses for product queries, creating it if needed: it may only search, and
 * only indexes named products*, so a leaked query key cannot write or read anything else.
 */
export async function createSearchOnlyKey(adminClient: SearchClient): Promise<string> {
  const existing = await findKey(adminClient, PRODUCT_SEARCH_KEY_UID);
  if (existing) return existing.key;
  try {
    const created = await adminClient.createKey({
      uid: PRODUCT_SEARCH_KEY_UID,
      name: 'portal-product-search',
      description: 'Search-only key used by the portal API for product queries',
      actions: ['search'],
      indexes: ['products*'],
      expiresAt: null,
    });
    return created.key;
  } catch (err) {
    // Another process created it between our lookup and our create.
    const raced = await findKey(adminClient, PRODUCT_SEARCH_KEY_UID);
    if (raced) return raced.key;
    throw err;
  }
}

/**
 * The key with this uid, or null. Looked up in the list of keys, not by GET /keys/<uid>: a missing
 * key would answer 404, which Meilisearch logs as a warning on every first start.
 */
async function findKey(client: SearchClient, uid: string): Promise<Key | null> {
  const { results } = await client.getKeys({ limit: 1000 });
  return results.find((key) => key.uid === uid) ?? null;
}
