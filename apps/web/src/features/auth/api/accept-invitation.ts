import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AcceptInvitationBody, SessionResponse } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { authKeys } from './keys.ts';

/** Creates the invited user's account and signs them in. */
export function acceptInvitation(body: AcceptInvitationBody) {
  return api<SessionResponse>('/api/invitations/accept', { method: 'POST', body });
}

export function useAcceptInvitation() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: acceptInvitation, onSuccess: (res) => qc.setQueryData(authKeys.session(), res.user) });
}
