import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CompanyPage, CompanyStatus } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export type CompanyFilter = { status?: CompanyStatus; q?: string; page: number };

export const companiesQuery = (f: CompanyFilter) =>
  queryOptions({
    queryKey: ['companies', f],
    queryFn: ({ signal }) => {
      const qs = new URLSearchParams({ page: String(f.page), pageSize: '25' });
      if (f.status) qs.set('status', f.status);
      if (f.q) qs.set('q', f.q);
      return api<CompanyPage>(`/api/companies?${qs}`, { signal });
    },
    placeholderData: keepPreviousData,
  });

export function useCompanies(f: CompanyFilter) {
  return useQuery(companiesQuery(f));
}
