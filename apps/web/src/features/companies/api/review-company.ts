import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompanyDetail, ReviewCompanyBody } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { companyKeys } from './keys.ts';

/** A manager approves, rejects, suspends or reinstates a buyer company; the buyer is told why. */
export function reviewCompany(id: string, body: ReviewCompanyBody) {
  return api<CompanyDetail>(`/api/companies/${id}/review`, { method: 'POST', body });
}

export function useReviewCompany(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewCompanyBody) => reviewCompany(id, body),
    onSuccess: (company) => {
      qc.setQueryData(companyKeys.detail(id), company);
      void qc.invalidateQueries({ queryKey: companyKeys.lists() });
    },
  });
}
