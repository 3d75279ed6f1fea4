import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CategoryNode } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { catalogKeys } from './keys.ts';

/** The category tree, flat, with each category's product count. */
export function listCategories(signal?: AbortSignal) {
  return api<CategoryNode[]>('/api/catalog/categories', { signal });
}

export const categoriesQueryOptions = () => queryOptions({ queryKey: catalogKeys.categories(), queryFn: ({ signal }) => listCategories(signal) });

export function useCategories() {
  return useQuery(categoriesQueryOptions());
}
