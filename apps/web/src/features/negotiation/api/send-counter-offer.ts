import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CounterOfferBody, NegotiationMessageView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { negotiationKeys } from './keys.ts';

/** The buyer proposes other prices, quantities, dates, payment terms or Incoterm for a sent revision. */
export function sendCounterOffer(inquiryId: string, body: CounterOfferBody) {
  return api<NegotiationMessageView>(`/api/inquiries/${inquiryId}/counter-offers`, { method: 'POST', body });
}

export function useSendCounterOffer(inquiryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: negotiationKeys.change(),
    mutationFn: (body: CounterOfferBody) => sendCounterOffer(inquiryId, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: negotiationKeys.thread(inquiryId) }),
  });
}
