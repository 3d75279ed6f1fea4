import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InquiryDetail } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { inquiryKeys } from './keys.ts';

/** One inquiry: its lines, terms, files and the ids of its pro-forma quotes. */
export function getInquiry(id: string, signal?: AbortSignal) {
  return api<InquiryDetail>(`/api/inquiries/${id}`, { signal });
}

export const inquiryQueryOptions = (id: string) => queryOptions({ queryKey: inquiryKeys.detail(id), queryFn: ({ signal }) => getInquiry(id, signal) });

export function useInquiry(id: string) {
  return useQuery(inquiryQueryOptions(id));
}
