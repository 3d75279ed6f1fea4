import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompanyDetail, ReviewIdentityChangeBody } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export function reviewIdentityChange(id: string, body: ReviewIdentityChangeBody) {
  return api<CompanyDetail>(`/api/companies/${id}/identity-change/review`, { method: 'POST', body });
}

export function useReviewIdentityChange(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewIdentityChangeBody) => reviewIdentityChange(id, body),
    onSuccess: (company) => {
      qc.setQueryData(['company', id], company);
      void qc.invalidateQueries({ queryKey: ['companies'] });
    },
  });
}
