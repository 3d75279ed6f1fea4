import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClaimDraftShipment, ClaimDraftView, ClaimFilingTerms } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { claimKeys } from './keys.ts';

/** What may be claimed on a shipment: its lines, the arrival, each kind's deadline. */
export const filingTermsQueryOptions = (shipmentId: string) =>
  queryOptions({ queryKey: claimKeys.terms(shipmentId), queryFn: ({ signal }) => api<ClaimFilingTerms>(`/api/claims/filing-terms/${shipmentId}`, { signal }) });

export function useFilingTerms(shipmentId: string) {
  return useQuery({ ...filingTermsQueryOptions(shipmentId), enabled: Boolean(shipmentId) });
}

/** A complaint ticket as a claim draft (staff), on the shipment chosen when the complaint names none. */
export const claimDraftQueryOptions = (ticketId: string, shipmentId = '') =>
  queryOptions({
    queryKey: claimKeys.draft(ticketId, shipmentId),
    queryFn: ({ signal }) => api<ClaimDraftView>(`/api/claims/drafts/${ticketId}${shipmentId ? `?shipmentId=${encodeURIComponent(shipmentId)}` : ''}`, { signal }),
  });

export function useClaimDraft(ticketId: string, shipmentId = '') {
  return useQuery({ ...claimDraftQueryOptions(ticketId, shipmentId), enabled: Boolean(ticketId) });
}

/** The shipments a complaint may concern, to choose one when it names none (staff). */
export function useClaimDraftShipments(ticketId: string, enabled: boolean) {
  return useQuery({
    queryKey: claimKeys.draftShipments(ticketId),
    queryFn: ({ signal }) => api<ClaimDraftShipment[]>(`/api/claims/drafts/${ticketId}/shipments`, { signal }),
    enabled: enabled && Boolean(ticketId),
  });
}
