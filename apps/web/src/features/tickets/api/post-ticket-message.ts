import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TicketMessageBody, TicketView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { refreshAfterTicketChange } from './refresh.ts';

/** A message on the thread (staff: an answer or an internal note). */
export function postTicketMessage(id: string, body: TicketMessageBody) {
  return api<TicketView>(`/api/tickets/${id}/messages`, { method: 'POST', body });
}

export function usePostTicketMessage(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: TicketMessageBody) => postTicketMessage(id, body), onSuccess: (t) => refreshAfterTicketChange(qc, t) });
}
