import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SalesContractView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { refreshAfterContractChange } from './refresh.ts';

/** The buyer confirms the contract as issued (ISSUED → CONFIRMED). */
export function confirmSalesContract(id: string) {
  return api<SalesContractView>(`/api/contracts/${id}/confirm`, { method: 'POST', body: {} });
}

export function useConfirmSalesContract(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => confirmSalesContract(id), onSuccess: (c) => refreshAfterContractChange(qc, c) });
}
