import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateInquiryBody, InquiryDetail } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { inquiryKeys } from './keys.ts';

/** A buyer sends an inquiry (RFQ); the exporter's clerks are told, and its response timer starts. */
export function createInquiry(body: CreateInquiryBody) {
  return api<InquiryDetail>('/api/inquiries', { method: 'POST', body });
}

export function useCreateInquiry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createInquiry,
    onSuccess: (inquiry) => {
      qc.setQueryData(inquiryKeys.detail(inquiry.id), inquiry);
      void qc.invalidateQueries({ queryKey: inquiryKeys.lists() });
    },
  });
}
