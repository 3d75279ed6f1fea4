import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NotificationList } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { notificationKeys } from './keys.ts';

/** The user's latest notifications and how many are unread. */
export function listNotifications(signal?: AbortSignal) {
  return api<NotificationList>('/api/notifications', { signal });
}

export const notificationsQueryOptions = () =>
  queryOptions({ queryKey: notificationKeys.list(), queryFn: ({ signal }) => listNotifications(signal), refetchInterval: 60_000 });

export function useNotifications() {
  return useQuery(notificationsQueryOptions());
}
