import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InquiryListView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

/** The buyer's inquiry list, kept on the account (any device). */
export const inquiryListQuery = queryOptions({
  queryKey: ['inquiry-list'],
  queryFn: ({ signal }) => api<InquiryListView>('/api/inquiry-list', { signal }),
});

export function useInquiryList(enabled = true) {
  return useQuery({ ...inquiryListQuery, enabled });
}

/** Puts a product on the list (or changes its quantity), takes one off, or empties it; the answer is the list as it now is. */
export function useInquiryListChanges() {
  const qc = useQueryClient();
  const settle = (list: InquiryListView) => qc.setQueryData(inquiryListQuery.queryKey, list);
  return {
    put: useMutation({
      mutationFn: ({ productId, quantity }: { productId: string; quantity: string }) => api<InquiryListView>(`/api/inquiry-list/${productId}`, { method: 'PUT', body: { quantity } }),
      onSuccess: settle,
    }),
    remove: useMutation({ mutationFn: (productId: string) => api<InquiryListView>(`/api/inquiry-list/${productId}`, { method: 'DELETE' }), onSuccess: settle }),
  };
}
