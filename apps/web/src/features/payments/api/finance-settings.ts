import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FinanceSettings } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

/** Finance settings: bank charge tolerance, reminder days and dunning levels, the exporter's accounts. */
export function getFinanceSettings(signal?: AbortSignal) {
  return api<FinanceSettings>('/api/payments/settings', { signal });
}

export function updateFinanceSettings(body: FinanceSettings) {
  return api<FinanceSettings>('/api/payments/settings', { method: 'PUT', body });
}

export const financeSettingsQueryOptions = () => queryOptions({ queryKey: paymentKeys.settings(), queryFn: ({ signal }) => getFinanceSettings(signal) });

export function useFinanceSettings() {
  return useQuery(financeSettingsQueryOptions());
}

export function useUpdateFinanceSettings() {
  const qc = useQueryClient();
  return useMutation({ mutationKey: paymentKeys.change(), mutationFn: updateFinanceSettings, onSuccess: (s) => qc.setQueryData(paymentKeys.settings(), s) });
}
