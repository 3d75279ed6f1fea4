import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProposeAmendmentBody, SalesContractView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { refreshAfterContractChange } from './refresh.ts';

/** Staff propose a numbered amendment; it applies once the buyer confirms it. */
export function proposeAmendment(contractId: string, body: ProposeAmendmentBody) {
  return api<SalesContractView>(`/api/contracts/${contractId}/amendments`, { method: 'POST', body });
}

export function useProposeAmendment(contractId: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ProposeAmendmentBody) => proposeAmendment(contractId, body), onSuccess: (c) => refreshAfterContractChange(qc, c) });
}
