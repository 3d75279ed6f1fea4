import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

/** Confirms the address with the token of the mailed link; the answer signs the buyer in. */
export function verifyEmail(token: string) {
  return api<SessionResponse>('/api/auth/verify-email', { method: 'POST', body: { token } });
}

export function useVerifyEmail() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: verifyEmail, onSuccess: (res) => qc.setQueryData(['session'], res.user) });
}
