import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReceiptView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

/** Receipts, newest first, with their ledger entries. */
export function listReceipts(signal?: AbortSignal) {
  return api<ReceiptView[]>('/api/payments/receipts', { signal });
}

export const receiptsQueryOptions = () => queryOptions({ queryKey: paymentKeys.receipts(), queryFn: ({ signal }) => listReceipts(signal) });

export function useReceipts() {
  return useQuery(receiptsQueryOptions());
}
