import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TicketView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { ticketKeys } from './keys.ts';

/** One ticket with its thread, timers and the caller's possible steps. */
export function getTicket(id: string, signal?: AbortSignal) {
  return api<TicketView>(`/api/tickets/${id}`, { signal });
}

export const ticketQueryOptions = (id: string) => queryOptions({ queryKey: ticketKeys.detail(id), queryFn: ({ signal }) => getTicket(id, signal) });

export function useTicket(id: string) {
  return useQuery(ticketQueryOptions(id));
}
