import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TicketSummary } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { ticketKeys } from './keys.ts';

/** A team's queue ('' = every team): breached first, oldest breach first, then by the next due time. */
export function getQueue(team: string, signal?: AbortSignal) {
  return api<TicketSummary[]>(`/api/tickets/queue${team ? `?team=${encodeURIComponent(team)}` : ''}`, { signal });
}

/** The queue, refreshed every minute so its timers stay current. */
export const queueQueryOptions = (team: string) =>
  queryOptions({ queryKey: ticketKeys.queue(team), queryFn: ({ signal }) => getQueue(team, signal), refetchInterval: 60_000 });

export function useQueue(team: string) {
  return useQuery(queueQueryOptions(team));
}
