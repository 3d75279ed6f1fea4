import { DomainError } from '@portal/domain';
import type { EnqueuedTaskPromise, MultiSearchQuery, SearchResponse, Settings, Task } from 'meilisearch';
import { meiliApiError, type SearchClient } from './client.ts';

/**
 * One product as buyers may search it. Built by the caller from published products only: it never
 * carries costs, margins or supplier prices, and archived products are deleted, not flagged — the
 * index is readable with the search key, so whatever is in it counts as public.
 */
export type ProductDocument = {
  id: string;
  sku: string;
  nameEn: string;
  nameZh: string;
  descriptionEn: string;
  descriptionZh?: string | null;
  /** Specification lines as text, in English and (where staff gave it) Chinese. */
  specifications?: string[];
  material: string | null;
  /** The product's category and all its ancestors, so a facet count on a parent includes its subtree. */
  categorySlugs: string[];
  categoryNamesEn: string[];
  categoryNamesZh: string[];
  origin: string;
  certifications: string[];
  incoterms: string[];
  moq: number;
  unit: string;
  leadTimeDays: number;
  /** Lowest tier unit price as a number, for the range filter and sorting only; never display it. */
  priceFrom: number | null;
  /** The exact decimal of priceFrom, e.g. "2.7800": this is what the buyer sees. */
  priceFromText: string | null;
  priceCurrency: string | null;
  imageUrl: string | null;
  supplierId: string;
  /** Epoch milliseconds. */
  createdAt: number;
};

/**
 * What a search hit carries: the fields of a product card, nothing more. Meilisearch repeats every
 * retrieved attribute in `_formatted`, so the long description, the internal numbers and the
 * supplier would double the size of each answer for nothing.
 */
const hitFields = [
  'id', 'sku', 'nameEn', 'nameZh', 'material', 'categorySlugs', 'categoryNamesEn', 'categoryNamesZh',
  'origin', 'certifications', 'incoterms', 'moq', 'unit', 'leadTimeDays', 'priceFromText', 'priceCurrency', 'imageUrl',
] as const satisfies readonly (keyof ProductDocument)[];
const HIT_ATTRIBUTES: string[] = [...hitFields];
const HIGHLIGHT_ATTRIBUTES: string[] = ['nameEn', 'nameZh'];

/** The fields of a product document that a product card shows. */
export type ProductCardFields = Pick<ProductDocument, (typeof hitFields)[number]>;

export const productFacetNames = ['categorySlugs', 'origin', 'material', 'certifications', 'incoterms'] as const;
export type ProductFacetName = (typeof productFacetNames)[number];
const statNames = ['priceFrom', 'moq', 'leadTimeDays'] as const;

/** Beyond this many matches Meilisearch stops counting: `total` then reads as "2000 or more". */
export const PRODUCT_MAX_TOTAL_HITS = 2_000;
export const PRODUCT_MAX_PAGE_SIZE = 100;

export const productIndexSettings = {
  // In order of importance: a match in the name outranks one in the description.
  searchableAttributes: ['nameEn', 'nameZh', 'sku', 'categoryNamesEn', 'categoryNamesZh', 'material', 'certifications', 'specifications', 'descriptionEn', 'descriptionZh'],
  filterableAttributes: ['categorySlugs', 'origin', 'material', 'certifications', 'incoterms', 'moq', 'priceFrom', 'leadTimeDays', 'supplierId'],
  sortableAttributes: ['priceFrom', 'leadTimeDays', 'createdAt'],
  // Meilisearch's default puts `sort` after typo, proximity and attribute, so "price ascending" would
  // only order products that tie on relevance. Here it comes right after `words`: products that
  // match all the query words first, in the order the buyer asked for. Without a sort it is a no-op.
  rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'],
  // SKUs are exact codes: a typo there would match a different product.
  typoTolerance: { enabled: true, disableOnAttributes: ['sku'] },
  pagination: { maxTotalHits: PRODUCT_MAX_TOTAL_HITS },
  // By count, so the 100 values shown are the most common ones rather than the first alphabetically.
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
  // Short Chinese names are otherwise sometimes detected as Japanese and segmented badly.
  localizedAttributes: [{ attributePatterns: ['nameZh', 'categoryNamesZh', 'descriptionZh'], locales: ['cmn'] }],
} satisfies Settings;

export type ProductSort = 'relevance' | 'price_asc' | 'price_desc' | 'lead_time' | 'newest';
export const productSorts = ['relevance', 'price_asc', 'price_desc', 'lead_time', 'newest'] as const satisfies readonly ProductSort[];

