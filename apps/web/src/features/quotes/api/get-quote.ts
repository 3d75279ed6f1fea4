import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QuoteView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { quoteKeys } from './keys.ts';

/** A PI with its revisions, newest first (buyers see only the sent ones; staff also the margins). */
export function getQuote(id: string, signal?: AbortSignal) {
  return api<QuoteView>(`/api/quotes/${id}`, { signal });
}

export const quoteQueryOptions = (id: string) => queryOptions({ queryKey: quoteKeys.detail(id), queryFn: ({ signal }) => getQuote(id, signal) });

export function useQuote(id: string | undefined) {
  return useQuery({ ...quoteQueryOptions(id ?? ''), enabled: Boolean(id) });
}
