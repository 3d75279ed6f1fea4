import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContractExecutionView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { shipmentKeys } from './keys.ts';

/** A contract's execution record: line progress and shipments with their timelines. */
export function getExecution(contractId: string, signal?: AbortSignal) {
  return api<ContractExecutionView>(`/api/contracts/${contractId}/execution`, { signal });
}

export const executionQueryOptions = (contractId: string) =>
  queryOptions({ queryKey: shipmentKeys.execution(contractId), queryFn: ({ signal }) => getExecution(contractId, signal) });

export function useExecution(contractId: string) {
  return useQuery(executionQueryOptions(contractId));
}