export type ProductSearchFilters = {
  /** A category slug; matches products in that category or any of its descendants. */
  category?: string;
  origin?: string[];
  material?: string[];
  certifications?: string[];
  incoterms?: string[];
  moqMax?: number;
  priceMin?: number;
  priceMax?: number;
  leadTimeMax?: number;
  supplierId?: string;
};

export type ProductSearchQuery = {
  q: string;
  filters: ProductSearchFilters;
  sort: ProductSort;
  /** 1-based. */
  page: number;
  pageSize: number;
  /**
   * Also return min/max of price, MOQ and lead time. Costly on a large catalog (Meilisearch counts
   * every distinct numeric value), so only ask when a range slider needs them.
   */
  withRanges?: boolean;
};

export type ProductHit = ProductCardFields & {
  /** HTML-escaped names with the matched words wrapped in <mark>…</mark>; safe to render as HTML. */
  highlight: { nameEn: string; nameZh: string };
};

export type FacetCount = { value: string; count: number };

export type ProductSearchResult = {
  hits: ProductHit[];
  /** Exact up to PRODUCT_MAX_TOTAL_HITS. */
  total: number;
  /**
   * Counts per value. A facet the buyer has filtered on is counted without its own filter, so the
   * other values of that facet still show how many products choosing them would add.
   */
  facets: Record<ProductFacetName, FacetCount[]>;
  /** Ranges over the current matches, for sliders. */
  stats: Partial<Record<(typeof statNames)[number], { min: number; max: number }>>;
};

/** A search request the portal refuses to run (an unsafe or malformed value); the API answers 400. */
export class SearchQueryError extends DomainError {
  constructor(field: string, message: string) {
    super('VALIDATION', `${field} ${message}`, [{ field, message }]);
    this.name = 'SearchQueryError';
  }
}

/** A write that Meilisearch accepted but then failed; thrown so the outbox retries. */
export class SearchTaskError extends Error {
  readonly taskUid: number;
  readonly status: string;
  readonly code: string | undefined;

  constructor(what: string, task: Task) {
    super(`${what} ended ${task.status} (task ${task.uid})${task.error ? `: ${task.error.code}: ${task.error.message}` : ''}`);
    this.name = 'SearchTaskError';
    this.taskUid = task.uid;
    this.status = task.status;
    this.code = task.error?.code;
  }
}

const WRITE_TIMEOUT_MS = 60_000;
const REBUILD_TIMEOUT_MS = 10 * 60_000;

async function succeed(enqueued: EnqueuedTaskPromise, what: string, timeout = WRITE_TIMEOUT_MS): Promise<Task> {
  const task = await enqueued.waitTask({ timeout, interval: 25 });
  if (task.status !== 'succeeded') throw new SearchTaskError(what, task);
  return task;
}

/**
 * Creates the index if missing and applies the product settings, with these synonym groups when
 * given (otherwise synonyms are left as they are). Both tasks are queued one after the other and
 * waited for together; on an empty index the settings cost nothing, so documents added next are
 * indexed once.
 */
export async function ensureProductIndex(client: SearchClient, uid: string, synonymGroups?: string[][]): Promise<void> {
  const created = (await indexExists(client, uid)) ? null : client.createIndex(uid, { primaryKey: 'id' });
  created?.catch(() => {});
  // The creation is queued before the settings are sent: settings sent alongside could arrive first
  // and create the index themselves, and the creation would then fail (and be logged as an error).
  if (created) await created.catch(() => {});
  const settings = client.index(uid).updateSettings(synonymGroups ? { ...productIndexSettings, synonyms: synonymMap(synonymGroups) } : productIndexSettings);
  settings.catch(() => {});
  if (created) checkCreated(await created.waitTask({ timeout: WRITE_TIMEOUT_MS, interval: 25 }), uid);
  await succeed(settings, `settings of ${uid}`);
}

async function createIndexIfMissing(client: SearchClient, uid: string): Promise<void> {
  if (await indexExists(client, uid)) return;
  checkCreated(await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: WRITE_TIMEOUT_MS, interval: 25 }), uid);
}

/**
 * Whether the index exists, from the list of indexes: creating one that exists fails its task,
 * which Meilisearch logs as an error on every start, and GET /indexes/<uid> answers a missing one
 * with a 404 it logs as a warning. (Created meanwhile by another process: the create's
 * index_already_exists is still taken as success.)
 */
