import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangeRequestBody, NegotiationMessageView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { negotiationKeys } from './keys.ts';

/** The buyer asks, in words, for changes to a sent revision. */
export function requestChanges(inquiryId: string, body: ChangeRequestBody) {
  return api<NegotiationMessageView>(`/api/inquiries/${inquiryId}/change-requests`, { method: 'POST', body });
}

export function useRequestChanges(inquiryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: negotiationKeys.change(),
    mutationFn: (body: ChangeRequestBody) => requestChanges(inquiryId, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: negotiationKeys.thread(inquiryId) }),
  });
}
