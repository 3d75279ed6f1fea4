import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { notificationKeys } from './keys.ts';

/** Marks one notification read. */
export function markNotificationRead(id: string) {
  return api<void>(`/api/notifications/${id}/read`, { method: 'POST' });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: markNotificationRead, onSuccess: () => void qc.invalidateQueries({ queryKey: notificationKeys.all }) });
}
