import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, SessionResponse } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export function login(body: LoginBody) {
  return api<SessionResponse>('/api/auth/login', { method: 'POST', body });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (res) => {
      qc.clear();
      qc.setQueryData(['session'], res.user);
    },
  });
}
