import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QuoteDraftBody, QuoteView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { quoteKeys } from './keys.ts';
import { refreshAfterQuoteChange } from './refresh.ts';

/** Replaces a draft revision's lines and terms (only a draft can change). */
export function updateQuoteDraft(quoteId: string, revisionNo: number, body: QuoteDraftBody) {
  return api<QuoteView>(`/api/quotes/${quoteId}/revisions/${revisionNo}`, { method: 'PUT', body });
}

export function useUpdateQuoteDraft(quoteId: string, revisionNo: number) {
  const qc = useQueryClient();
  return useMutation({ mutationKey: quoteKeys.change(), mutationFn: (body: QuoteDraftBody) => updateQuoteDraft(quoteId, revisionNo, body), onSuccess: (q) => refreshAfterQuoteChange(qc, q) });
}
