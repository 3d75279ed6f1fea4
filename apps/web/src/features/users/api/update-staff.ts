import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateStaffBody, UserSummary } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { userKeys } from './keys.ts';

/** An administrator changes a staff member's role or disables the account. */
export function updateStaff(userId: string, body: UpdateStaffBody) {
  return api<UserSummary>(`/api/staff/${userId}`, { method: 'PATCH', body });
}

export function useUpdateStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: UpdateStaffBody & { userId: string }) => updateStaff(userId, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.staff() }),
  });
}
