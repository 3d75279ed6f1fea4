import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordBody, SessionResponse } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export function changePassword(body: ChangePasswordBody) {
  return api<SessionResponse>('/api/auth/password', { method: 'POST', body });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
