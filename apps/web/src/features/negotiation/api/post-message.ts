import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NegotiationMessageView, PostMessageBody } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { negotiationKeys } from './keys.ts';

/** Writes a message in the thread, with files uploaded before. */
export function postMessage(inquiryId: string, body: PostMessageBody) {
  return api<NegotiationMessageView>(`/api/inquiries/${inquiryId}/messages`, { method: 'POST', body });
}

export function usePostMessage(inquiryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: negotiationKeys.change(),
    mutationFn: (body: PostMessageBody) => postMessage(inquiryId, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: negotiationKeys.thread(inquiryId) }),
  });
}
