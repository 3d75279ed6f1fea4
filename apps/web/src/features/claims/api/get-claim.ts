import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClaimView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { claimKeys } from './keys.ts';

/** One claim: lines, evidence, timeline, response timer and the caller's possible steps. */
export function getClaim(id: string, signal?: AbortSignal) {
  return api<ClaimView>(`/api/claims/${id}`, { signal });
}

export const claimQueryOptions = (id: string) => queryOptions({ queryKey: claimKeys.detail(id), queryFn: ({ signal }) => getClaim(id, signal) });

export function useClaim(id: string) {
  return useQuery(claimQueryOptions(id));
}
