import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NotificationList } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export const notificationsQuery = queryOptions({
  queryKey: ['notifications'],
  queryFn: ({ signal }) => api<NotificationList>('/api/notifications', { signal }),
  refetchInterval: 60_000,
});

export function useNotifications() {
  return useQuery(notificationsQuery);
}
