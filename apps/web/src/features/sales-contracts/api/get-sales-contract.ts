import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SalesContractView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { salesContractKeys } from './keys.ts';

/** One sales contract with its lines, clauses, payment terms, letter of credit and amendments. */
export function getSalesContract(id: string, signal?: AbortSignal) {
  return api<SalesContractView>(`/api/contracts/${id}`, { signal });
}

export const salesContractQueryOptions = (id: string) =>
  queryOptions({ queryKey: salesContractKeys.detail(id), queryFn: ({ signal }) => getSalesContract(id, signal) });

export function useSalesContract(id: string) {
  return useQuery(salesContractQueryOptions(id));
}
