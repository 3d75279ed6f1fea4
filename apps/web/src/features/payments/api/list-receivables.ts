import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ScheduleItemView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

export type ReceivablesFilter = { companyId?: string; currency?: string; status?: 'OPEN' | 'OVERDUE' | 'ALL' };

/** Schedule items across customers (open by default), earliest due first. */
export function listReceivables(filter: ReceivablesFilter, signal?: AbortSignal) {
  const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
  return api<ScheduleItemView[]>(`/api/payments/receivables?${q}`, { signal });
}

export const receivablesQueryOptions = (filter: ReceivablesFilter) =>
  queryOptions({ queryKey: paymentKeys.receivables(filter), queryFn: ({ signal }) => listReceivables(filter, signal) });

export function useReceivables(filter: ReceivablesFilter) {
  return useQuery(receivablesQueryOptions(filter));
}