async function indexExists(client: SearchClient, uid: string): Promise<boolean> {
  const { results } = await client.getRawIndexes({ limit: 1000 });
  return results.some((index) => index.uid === uid);
}

function checkCreated(task: Task, uid: string): void {
  if (task.status === 'succeeded' || task.error?.code === 'index_already_exists') return;
  throw new SearchTaskError(`creating index ${uid}`, task);
}

/** Adds or replaces products and waits until they are searchable; throws if Meilisearch rejects them. */
export async function upsertProducts(client: SearchClient, uid: string, docs: ProductDocument[]): Promise<void> {
  if (docs.length === 0) return;
  await succeed(client.index<ProductDocument>(uid).addDocuments(docs, { primaryKey: 'id' }), `indexing ${docs.length} products in ${uid}`);
}

/** Removes products (unpublished or archived) and waits until they no longer appear. */
export async function deleteProducts(client: SearchClient, uid: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await succeed(client.index(uid).deleteDocuments(ids), `deleting ${ids.length} products from ${uid}`);
}

/**
 * Replaces the synonyms with groups of interchangeable words: ['tee', 't-shirt', 'tshirt'] makes
 * each of them find the others. A word in several groups gets the union.
 */
export async function setSynonyms(client: SearchClient, uid: string, groups: string[][]): Promise<void> {
  await succeed(client.index(uid).updateSynonyms(synonymMap(groups)), `synonyms of ${uid}`);
}

/** Turns groups of equivalent words into Meilisearch's map of word → words it also finds. */
export function synonymMap(groups: string[][]): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    const words = [...new Set(group.map((w) => w.trim().toLowerCase()).filter(Boolean))];
    for (const word of words) {
      const others = map.get(word) ?? new Set<string>();
      for (const other of words) if (other !== word) others.add(other);
      map.set(word, others);
    }
  }
  return Object.fromEntries([...map].filter(([, others]) => others.size > 0).map(([word, others]) => [word, [...others].sort()]));
}

/**
 * Rebuilds the index from scratch without downtime: everything goes into a fresh
 * `${uid}_build_<timestamp>` index (settings and current synonyms first), which is then swapped
 * with `uid` in one atomic step; the old data, now under the build name, is deleted. Searches on
 * `uid` keep answering from the old data until the swap.
 */
export async function rebuildProductIndex(
  client: SearchClient,
  uid: string,
  batches: AsyncIterable<ProductDocument[]>,
): Promise<{ buildUid: string; documents: number }> {
  const buildUid = `${uid}_build_${Date.now()}`;
  const synonyms = await currentSynonyms(client, uid);
  const build = client.index<ProductDocument>(buildUid);
  let documents = 0;
  try {
    await succeed(client.createIndex(buildUid, { primaryKey: 'id' }), `creating index ${buildUid}`);
    await succeed(build.updateSettings({ ...productIndexSettings, synonyms }), `settings of ${buildUid}`);
    // Enqueue every batch before waiting: Meilisearch merges consecutive additions into one batch.
    const tasks: EnqueuedTaskPromise[] = [];
    for await (const docs of batches) {
      if (docs.length === 0) continue;
      documents += docs.length;
      const task = build.addDocuments(docs, { primaryKey: 'id' });
      // Surface a failed request at the end, not as an unhandled rejection now.
      task.catch(() => {});
      tasks.push(task);
    }
    for (const task of tasks) await succeed(task, `indexing into ${buildUid}`, REBUILD_TIMEOUT_MS);
    await createIndexIfMissing(client, uid);
    await succeed(client.swapIndexes([{ indexes: [uid, buildUid], rename: false }]), `swapping ${buildUid} into ${uid}`);
  } catch (err) {
    // deleteIndexIfExists would only enqueue the deletion; wait for it, whatever its outcome.
    await client.deleteIndex(buildUid).waitTask({ timeout: WRITE_TIMEOUT_MS, interval: 25 }).catch(() => {});
    throw err;
  }
  // After the swap the build name holds the old data.
  await succeed(client.deleteIndex(buildUid), `deleting the previous ${uid}`);
  return { buildUid, documents };
}

async function currentSynonyms(client: SearchClient, uid: string): Promise<Record<string, string[]>> {
  try {
    return await client.index(uid).getSynonyms();
  } catch (err) {
    if (meiliApiError(err)?.cause?.code === 'index_not_found') return {};
    throw err;
  }
}

