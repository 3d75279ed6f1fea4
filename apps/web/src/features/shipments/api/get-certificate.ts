import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QualityCertificateView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { shipmentKeys } from './keys.ts';

/** One batch certificate with its results. */
export function getCertificate(id: string, signal?: AbortSignal) {
  return api<QualityCertificateView>(`/api/quality-certificates/${id}`, { signal });
}

export const certificateQueryOptions = (id: string) => queryOptions({ queryKey: shipmentKeys.certificate(id), queryFn: ({ signal }) => getCertificate(id, signal) });

export function useCertificate(id: string) {
  return useQuery(certificateQueryOptions(id));
}
