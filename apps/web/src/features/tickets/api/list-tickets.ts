import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TicketSummary } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { ticketKeys } from './keys.ts';

/** Tickets, newest first: the buyer's own company's. */
export function listTickets(signal?: AbortSignal) {
  return api<TicketSummary[]>('/api/tickets', { signal });
}

export const ticketsQueryOptions = () => queryOptions({ queryKey: ticketKeys.list(), queryFn: ({ signal }) => listTickets(signal) });

export function useTickets() {
  return useQuery(ticketsQueryOptions());
}
