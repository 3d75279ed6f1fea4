import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContractSummary } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { ticketKeys } from './keys.ts';

/** The records a buyer may name on a new ticket: their company's contracts (products are named from the catalog's product page link). */
export async function listTicketSubjects(signal?: AbortSignal) {
  const contracts = await api<ContractSummary[]>('/api/contracts', { signal });
  return contracts.map((c) => ({ type: 'CONTRACT' as const, id: c.id, label: c.number }));
}

export const ticketSubjectsQueryOptions = () => queryOptions({ queryKey: ticketKeys.subjects(), queryFn: ({ signal }) => listTicketSubjects(signal) });

export function useTicketSubjects() {
  return useQuery(ticketSubjectsQueryOptions());
}
