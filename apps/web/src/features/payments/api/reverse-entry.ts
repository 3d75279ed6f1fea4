import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReceiptView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

/** Reverses a ledger entry (a correction), with the reason. */
export function reverseEntry(entryId: string, reason: string) {
  return api<ReceiptView | null>(`/api/payments/entries/${entryId}/reverse`, { method: 'POST', body: { reason } });
}

export function useReverseEntry() {
  const qc = useQueryClient();
  return useMutation({ mutationKey: paymentKeys.change(), mutationFn: (v: { entryId: string; reason: string }) => reverseEntry(v.entryId, v.reason), onSuccess: () => qc.invalidateQueries({ queryKey: paymentKeys.all }) });
}
