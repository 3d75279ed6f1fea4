import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateCompanyUserBody, UserSummary } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { userKeys } from './keys.ts';

/** A company admin disables, enables or makes a colleague an admin. */
export function updateCompanyUser(companyId: string, userId: string, body: UpdateCompanyUserBody) {
  return api<UserSummary>(`/api/companies/${companyId}/users/${userId}`, { method: 'PATCH', body });
}

export function useUpdateCompanyUser(companyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: UpdateCompanyUserBody & { userId: string }) => updateCompanyUser(companyId, userId, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.ofCompany(companyId) }),
  });
}
