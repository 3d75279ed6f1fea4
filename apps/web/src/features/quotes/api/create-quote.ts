import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QuoteDraftBody, QuoteView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { quoteKeys } from './keys.ts';
import { refreshAfterQuoteChange } from './refresh.ts';

/** Creates the inquiry's PI (revision 1), or the next draft revision of its open PI; margins are costed by the API. */
export function createQuote(inquiryId: string, body: QuoteDraftBody) {
  return api<QuoteView>(`/api/inquiries/${inquiryId}/quotes`, { method: 'POST', body });
}

export function useCreateQuote(inquiryId: string) {
  const qc = useQueryClient();
  return useMutation({ mutationKey: quoteKeys.change(), mutationFn: (body: QuoteDraftBody) => createQuote(inquiryId, body), onSuccess: (q) => refreshAfterQuoteChange(qc, q) });
}
