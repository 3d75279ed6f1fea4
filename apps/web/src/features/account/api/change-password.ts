import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordBody, SessionResponse } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { accountKeys } from './keys.ts';

/** Changes the password (the current one is asked again); other sessions of the user end. */
export function changePassword(body: ChangePasswordBody) {
  return api<SessionResponse>('/api/auth/password', { method: 'POST', body });
}

export function useChangePassword() {
  return useMutation({ mutationKey: accountKeys.password(), mutationFn: changePassword });
}
