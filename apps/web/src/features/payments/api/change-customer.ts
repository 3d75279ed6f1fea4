import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExposureView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

/** Pauses dunning for a customer, with the reason. */
export function pauseDunning(companyId: string, reason: string) {
  return api<void>(`/api/payments/customers/${companyId}/dunning-pause`, { method: 'POST', body: { reason } });
}

/** Resumes dunning for a customer. */
export function resumeDunning(companyId: string) {
  return api<void>(`/api/payments/customers/${companyId}/dunning-resume`, { method: 'POST', body: {} });
}

/** Sets or clears a customer's credit limit and terms. */
export function setCreditLimit(companyId: string, body: { limit: { amount: string; currency: string } | null; creditTermsDays: number | null }) {
  return api<ExposureView>(`/api/payments/customers/${companyId}/credit`, { method: 'PUT', body });
}

export function useChangeCustomer() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: paymentKeys.change(),
    mutationFn: async (v: { companyId: string } & ({ pause: string } | { resume: true } | { credit: Parameters<typeof setCreditLimit>[1] })) => {
      if ('pause' in v) await pauseDunning(v.companyId, v.pause);
      else if ('resume' in v) await resumeDunning(v.companyId);
      else await setCreditLimit(v.companyId, v.credit);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: paymentKeys.all }),
  });
}
