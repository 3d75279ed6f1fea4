import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InquiryPage } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { inquiryKeys } from './keys.ts';

/** A page of inquiries (buyers: their company's; staff: the inbox, unanswered first); `query` is scope and page. */
export function listInquiries(query: string, signal?: AbortSignal) {
  return api<InquiryPage>(`/api/inquiries?${query}`, { signal });
}

export const inquiriesQueryOptions = (query: string) =>
  queryOptions({ queryKey: inquiryKeys.list(query), queryFn: ({ signal }) => listInquiries(query, signal), placeholderData: keepPreviousData, refetchInterval: 60_000 });

export function useInquiries(query: string) {
  return useQuery(inquiriesQueryOptions(query));
}
