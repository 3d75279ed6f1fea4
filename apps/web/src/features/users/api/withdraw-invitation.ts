import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { userKeys } from './keys.ts';

/** A company admin withdraws an invitation not yet accepted. */
export function withdrawInvitation(companyId: string, invitationId: string) {
  return api<void>(`/api/companies/${companyId}/invitations/${invitationId}`, { method: 'DELETE' });
}

export function useWithdrawInvitation(companyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => withdrawInvitation(companyId, invitationId),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.ofCompany(companyId) }),
  });
}
