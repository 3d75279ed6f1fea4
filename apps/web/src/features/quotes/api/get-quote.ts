import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApprovalBody, PendingApproval, QuoteDraftBody, QuoteView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export const quoteQuery = (id: string) => queryOptions({ queryKey: ['quote', id], queryFn: ({ signal }) => api<QuoteView>(`/api/quotes/${id}`, { signal }) });

export function useQuote(id: string | undefined) {
  return useQuery({ ...quoteQuery(id ?? ''), enabled: Boolean(id) });
}

function refresh(qc: ReturnType<typeof useQueryClient>, quote: QuoteView) {
  qc.setQueryData(['quote', quote.id], quote);
  void qc.invalidateQueries({ queryKey: ['inquiry', quote.inquiry.id] });
  void qc.invalidateQueries({ queryKey: ['inquiries'] });
  void qc.invalidateQueries({ queryKey: ['approvals'] });
}

/** Creates the PI (revision 1) or the next draft revision of an inquiry's open PI. */
export function useCreateQuote(inquiryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: QuoteDraftBody) => api<QuoteView>(`/api/inquiries/${inquiryId}/quotes`, { method: 'POST', body }),
    onSuccess: (q) => refresh(qc, q),
  });
}

export function useUpdateDraft(quoteId: string, revisionNo: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: QuoteDraftBody) => api<QuoteView>(`/api/quotes/${quoteId}/revisions/${revisionNo}`, { method: 'PUT', body }),
    onSuccess: (q) => refresh(qc, q),
  });
}

export function useSendRevision(quoteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (revisionNo: number) => api<QuoteView>(`/api/quotes/${quoteId}/revisions/${revisionNo}/send`, { method: 'POST' }),
    onSuccess: (q) => refresh(qc, q),
  });
}

export function useDecideApproval(quoteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ revisionNo, ...body }: ApprovalBody & { revisionNo: number }) => api<QuoteView>(`/api/quotes/${quoteId}/revisions/${revisionNo}/approval`, { method: 'POST', body }),
    onSuccess: (q) => refresh(qc, q),
  });
}

export const approvalsQuery = queryOptions({ queryKey: ['approvals'], queryFn: ({ signal }) => api<PendingApproval[]>('/api/approvals/quotes', { signal }), refetchInterval: 60_000 });

export function useApprovals() {
  return useQuery(approvalsQuery);
}
