import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CompanyDetail } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export const companyQuery = (id: string) =>
  queryOptions({ queryKey: ['company', id], queryFn: ({ signal }) => api<CompanyDetail>(`/api/companies/${id}`, { signal }) });

export function useCompany(id: string) {
  return useQuery(companyQuery(id));
}
