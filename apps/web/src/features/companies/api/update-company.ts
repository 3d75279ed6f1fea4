import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompanyDetail, UpdateCompanyBody } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export function updateCompany(id: string, body: UpdateCompanyBody) {
  return api<CompanyDetail>(`/api/companies/${id}`, { method: 'PATCH', body });
}

export function useUpdateCompany(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCompanyBody) => updateCompany(id, body),
    onSuccess: (company) => {
      qc.setQueryData(['company', id], company);
      void qc.invalidateQueries({ queryKey: ['session'] });
    },
  });
}
