import type { QueryClient } from '@tanstack/react-query';
import type { SalesContractView } from '@portal/schemas';
import { salesContractKeys } from './keys.ts';

/** After a change to a contract: the contract as the API answered it; the list refetches. */
export function refreshAfterContractChange(qc: QueryClient, contract: SalesContractView) {
  qc.setQueryData(salesContractKeys.detail(contract.id), contract);
  void qc.invalidateQueries({ queryKey: salesContractKeys.list() });
}