// Facet values from our own reference data: letters, digits and a little punctuation. Anything
// else (quotes, backslashes, brackets of the filter syntax) is refused rather than escaped away.
const SAFE_VALUE = /^[\p{L}\p{N} ._:+&\/()-]{1,80}$/u;
const MAX_VALUES_PER_FILTER = 50;
const MAX_QUERY_LENGTH = 200;

function quote(field: string, value: unknown): string {
  if (typeof value !== 'string' || !SAFE_VALUE.test(value)) {
    throw new SearchQueryError(`filters.${field}`, 'contains a value that is not allowed');
  }
  // The pattern already excludes both, so this is a second line of defence only.
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function finite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new SearchQueryError(`filters.${field}`, 'must be a finite number');
  return value;
}

type FilterClauses = Partial<Record<ProductFacetName, string>> & { rest: string[] };

/**
 * Builds the filter expression from validated values only: every string is checked against a
 * strict pattern and quoted, every number must be finite. User text never reaches it raw.
 * Values within one facet are alternatives (OR); different facets all apply (AND).
 */
export function buildProductFilter(filters: ProductSearchFilters): FilterClauses {
  const clauses: FilterClauses = { rest: [] };
  if (filters.category !== undefined) clauses.categorySlugs = `categorySlugs = ${quote('category', filters.category)}`;
  for (const [field, attribute] of [['origin', 'origin'], ['material', 'material'], ['certifications', 'certifications'], ['incoterms', 'incoterms']] as const) {
    const values = filters[field];
    if (values === undefined) continue;
    if (!Array.isArray(values) || values.length > MAX_VALUES_PER_FILTER) {
      throw new SearchQueryError(`filters.${field}`, `must be a list of at most ${MAX_VALUES_PER_FILTER} values`);
    }
    if (values.length === 0) continue;
    clauses[attribute] = `${attribute} IN [${values.map((v) => quote(field, v)).join(', ')}]`;
  }
  if (filters.moqMax !== undefined) clauses.rest.push(`moq <= ${finite('moqMax', filters.moqMax)}`);
  if (filters.priceMin !== undefined) clauses.rest.push(`priceFrom >= ${finite('priceMin', filters.priceMin)}`);
  if (filters.priceMax !== undefined) clauses.rest.push(`priceFrom <= ${finite('priceMax', filters.priceMax)}`);
  if (filters.leadTimeMax !== undefined) clauses.rest.push(`leadTimeDays <= ${finite('leadTimeMax', filters.leadTimeMax)}`);
  if (filters.supplierId !== undefined) clauses.rest.push(`supplierId = ${quote('supplierId', filters.supplierId)}`);
  return clauses;
}

function joinFilter(clauses: FilterClauses, without?: ProductFacetName): string[] | undefined {
  const parts = productFacetNames.filter((name) => name !== without).flatMap((name) => (clauses[name] ? [clauses[name]] : []));
  const all = [...parts, ...clauses.rest];
  // An array of expressions is an AND in Meilisearch's filter syntax.
  return all.length > 0 ? all : undefined;
}

const sortRules: Record<ProductSort, string[]> = {
  relevance: [],
  price_asc: ['priceFrom:asc'],
  price_desc: ['priceFrom:desc'],
  lead_time: ['leadTimeDays:asc'],
  newest: ['createdAt:desc'],
};

// Private-use characters as highlight markers: the names are escaped for HTML first, then the
// markers become <mark> tags, so a product name can never inject markup.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';

function highlightHtml(formatted: unknown, fallback: string): string {
  const text = typeof formatted === 'string' ? formatted : fallback;
  return text
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
    .replaceAll(MARK_OPEN, '<mark>')
    .replaceAll(MARK_CLOSE, '</mark>');
}

function validateQuery(query: ProductSearchQuery): void {
  if (typeof query.q !== 'string' || query.q.length > MAX_QUERY_LENGTH) throw new SearchQueryError('q', `must be text of at most ${MAX_QUERY_LENGTH} characters`);
  if (!productSorts.includes(query.sort)) throw new SearchQueryError('sort', `must be one of ${productSorts.join(', ')}`);
  if (!Number.isInteger(query.page) || query.page < 1) throw new SearchQueryError('page', 'must be a whole number from 1');
  if (!Number.isInteger(query.pageSize) || query.pageSize < 1 || query.pageSize > PRODUCT_MAX_PAGE_SIZE) {
    throw new SearchQueryError('pageSize', `must be a whole number from 1 to ${PRODUCT_MAX_PAGE_SIZE}`);
  }
}

