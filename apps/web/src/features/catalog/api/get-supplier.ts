import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SupplierProfile } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { catalogKeys } from './keys.ts';

/** The supplier's profile: factory, certifications, markets and its catalog by category. */
export function getSupplier(signal?: AbortSignal) {
  return api<SupplierProfile>('/api/catalog/supplier', { signal });
}

export const supplierQueryOptions = () => queryOptions({ queryKey: catalogKeys.supplier(), queryFn: ({ signal }) => getSupplier(signal), staleTime: 5 * 60_000 });

export function useSupplier() {
  return useQuery(supplierQueryOptions());
}
