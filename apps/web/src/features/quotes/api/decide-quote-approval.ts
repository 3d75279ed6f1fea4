import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApprovalBody, QuoteView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { quoteKeys } from './keys.ts';
import { refreshAfterQuoteChange } from './refresh.ts';

/** A manager approves a revision below the margin floor (it is then sent) or sends it back to the clerk. */
export function decideQuoteApproval(quoteId: string, revisionNo: number, body: ApprovalBody) {
  return api<QuoteView>(`/api/quotes/${quoteId}/revisions/${revisionNo}/approval`, { method: 'POST', body });
}

export function useDecideQuoteApproval(quoteId: string, revisionNo: number) {
  const qc = useQueryClient();
  return useMutation({ mutationKey: quoteKeys.change(), mutationFn: (body: ApprovalBody) => decideQuoteApproval(quoteId, revisionNo, body), onSuccess: (q) => refreshAfterQuoteChange(qc, q) });
}
