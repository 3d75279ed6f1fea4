import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AllocateBody, ReceiptView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

/** Allocates (more of) a receipt to open items. */
export function allocateReceipt(receiptId: string, body: AllocateBody) {
  return api<ReceiptView>(`/api/payments/receipts/${receiptId}/allocate`, { method: 'POST', body });
}

export function useAllocateReceipt(receiptId: string) {
  const qc = useQueryClient();
  return useMutation({ mutationKey: paymentKeys.change(), mutationFn: (body: AllocateBody) => allocateReceipt(receiptId, body), onSuccess: () => qc.invalidateQueries({ queryKey: paymentKeys.all }) });
}
