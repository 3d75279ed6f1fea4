import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DeclineBody, NegotiationMessageView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { negotiationKeys } from './keys.ts';

/** The buyer declines a sent revision, saying why; the inquiry is closed. */
export function declineQuote(quoteId: string, revisionNo: number, body: DeclineBody) {
  return api<NegotiationMessageView>(`/api/quotes/${quoteId}/revisions/${revisionNo}/decline`, { method: 'POST', body });
}

export function useDeclineQuote(inquiryId: string, quoteId: string, revisionNo: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: negotiationKeys.change(),
    mutationFn: (body: DeclineBody) => declineQuote(quoteId, revisionNo, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: negotiationKeys.thread(inquiryId) }),
  });
}