/**
 * Searches products: typo-tolerant full text, facet filters, price/lead-time ranges, sorting and
 * page-based pagination, with facet counts and numeric ranges for the filter panel. One HTTP
 * request: the main query plus, per filtered facet, a count-only query without that facet's filter.
 * Throws SearchQueryError for a value it will not put into a filter.
 */
export async function searchProducts(client: SearchClient, uid: string, query: ProductSearchQuery): Promise<ProductSearchResult> {
  validateQuery(query);
  const clauses = buildProductFilter(query.filters ?? {});
  const filtered = productFacetNames.filter((name) => clauses[name] !== undefined);
  const q = query.q.trim();

  const main: MultiSearchQuery = {
    indexUid: uid,
    q,
    filter: joinFilter(clauses),
    sort: sortRules[query.sort],
    page: query.page,
    hitsPerPage: query.pageSize,
    facets: [...productFacetNames.filter((name) => !filtered.includes(name)), ...(query.withRanges ? statNames : [])],
    attributesToRetrieve: HIT_ATTRIBUTES,
    attributesToHighlight: HIGHLIGHT_ATTRIBUTES,
    highlightPreTag: MARK_OPEN,
    highlightPostTag: MARK_CLOSE,
  };
  const facetQueries: MultiSearchQuery[] = filtered.map((name) => ({ indexUid: uid, q, filter: joinFilter(clauses, name), facets: [name], limit: 0 }));
  const { results } = await client.multiSearch<{ queries: MultiSearchQuery[] }, ProductCardFields>({ queries: [main, ...facetQueries] });
  const [first, ...facetResults] = results as SearchResponse<ProductCardFields>[];
  const result = first!;

  const distributions = { ...result.facetDistribution };
  filtered.forEach((name, i) => {
    distributions[name] = facetResults[i]?.facetDistribution?.[name] ?? {};
  });
  const facets = Object.fromEntries(
    productFacetNames.map((name) => [
      name,
      Object.entries(distributions[name] ?? {})
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    ]),
  ) as Record<ProductFacetName, FacetCount[]>;

  const stats: ProductSearchResult['stats'] = {};
  for (const name of statNames) {
    const stat = result.facetStats?.[name];
    if (stat) stats[name] = { min: stat.min, max: stat.max };
  }

  // Field by field from the known list (the type makes this literal list every one of hitFields and
  // nothing else): one object shape for all hits, and none of Meilisearch's _-prefixed extras.
  const hits = result.hits.map(
    (h): ProductHit => ({
      id: h.id,
      sku: h.sku,
      nameEn: h.nameEn,
      nameZh: h.nameZh,
      material: h.material,
      categorySlugs: h.categorySlugs,
      categoryNamesEn: h.categoryNamesEn,
      categoryNamesZh: h.categoryNamesZh,
      origin: h.origin,
      certifications: h.certifications,
      incoterms: h.incoterms,
      moq: h.moq,
      unit: h.unit,
      leadTimeDays: h.leadTimeDays,
      priceFromText: h.priceFromText,
      priceCurrency: h.priceCurrency,
      imageUrl: h.imageUrl,
      highlight: { nameEn: highlightHtml(h._formatted?.nameEn, h.nameEn), nameZh: highlightHtml(h._formatted?.nameZh, h.nameZh) },
    }),
  );

  return { hits, total: result.totalHits ?? 0, facets, stats };
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * True when Meilisearch could not answer at all — connection refused or reset, a timeout, a 5xx —
 * so the API may fall back to PostgreSQL. False for our own refusals and for 4xx answers (a bad
 * query or a missing index is a bug to see, not an outage to hide).
 */
export function isSearchUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  // An answer, usually wrapped by the client in a MeilisearchRequestError: only a 5xx is an outage.
  const answer = meiliApiError(err);
  if (answer) return (answer.response?.status ?? 0) >= 500;
  switch (err.name) {
    case 'MeilisearchRequestError': // no answer: refused, reset, DNS, or our request timeout
    case 'MeilisearchRequestTimeOutError':
    case 'MeilisearchTaskTimeOutError':
      return true;
  }
  // A network error that reached us without the client's wrapper.
  for (let cause: unknown = err, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    const code = (cause as Error & { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (cause.name === 'TimeoutError' || cause.name === 'AbortError') return true;
  }
  return false;
}
