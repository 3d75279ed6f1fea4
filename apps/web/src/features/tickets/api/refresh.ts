import type { QueryClient } from '@tanstack/react-query';
import type { TicketView } from '@portal/schemas';
import { ticketKeys } from './keys.ts';

/** After a change: the ticket as the server answered it, and every list that shows it refetched. */
export function refreshAfterTicketChange(qc: QueryClient, ticket: TicketView) {
  qc.setQueryData(ticketKeys.detail(ticket.id), ticket);
  void qc.invalidateQueries({ queryKey: ticketKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
  void qc.invalidateQueries({ queryKey: ['notifications'] });
}
