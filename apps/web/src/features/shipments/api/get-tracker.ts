import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TrackerRow } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { shipmentKeys } from './keys.ts';

/** Open contracts with their next milestone and whether they are on time. */
export function getTracker(signal?: AbortSignal) {
  return api<TrackerRow[]>('/api/shipments/tracker', { signal });
}

export const trackerQueryOptions = () => queryOptions({ queryKey: shipmentKeys.tracker(), queryFn: ({ signal }) => getTracker(signal) });

export function useTracker() {
  return useQuery(trackerQueryOptions());
}
