import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CompanyUsers } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export const companyUsersQuery = (companyId: string) =>
  queryOptions({ queryKey: ['company-users', companyId], queryFn: ({ signal }) => api<CompanyUsers>(`/api/companies/${companyId}/users`, { signal }) });

export function useCompanyUsers(companyId: string) {
  return useQuery(companyUsersQuery(companyId));
}
