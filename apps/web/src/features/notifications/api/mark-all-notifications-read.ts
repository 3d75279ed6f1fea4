import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { notificationKeys } from './keys.ts';

/** Marks every notification of the user read. */
export function markAllNotificationsRead() {
  return api<void>('/api/notifications/read-all', { method: 'POST' });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: markAllNotificationsRead, onSuccess: () => void qc.invalidateQueries({ queryKey: notificationKeys.all }) });
}
