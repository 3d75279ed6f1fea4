import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QuoteView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { quoteKeys } from './keys.ts';
import { refreshAfterQuoteChange } from './refresh.ts';

/** Sends a draft to the buyer, or to a manager first when a line is below the margin floor. */
export function sendQuoteRevision(quoteId: string, revisionNo: number) {
  return api<QuoteView>(`/api/quotes/${quoteId}/revisions/${revisionNo}/send`, { method: 'POST' });
}

export function useSendQuoteRevision(quoteId: string) {
  const qc = useQueryClient();
  return useMutation({ mutationKey: quoteKeys.change(), mutationFn: (revisionNo: number) => sendQuoteRevision(quoteId, revisionNo), onSuccess: (q) => refreshAfterQuoteChange(qc, q) });
}
