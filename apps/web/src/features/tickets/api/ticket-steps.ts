import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignTicketBody, TicketStepMessageBody, TicketView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { refreshAfterTicketChange } from './refresh.ts';

/** Staff steps on a ticket: assign, ask the customer, resolve; and closing (either side). */
export type TicketStep =
  | { step: 'assign'; body: AssignTicketBody }
  | { step: 'request-info'; body: TicketStepMessageBody }
  | { step: 'resolve'; body: TicketStepMessageBody }
  | { step: 'close'; body?: undefined };

export function takeTicketStep(id: string, s: TicketStep) {
  return api<TicketView>(`/api/tickets/${id}/${s.step}`, { method: 'POST', body: s.body ?? {} });
}

export function useTicketStep(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (s: TicketStep) => takeTicketStep(id, s), onSuccess: (t) => refreshAfterTicketChange(qc, t) });
}
