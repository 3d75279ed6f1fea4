import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DocumentDownloadView, z } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { shipmentKeys } from './keys.ts';

type Download = z.infer<typeof DocumentDownloadView>;

/** Who downloaded which document of a shipment (staff). */
export function getDownloads(shipmentId: string, signal?: AbortSignal) {
  return api<Download[]>(`/api/shipments/${shipmentId}/downloads`, { signal });
}

export const downloadsQueryOptions = (shipmentId: string) => queryOptions({ queryKey: shipmentKeys.downloads(shipmentId), queryFn: ({ signal }) => getDownloads(shipmentId, signal) });

export function useDownloads(shipmentId: string, enabled: boolean) {
  return useQuery({ ...downloadsQueryOptions(shipmentId), enabled });
}
