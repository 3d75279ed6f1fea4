import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NextRevisionBody, QuoteView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { quoteKeys } from './keys.ts';
import { refreshAfterQuoteChange } from './refresh.ts';

/** Drafts the next revision from the last sent one, taking per line what the clerk chose of the buyer's counter-offer. */
export function buildNextRevision(quoteId: string, body: NextRevisionBody) {
  return api<QuoteView>(`/api/quotes/${quoteId}/revisions`, { method: 'POST', body });
}

export function useBuildNextRevision(quoteId: string) {
  const qc = useQueryClient();
  return useMutation({ mutationKey: quoteKeys.change(), mutationFn: (body: NextRevisionBody) => buildNextRevision(quoteId, body), onSuccess: (q) => refreshAfterQuoteChange(qc, q) });
}
