import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RateTicketBody, TicketView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { refreshAfterTicketChange } from './refresh.ts';

/** The buyer rates the resolution, 1 to 5. */
export function rateTicket(id: string, body: RateTicketBody) {
  return api<TicketView>(`/api/tickets/${id}/rating`, { method: 'POST', body });
}

export function useRateTicket(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: RateTicketBody) => rateTicket(id, body), onSuccess: (t) => refreshAfterTicketChange(qc, t) });
}
