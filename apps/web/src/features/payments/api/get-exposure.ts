import { useQuery } from '@tanstack/react-query';
import type { ExposureView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

/** A customer's credit exposure against its limit, with a proposed contract amount added. */
export function getExposure(companyId: string, amount?: string, currency?: string, signal?: AbortSignal) {
  const q = amount && currency ? `?amount=${encodeURIComponent(amount)}&currency=${currency}` : '';
  return api<ExposureView>(`/api/payments/customers/${companyId}/exposure${q}`, { signal });
}

export function useExposure(companyId: string, amount?: string, currency?: string) {
  return useQuery({ queryKey: paymentKeys.exposure(companyId, amount, currency), queryFn: ({ signal }) => getExposure(companyId, amount, currency, signal), enabled: Boolean(companyId) });
}
