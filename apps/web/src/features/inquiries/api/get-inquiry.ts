import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateInquiryBody, IndicativePrice, InquiryDetail, InquiryPage } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export const inquiriesQuery = (search: string) =>
  queryOptions({ queryKey: ['inquiries', search], queryFn: ({ signal }) => api<InquiryPage>(`/api/inquiries?${search}`, { signal }), placeholderData: keepPreviousData, refetchInterval: 60_000 });

export function useInquiries(search: string) {
  return useQuery(inquiriesQuery(search));
}

export const inquiryQuery = (id: string) => queryOptions({ queryKey: ['inquiry', id], queryFn: ({ signal }) => api<InquiryDetail>(`/api/inquiries/${id}`, { signal }) });

export function useInquiry(id: string) {
  return useQuery(inquiryQuery(id));
}

export function useCreateInquiry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInquiryBody) => api<InquiryDetail>('/api/inquiries', { method: 'POST', body }),
    onSuccess: (inq) => {
      qc.setQueryData(['inquiry', inq.id], inq);
      void qc.invalidateQueries({ queryKey: ['inquiries'] });
    },
  });
}

export function useWithdrawInquiry(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<InquiryDetail>(`/api/inquiries/${id}/withdraw`, { method: 'POST' }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['inquiry', id] });
      void qc.invalidateQueries({ queryKey: ['inquiries'] });
    },
  });
}

export const indicativePriceQuery = (productId: string, params: { quantity: string; incoterm: string; port?: string; currency: string }) =>
  queryOptions({
    queryKey: ['indicative-price', productId, params],
    queryFn: ({ signal }) => {
      const qs = new URLSearchParams({ quantity: params.quantity, incoterm: params.incoterm, currency: params.currency });
      if (params.port) qs.set('port', params.port);
      return api<IndicativePrice>(`/api/catalog/products/${productId}/indicative-price?${qs}`, { signal });
    },
    retry: false,
    staleTime: 60_000,
  });

export function useIndicativePrice(productId: string, params: { quantity: string; incoterm: string; port?: string; currency: string }, enabled: boolean) {
  return useQuery({ ...indicativePriceQuery(productId, params), enabled });
}

export { uploadAttachment } from '../../../lib/upload.ts';
