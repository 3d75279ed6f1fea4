import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PaymentPageView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

/** The payment page: one contract's, or across the company's contracts (staff name the company). */
export function getPaymentPage(target: { contractId?: string; companyId?: string }, signal?: AbortSignal) {
  const path = target.contractId ? `/api/contracts/${target.contractId}/payments` : `/api/payments${target.companyId ? `?companyId=${target.companyId}` : ''}`;
  return api<PaymentPageView>(path, { signal });
}

export const paymentPageQueryOptions = (target: { contractId?: string; companyId?: string }) =>
  queryOptions({ queryKey: paymentKeys.page(target), queryFn: ({ signal }) => getPaymentPage(target, signal) });

export function usePaymentPage(target: { contractId?: string; companyId?: string }) {
  return useQuery(paymentPageQueryOptions(target));
}
