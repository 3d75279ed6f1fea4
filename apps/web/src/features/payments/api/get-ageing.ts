import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AgeingItemView, AgeingView, z } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

export type AgeingQuery = { asOf?: string; currency?: string };
export type AgeingItem = z.infer<typeof AgeingItemView>;

const qs = (o: Record<string, string | undefined>) => new URLSearchParams(Object.entries(o).filter(([, v]) => v) as [string, string][]).toString();

/** The ageing report by customer and currency as of a date. */
export function getAgeing(query: AgeingQuery, signal?: AbortSignal) {
  return api<AgeingView>(`/api/payments/ageing?${qs(query)}`, { signal });
}

/** The CSV export of the same report, for a download link. */
export const ageingCsvUrl = (query: AgeingQuery) => `/api/payments/ageing.csv?${qs(query)}`;

/** The items behind a cell (a customer and currency, optionally one bucket). */
export function getAgeingItems(query: { asOf?: string; currency: string; companyId: string; bucket?: string }, signal?: AbortSignal) {
  return api<AgeingItem[]>(`/api/payments/ageing/items?${qs(query)}`, { signal });
}

export const ageingQueryOptions = (query: AgeingQuery) => queryOptions({ queryKey: paymentKeys.ageing(query), queryFn: ({ signal }) => getAgeing(query, signal) });

export function useAgeing(query: AgeingQuery) {
  return useQuery(ageingQueryOptions(query));
}

export function useAgeingItems(query: { asOf?: string; currency: string; companyId: string; bucket?: string } | null) {
  return useQuery({ queryKey: paymentKeys.ageingItems(query ?? {}), queryFn: ({ signal }) => getAgeingItems(query!, signal), enabled: query !== null });
}
