import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { QualityCertificateView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { shipmentKeys } from './keys.ts';

/** Batch certificates by batch number, product or contract. */
export function searchCertificates(query: Record<string, string>, signal?: AbortSignal) {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v.trim() !== ''));
  return api<QualityCertificateView[]>(`/api/quality-certificates?${params}`, { signal });
}

export const certificatesQueryOptions = (query: Record<string, string>) =>
  queryOptions({ queryKey: shipmentKeys.certificates(query), queryFn: ({ signal }) => searchCertificates(query, signal), placeholderData: keepPreviousData });

export function useCertificates(query: Record<string, string>) {
  return useQuery(certificatesQueryOptions(query));
}
