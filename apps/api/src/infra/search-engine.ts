import { createHash } from 'node:crypto';
import {
  createSearchClient,
  deleteProducts,
  ensureProductIndex,
  isSearchUnavailable,
  rebuildProductIndex,
  searchProducts,
  setSynonyms,
  upsertProducts,
  type ProductDocument,
  type ProductSearchQuery as ProductSearchParams,
  type ProductSearchResult as ProductSearchResponse,
} from '@portal/search';

/** The product index as the API uses it: queries with a search-only key, writes with the admin key. */
export type SearchEngine = {
  uid: string;
  search(params: ProductSearchParams): Promise<ProductSearchResponse>;
  upsert(docs: ProductDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  setSynonyms(groups: string[][]): Promise<void>;
  rebuild(batches: AsyncIterable<ProductDocument[]>): Promise<void>;
  /** Creates the index if missing and applies its settings, and these synonyms when given. */
  ensureIndex(synonymGroups?: string[][]): Promise<void>;
  countDocuments(): Promise<number | null>;
  /** Every indexed product's content stamp (see documentStamp), by id. */
  stamps(): Promise<Map<string, string>>;
  isHealthy(): Promise<boolean>;
};

export { isSearchUnavailable };

/**
 * A digest of everything a product's document holds, stored in the document as `stamp`: the start
 * compares it with the database's, so a change whose index task never arrived is found and put
 * right (comparing counts only, an edit lost that way stayed wrong in search for good).
 */
export function documentStamp(doc: ProductDocument): string {
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex').slice(0, 24);
}

const stamped = (docs: ProductDocument[]) => docs.map((d) => ({ ...d, stamp: documentStamp(d) }));

/** Connects to Meilisearch; `searchKey` (search-only) serves queries when given. */
export function createSearchEngine(options: { host: string; adminKey: string; searchKey?: string; uid: string }): SearchEngine {
  const admin = createSearchClient({ host: options.host, apiKey: options.adminKey });
  const reader = options.searchKey ? createSearchClient({ host: options.host, apiKey: options.searchKey }) : admin;
  const { uid } = options;
  return {
    uid,
    search: (params) => searchProducts(reader, uid, params),
    upsert: (docs) => upsertProducts(admin, uid, stamped(docs)),
    remove: (ids) => deleteProducts(admin, uid, ids),
    setSynonyms: (groups) => setSynonyms(admin, uid, groups),
    rebuild: async (batches) => {
      await rebuildProductIndex(
        admin,
        uid,
        (async function* () {
          for await (const batch of batches) yield stamped(batch);
        })(),
      );
    },
    async stamps() {
      const found = new Map<string, string>();
      for (let offset = 0; ; offset += 1000) {
        const page = await admin.index<{ id: string; stamp?: string }>(uid).getDocuments({ fields: ['id', 'stamp'], limit: 1000, offset });
        for (const d of page.results) found.set(d.id, d.stamp ?? '');
        if (page.results.length < 1000) return found;
      }
    },
    ensureIndex: (synonymGroups) => ensureProductIndex(admin, uid, synonymGroups),
    async countDocuments() {
      try {
        const stats = await admin.index(uid).getStats();
        return stats.numberOfDocuments;
      } catch {
        return null;
      }
    },
    async isHealthy() {
      try {
        await admin.health();
        return true;
      } catch {
        return false;
      }
    },
  };
}
