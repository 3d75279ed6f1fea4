import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ProductSearchResult } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

/** The search state is the URL's query string; the same string goes to the API. */
export const productSearchQuery = (search: string) =>
  queryOptions({
    queryKey: ['catalog-search', search],
    queryFn: ({ signal }) => api<ProductSearchResult>(`/api/catalog/search${search ? `?${search}` : ''}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });

export function useProductSearch(search: string) {
  return useQuery(productSearchQuery(search));
}
