import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SalesContractView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { negotiationKeys } from './keys.ts';

/** The buyer accepts a sent revision; the API issues exactly one sales contract for it and answers it. */
export function acceptQuote(quoteId: string, revisionNo: number) {
  return api<SalesContractView>(`/api/quotes/${quoteId}/revisions/${revisionNo}/accept`, { method: 'POST', body: { revisionNo } });
}

export function useAcceptQuote(inquiryId: string, quoteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: negotiationKeys.accept(),
    mutationFn: (revisionNo: number) => acceptQuote(quoteId, revisionNo),
    onSuccess: () => void qc.invalidateQueries({ queryKey: negotiationKeys.thread(inquiryId) }),
  });
}
