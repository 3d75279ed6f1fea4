import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompanyDetail, UpdateCompanyBody } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { companyKeys } from './keys.ts';

/** Changes a company's details (its company admins, or a portal admin). */
export function updateCompany(id: string, body: UpdateCompanyBody) {
  return api<CompanyDetail>(`/api/companies/${id}`, { method: 'PATCH', body });
}

export function useUpdateCompany(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: companyKeys.update(),
    mutationFn: (body: UpdateCompanyBody) => updateCompany(id, body),
    onSuccess: (company) => {
      qc.setQueryData(companyKeys.detail(id), company);
      void qc.invalidateQueries({ queryKey: companyKeys.lists() });
    },
  });
}
