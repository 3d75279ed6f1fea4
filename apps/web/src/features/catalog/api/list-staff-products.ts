import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { StaffProductPage } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { catalogKeys } from './keys.ts';

/** Staff's product list, drafts and archived ones included; `query` is q, status and page. */
export function listStaffProducts(query: string, signal?: AbortSignal) {
  return api<StaffProductPage>(`/api/products?${query}`, { signal });
}

export const staffProductsQueryOptions = (query: string) =>
  queryOptions({ queryKey: catalogKeys.staffProductList(query), queryFn: ({ signal }) => listStaffProducts(query, signal), placeholderData: keepPreviousData });

export function useStaffProducts(query: string) {
  return useQuery(staffProductsQueryOptions(query));
}
