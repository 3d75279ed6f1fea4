import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InquiryDetail } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { inquiryKeys } from './keys.ts';

/** The buyer withdraws an open inquiry. */
export function withdrawInquiry(id: string) {
  return api<InquiryDetail>(`/api/inquiries/${id}/withdraw`, { method: 'POST' });
}

export function useWithdrawInquiry(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => withdrawInquiry(id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: inquiryKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: inquiryKeys.lists() });
    },
  });
}
