import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionUser, UpdateProfileBody } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export function updateProfile(body: UpdateProfileBody) {
  return api<SessionUser>('/api/auth/me', { method: 'PATCH', body });
}

export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateProfile, onSuccess: (user) => qc.setQueryData(['session'], user) });
}
