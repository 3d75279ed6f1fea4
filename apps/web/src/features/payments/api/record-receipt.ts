import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReceiptView, RecordReceiptBody } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

/** Finance records money received, allocated at once to the items named. */
export function recordReceipt(body: RecordReceiptBody) {
  return api<ReceiptView>('/api/payments/receipts', { method: 'POST', body });
}

export function useRecordReceipt() {
  const qc = useQueryClient();
  return useMutation({ mutationKey: paymentKeys.change(), mutationFn: recordReceipt, onSuccess: () => qc.invalidateQueries({ queryKey: paymentKeys.all }) });
}
