import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ClaimNoteBody, ClaimStepBody, ClaimView, FileClaimBody, UseCreditNoteBody } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { claimKeys } from './keys.ts';

/** After a change: the claim as the server answered it, and every list that shows it refetched. */
function refresh(qc: QueryClient, claim: ClaimView) {
  qc.setQueryData(claimKeys.detail(claim.id), claim);
  void qc.invalidateQueries({ queryKey: claimKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
  void qc.invalidateQueries({ queryKey: ['notifications'] });
  void qc.invalidateQueries({ queryKey: ['home'] });
}

/** Files a claim (a buyer; staff from a complaint). */
export function useFileClaim() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: FileClaimBody) => api<ClaimView>('/api/claims', { method: 'POST', body }), onSuccess: (c) => refresh(qc, c) });
}

/** A step of the workflow on one claim. */
export function useClaimStep(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ClaimStepBody) => api<ClaimView>(`/api/claims/${id}/steps`, { method: 'POST', body }), onSuccess: (c) => refresh(qc, c) });
}

/** A staff-only note. */
export function useClaimNote(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ClaimNoteBody) => api<ClaimView>(`/api/claims/${id}/notes`, { method: 'POST', body }), onSuccess: (c) => refresh(qc, c) });
}

/** Finance uses an open credit note against a later contract. */
export function useUseCreditNote(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: UseCreditNoteBody) => api<ClaimView>(`/api/claims/${id}/credit-note-use`, { method: 'POST', body }), onSuccess: (c) => refresh(qc, c) });
}
