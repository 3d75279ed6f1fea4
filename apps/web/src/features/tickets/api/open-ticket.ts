import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OpenTicketBody, TicketView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { refreshAfterTicketChange } from './refresh.ts';

/** A buyer opens a ticket with its first message. */
export function openTicket(body: OpenTicketBody) {
  return api<TicketView>('/api/tickets', { method: 'POST', body });
}

export function useOpenTicket() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: openTicket, onSuccess: (t) => refreshAfterTicketChange(qc, t) });
}
