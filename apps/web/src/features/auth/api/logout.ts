import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { authKeys } from './keys.ts';

/** Ends the session (the server revokes its refresh token). */
export function logout() {
  return api<void>('/api/auth/logout', { method: 'POST' });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      qc.clear();
      qc.setQueryData(authKeys.session(), null);
    },
  });
}
