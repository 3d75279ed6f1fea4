import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TicketAssignee } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { ticketKeys } from './keys.ts';

/** The service staff a ticket can be given to. */
export function listAssignees(signal?: AbortSignal) {
  return api<TicketAssignee[]>('/api/tickets/assignees', { signal });
}

export const assigneesQueryOptions = () => queryOptions({ queryKey: ticketKeys.assignees(), queryFn: ({ signal }) => listAssignees(signal), staleTime: 5 * 60_000 });

export function useAssignees() {
  return useQuery(assigneesQueryOptions());
}
