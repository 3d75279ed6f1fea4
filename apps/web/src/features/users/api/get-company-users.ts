import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CompanyUsers } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { userKeys } from './keys.ts';

/** A company's users and its open invitations. */
export function getCompanyUsers(companyId: string, signal?: AbortSignal) {
  return api<CompanyUsers>(`/api/companies/${companyId}/users`, { signal });
}

export const companyUsersQueryOptions = (companyId: string) =>
  queryOptions({ queryKey: userKeys.ofCompany(companyId), queryFn: ({ signal }) => getCompanyUsers(companyId, signal) });

export function useCompanyUsers(companyId: string) {
  return useQuery(companyUsersQueryOptions(companyId));
}
