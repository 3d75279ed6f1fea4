import { Meilisearch, type Key } from 'meilisearch';

export type SearchClient = Meilisearch;

export type SearchClientOptions = {
  host: string;
  apiKey: string;
  /** Per HTTP request; a search that takes longer counts as unavailable, so the API can fall back. */
  timeoutMs?: number;
};

/** Creates a Meilisearch client for the portal. */
export function createSearchClient(options: SearchClientOptions): SearchClient {
  return new Meilisearch({
    host: options.host,
    apiKey: options.apiKey,
    timeout: options.timeoutMs ?? 10_000,
    // Node's fetch asks for compressed responses by default, and Meilisearch's compression made each
    // query cost ~40 ms instead of ~2 ms (see PLATFORM.md); on a local link identity is faster.
    requestInit: { headers: { 'accept-encoding': 'identity' } },
  });
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

async function findKey(client: SearchClient, uid: string): Promise<Key | null> {
  try {
    return await client.getKey(uid);
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code === 'api_key_not_found') return null;
    throw err;
  }
}
