import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, SessionResponse } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { authKeys } from './keys.ts';

/** Signs in with email and password; the session travels in httpOnly cookies. */
export function login(body: LoginBody) {
  return api<SessionResponse>('/api/auth/login', { method: 'POST', body });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (res) => {
      // Nothing cached for the previous user survives a sign-in.
      qc.clear();
      qc.setQueryData(authKeys.session(), res.user);
    },
  });
}
