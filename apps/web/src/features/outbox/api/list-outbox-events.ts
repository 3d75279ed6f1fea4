import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OutboxEventList } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { outboxKeys } from './keys.ts';

/** Held and stuck outbox events (administrators only), refreshed every 30 s. */
export const outboxEventsQuery = queryOptions({
  queryKey: outboxKeys.events(),
  queryFn: ({ signal }) => api<OutboxEventList>('/api/outbox/events', { signal }),
  refetchInterval: 30_000,
});

export function useOutboxEvents() {
  return useQuery(outboxEventsQuery);
}
