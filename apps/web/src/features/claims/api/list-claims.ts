import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClaimSummary } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { claimKeys } from './keys.ts';

/** Claims newest first (a buyer's own company's), filtered by status or open/finished. */
export function listClaims(filter: Record<string, string>, signal?: AbortSignal) {
  const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
  return api<ClaimSummary[]>(`/api/claims${q.size ? `?${q}` : ''}`, { signal });
}

export const claimsQueryOptions = (filter: Record<string, string>) => queryOptions({ queryKey: claimKeys.list(filter), queryFn: ({ signal }) => listClaims(filter, signal) });

export function useClaims(filter: Record<string, string>) {
  return useQuery(claimsQueryOptions(filter));
}
