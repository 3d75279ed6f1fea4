import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OutboxEventItem } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { outboxKeys } from './keys.ts';

/** Retries an event now, or discards it (recorded in the audit log). */
export function settleOutboxEvent(eventId: string, action: 'retry' | 'discard') {
  return api<OutboxEventItem>(`/api/outbox/events/${eventId}/${action}`, { method: 'POST' });
}

export function useSettleOutboxEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ eventId, action }: { eventId: string; action: 'retry' | 'discard' }) => settleOutboxEvent(eventId, action),
    onSuccess: () => qc.invalidateQueries({ queryKey: outboxKeys.all }),
  });
}
