import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ProductSearchResult } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { catalogKeys } from './keys.ts';

/** Searches the catalog; the search state is the URL's query string, and the same string goes to the API. */
export function searchProducts(query: string, signal?: AbortSignal) {
  return api<ProductSearchResult>(`/api/catalog/search${query ? `?${query}` : ''}`, { signal });
}

export const productSearchQueryOptions = (query: string) =>
  queryOptions({
    queryKey: catalogKeys.search(query),
    queryFn: ({ signal }) => searchProducts(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });

export function useProductSearch(query: string) {
  return useQuery(productSearchQueryOptions(query));
}
