import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CounterOfferBody, NegotiationThread, SalesContractView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export const threadQuery = (inquiryId: string) =>
  queryOptions({ queryKey: ['thread', inquiryId], queryFn: ({ signal }) => api<NegotiationThread>(`/api/inquiries/${inquiryId}/messages`, { signal }), refetchInterval: 30_000 });

export function useThread(inquiryId: string) {
  return useQuery(threadQuery(inquiryId));
}

function useInvalidate(inquiryId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['thread', inquiryId] });
    void qc.invalidateQueries({ queryKey: ['inquiry', inquiryId] });
    void qc.invalidateQueries({ queryKey: ['quote'] });
    void qc.invalidateQueries({ queryKey: ['inquiries'] });
  };
}

export function usePostMessage(inquiryId: string) {
  const done = useInvalidate(inquiryId);
  return useMutation({
    mutationFn: ({ body, attachmentIds }: { body: string; attachmentIds: string[] }) => api(`/api/inquiries/${inquiryId}/messages`, { method: 'POST', body: { body, attachmentIds } }),
    onSuccess: done,
  });
}

export function useCounterOffer(inquiryId: string) {
  const done = useInvalidate(inquiryId);
  return useMutation({ mutationFn: (body: CounterOfferBody) => api(`/api/inquiries/${inquiryId}/counter-offers`, { method: 'POST', body }), onSuccess: done });
}

export function useChangeRequest(inquiryId: string) {
  const done = useInvalidate(inquiryId);
  return useMutation({ mutationFn: (body: { revisionNo: number; body: string }) => api(`/api/inquiries/${inquiryId}/change-requests`, { method: 'POST', body }), onSuccess: done });
}

export function useAcceptRevision(inquiryId: string, quoteId: string) {
  const done = useInvalidate(inquiryId);
  return useMutation({
    mutationFn: (revisionNo: number) => api<SalesContractView>(`/api/quotes/${quoteId}/revisions/${revisionNo}/accept`, { method: 'POST', body: { revisionNo } }),
    onSuccess: done,
  });
}

export function useDeclineRevision(inquiryId: string, quoteId: string) {
  const done = useInvalidate(inquiryId);
  return useMutation({
    mutationFn: ({ revisionNo, reason }: { revisionNo: number; reason: string }) => api(`/api/quotes/${quoteId}/revisions/${revisionNo}/decline`, { method: 'POST', body: { revisionNo, reason } }),
    onSuccess: done,
  });
}
