import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CompanyPage } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { companyKeys, type CompanyFilter } from './keys.ts';

/** A page of the buyer directory, by status and part of the name. */
export function listCompanies(filter: CompanyFilter, signal?: AbortSignal) {
  const qs = new URLSearchParams({ page: String(filter.page), pageSize: '25' });
  if (filter.status) qs.set('status', filter.status);
  if (filter.q) qs.set('q', filter.q);
  return api<CompanyPage>(`/api/companies?${qs}`, { signal });
}

export const companiesQueryOptions = (filter: CompanyFilter) =>
  queryOptions({ queryKey: companyKeys.list(filter), queryFn: ({ signal }) => listCompanies(filter, signal), placeholderData: keepPreviousData });

export function useCompanies(filter: CompanyFilter) {
  return useQuery(companiesQueryOptions(filter));
}
