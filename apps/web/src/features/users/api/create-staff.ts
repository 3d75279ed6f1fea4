import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateStaffBody, UserSummary } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { userKeys } from './keys.ts';

/** An administrator opens a staff account with its role and first password. */
export function createStaff(body: CreateStaffBody) {
  return api<UserSummary>('/api/staff', { method: 'POST', body });
}

export function useCreateStaff() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createStaff, onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.staff() }) });
}
