import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SalesContractView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { refreshAfterContractChange } from './refresh.ts';

/** The buyer confirms a proposed amendment: its changes apply and the amendment number rises. */
export function confirmAmendment(contractId: string, number: number) {
  return api<SalesContractView>(`/api/contracts/${contractId}/amendments/${number}/confirm`, { method: 'POST', body: {} });
}

export function useConfirmAmendment(contractId: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (number: number) => confirmAmendment(contractId, number), onSuccess: (c) => refreshAfterContractChange(qc, c) });
}
