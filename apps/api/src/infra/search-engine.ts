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
  ensureIndex(): Promise<void>;
  countDocuments(): Promise<number | null>;
  isHealthy(): Promise<boolean>;
};

export { isSearchUnavailable };

/** Connects to Meilisearch; `searchKey` (search-only) serves queries when given. */
export function createSearchEngine(options: { host: string; adminKey: string; searchKey?: string; uid: string }): SearchEngine {
  const admin = createSearchClient({ host: options.host, apiKey: options.adminKey });
  const reader = options.searchKey ? createSearchClient({ host: options.host, apiKey: options.searchKey }) : admin;
  const { uid } = options;
  return {
    uid,
    search: (params) => searchProducts(reader, uid, params),
    upsert: (docs) => upsertProducts(admin, uid, docs),
    remove: (ids) => deleteProducts(admin, uid, ids),
    setSynonyms: (groups) => setSynonyms(admin, uid, groups),
    rebuild: async (batches) => {
      await rebuildProductIndex(admin, uid, batches);
    },
    ensureIndex: () => ensureProductIndex(admin, uid),
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
