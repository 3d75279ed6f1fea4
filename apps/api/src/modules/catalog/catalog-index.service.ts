import type { PrismaClient } from '@portal/db';
import type { ProductDocument } from '@portal/search';
import { documentStamp, isSearchUnavailable, type SearchEngine } from '../../infra/search-engine.ts';
import * as repo from './catalog.repository.ts';
import { toProductDocument } from './catalog.mappers.ts';
import { createCategoryTree, type CategoryTree } from './category-tree.ts';

/**
 * What the product index should hold, as the database has it now: the synonym groups and each
 * active product's document. A first start reads it before the demo history holds the database and
 * sends it to Meilisearch beside the history (see server.ts); the reconcile before ready still
 * compares every document.
 */
export async function readIndexContent(prisma: PrismaClient): Promise<{ synonyms: string[][]; documents: ProductDocument[] }> {
  const categories = await createCategoryTree(prisma).get();
  const synonyms = (await repo.findSynonyms(prisma)).map((s) => s.terms);
  const documents: ProductDocument[] = [];
  for (let after: string | null = null; ; ) {
    const rows = await repo.findActiveProductsAfter(prisma, after, 1000);
    if (!rows.length) return { synonyms, documents };
    after = rows[rows.length - 1]!.id;
    documents.push(...rows.map((r) => toProductDocument(r, categories)));
  }
}

/**
 * Keeps the search index in line with the database: the search outbox handler applies product and
 * synonym changes; the rebuild builds a new index beside the live one and swaps it in; at start the
 * index is reconciled. Without an engine (search: null) every task is a no-op.
 */
export function createCatalogIndexService(deps: { prisma: PrismaClient; search: SearchEngine | null; categories: CategoryTree }) {
  const { prisma, search, categories: tree } = deps;

  const synonymGroups = async () => (await repo.findSynonyms(prisma)).map((s) => s.terms);

  return {
    /** Brings the index in line with the database for these products: active ones upserted, the others removed. */
    async syncProducts(ids: string[]): Promise<void> {
      if (!search) return;
      const [rows, categories] = await Promise.all([repo.findProductsByIds(prisma, ids), tree.get()]);
      const active = rows.filter((r) => r.status === 'ACTIVE');
      const gone = ids.filter((id) => !active.some((r) => r.id === id));
      if (active.length) await search.upsert(active.map((r) => toProductDocument(r, categories)));
      if (gone.length) await search.remove(gone);
    },

    /** Pushes the synonym groups to the index. */
    async syncSynonyms(): Promise<void> {
      if (!search) return;
      await search.setSynonyms(await synonymGroups());
    },

    /** Rebuilds the whole index from the database into a new index, then swaps it in; answers how many products it holds. */
    async rebuildIndex(): Promise<number> {
      if (!search) return 0;
      const categories = await tree.get();
      let count = 0;
      async function* batches() {
        let after: string | null = null;
        for (;;) {
          const rows = await repo.findActiveProductsAfter(prisma, after, 1000);
          if (!rows.length) return;
          count += rows.length;
          after = rows[rows.length - 1]!.id;
          yield rows.map((r) => toProductDocument(r, categories));
        }
      }
      await search.rebuild(batches());
      await this.syncSynonyms();
      return count;
    },

    /**
     * At start and after the engine restarted: make the index hold exactly the active products, as
     * they are now. Each document's content stamp is compared with the database's, so an edit whose
     * index task was lost is put right too; only what differs is written.
     */
    async reconcileIndex(): Promise<'rebuilt' | 'caught-up' | 'in-sync' | 'unavailable'> {
      if (!search) return 'unavailable';
      try {
        // Settings and synonyms in one task, before any document: a first start indexes each document once.
        await search.ensureIndex(await synonymGroups());
        const indexed = await search.stamps();
        const categories = await tree.get();
        const seen = new Set<string>();
        let written = 0;
        for (let after: string | null = null; ; ) {
          const rows = await repo.findActiveProductsAfter(prisma, after, 1000);
          if (!rows.length) break;
          after = rows[rows.length - 1]!.id;
          const docs = rows.map((r) => toProductDocument(r, categories));
          docs.forEach((d) => seen.add(d.id));
          const stale = docs.filter((d) => indexed.get(d.id) !== documentStamp(d));
          if (stale.length) await search.upsert(stale);
          written += stale.length;
        }
        const gone = [...indexed.keys()].filter((id) => !seen.has(id));
        if (gone.length) await search.remove(gone);
        if (!written && !gone.length) return 'in-sync';
        return indexed.size === 0 ? 'rebuilt' : 'caught-up';
      } catch (err) {
        if (isSearchUnavailable(err)) return 'unavailable';
        throw err;
      }
    },
  };
}

export type CatalogIndexService = ReturnType<typeof createCatalogIndexService>;
