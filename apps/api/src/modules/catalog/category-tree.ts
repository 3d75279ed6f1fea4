import type { PrismaClient } from '@portal/db';
import * as repo from './catalog.repository.ts';
import { categoryPath, type CategoryInfo } from './catalog.mappers.ts';

/**
 * The category tree, kept in memory by the catalog services: it changes only through staff editing,
 * which forgets it. Counting products per category on every search cost ~60 ms on 100k products
 * (bench:search).
 */
export type CategoryTree = {
  /** Every category by id. */
  get(): Promise<Map<string, CategoryInfo>>;
  /** Read the tree again on next use (after a category changed). */
  forget(): void;
  /** The ids of a category and every category below it. */
  subtreeIds(categories: Map<string, CategoryInfo>, match: (c: CategoryInfo) => boolean): string[];
};

export function createCategoryTree(prisma: PrismaClient): CategoryTree {
  let cache: Promise<Map<string, CategoryInfo>> | undefined;
  return {
    get() {
      cache ??= repo.listCategoryTree(prisma).then((rows) => new Map(rows.map((c) => [c.id, c])));
      cache.catch(() => (cache = undefined));
      return cache;
    },
    forget() {
      cache = undefined;
    },
    subtreeIds(categories, match) {
      return [...categories.values()].filter((c) => categoryPath(categories, c.id).some(match)).map((c) => c.id);
    },
  };
}
