import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AcceptInvitationBody, SessionResponse } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export function acceptInvitation(body: AcceptInvitationBody) {
  return api<SessionResponse>('/api/invitations/accept', { method: 'POST', body });
}

export function useAcceptInvitation() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: acceptInvitation, onSuccess: (res) => qc.setQueryData(['session'], res.user) });
}
