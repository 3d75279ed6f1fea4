import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SupplierProfile } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export const supplierQuery = queryOptions({ queryKey: ['catalog-supplier'], queryFn: ({ signal }) => api<SupplierProfile>('/api/catalog/supplier', { signal }), staleTime: 5 * 60_000 });

export function useSupplier() {
  return useQuery(supplierQuery);
}
