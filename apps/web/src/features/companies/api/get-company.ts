import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CompanyDetail } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { companyKeys } from './keys.ts';

/** One company with its review record (buyers: only their own). */
export function getCompany(id: string, signal?: AbortSignal) {
  return api<CompanyDetail>(`/api/companies/${id}`, { signal });
}

export const companyQueryOptions = (id: string) => queryOptions({ queryKey: companyKeys.detail(id), queryFn: ({ signal }) => getCompany(id, signal) });

export function useCompany(id: string) {
  return useQuery(companyQueryOptions(id));
}
