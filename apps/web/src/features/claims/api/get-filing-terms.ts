import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClaimDraftView, ClaimFilingTerms } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { claimKeys } from './keys.ts';

/** What may be claimed on a shipment: its lines, the arrival, each kind's deadline. */
export const filingTermsQueryOptions = (shipmentId: string) =>
  queryOptions({ queryKey: claimKeys.terms(shipmentId), queryFn: ({ signal }) => api<ClaimFilingTerms>(`/api/claims/filing-terms/${shipmentId}`, { signal }) });

export function useFilingTerms(shipmentId: string) {
  return useQuery({ ...filingTermsQueryOptions(shipmentId), enabled: Boolean(shipmentId) });
}

/** A complaint ticket as a claim draft (staff). */
export const claimDraftQueryOptions = (ticketId: string) =>
  queryOptions({ queryKey: claimKeys.draft(ticketId), queryFn: ({ signal }) => api<ClaimDraftView>(`/api/claims/drafts/${ticketId}`, { signal }) });

export function useClaimDraft(ticketId: string) {
  return useQuery({ ...claimDraftQueryOptions(ticketId), enabled: Boolean(ticketId) });
}
