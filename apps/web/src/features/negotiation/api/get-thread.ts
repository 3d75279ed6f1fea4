import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NegotiationThread } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { negotiationKeys } from './keys.ts';

/** The negotiation thread of an inquiry, oldest first: messages, counter-offers, change requests, events. */
export function getThread(inquiryId: string, signal?: AbortSignal) {
  return api<NegotiationThread>(`/api/inquiries/${inquiryId}/messages`, { signal });
}

export const threadQueryOptions = (inquiryId: string) =>
  queryOptions({ queryKey: negotiationKeys.thread(inquiryId), queryFn: ({ signal }) => getThread(inquiryId, signal), refetchInterval: 30_000 });

export function useThread(inquiryId: string) {
  return useQuery(threadQueryOptions(inquiryId));
}
