import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateStaffBody, UserSummary } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export function createStaff(body: CreateStaffBody) {
  return api<UserSummary>('/api/staff', { method: 'POST', body });
}

export function useCreateStaff() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createStaff, onSuccess: () => qc.invalidateQueries({ queryKey: ['staff'] }) });
}
