import { useMutation } from '@tanstack/react-query';
import type { SessionUser, UpdateProfileBody } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { accountKeys } from './keys.ts';

/** Changes the user's own name or interface language; answers the user as the session now sees them. */
export function updateProfile(body: UpdateProfileBody) {
  return api<SessionUser>('/api/auth/me', { method: 'PATCH', body });
}

export function useUpdateProfile() {
  return useMutation({ mutationKey: accountKeys.profile(), mutationFn: updateProfile });
}
