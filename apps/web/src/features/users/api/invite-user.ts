import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PendingInvitation } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { userKeys } from './keys.ts';

/** A company admin invites a colleague by email; the link in the mail creates their account. */
export function inviteUser(companyId: string, email: string) {
  return api<PendingInvitation>(`/api/companies/${companyId}/invitations`, { method: 'POST', body: { email } });
}

export function useInviteUser(companyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => inviteUser(companyId, email),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.ofCompany(companyId) }),
  });
}
