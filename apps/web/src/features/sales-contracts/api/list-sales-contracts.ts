import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContractSummary } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { salesContractKeys } from './keys.ts';

/** Sales contracts, newest first: a buyer's own company's, or all for staff. */
export function listSalesContracts(signal?: AbortSignal) {
  return api<ContractSummary[]>('/api/contracts', { signal });
}

export const salesContractsQueryOptions = () =>
  queryOptions({ queryKey: salesContractKeys.list(), queryFn: ({ signal }) => listSalesContracts(signal) });

export function useSalesContracts() {
  return useQuery(salesContractsQueryOptions());
}
