/**
 * Query keys of the catalog: what buyers search and read (search, product pages, the supplier) and
 * what staff maintain (products, categories, synonyms). A staff change refreshes both sides.
 */
export const catalogKeys = {
  all: ['catalog'] as const,
  searches: () => [...catalogKeys.all, 'search'] as const,
  search: (query: string) => [...catalogKeys.searches(), query] as const,
  product: (id: string) => [...catalogKeys.all, 'product', id] as const,
  supplier: () => [...catalogKeys.all, 'supplier'] as const,
  categories: () => [...catalogKeys.all, 'categories'] as const,
  synonyms: () => [...catalogKeys.all, 'synonyms'] as const,
  staffProducts: () => [...catalogKeys.all, 'staff-products'] as const,
  staffProductList: (query: string) => [...catalogKeys.staffProducts(), 'list', query] as const,
  staffProduct: (id: string) => [...catalogKeys.staffProducts(), 'detail', id] as const,
};
