import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export type PortItem = { code: string; name: string; country: string; kind: string };
export const portsQuery = queryOptions({ queryKey: ['ports'], queryFn: ({ signal }) => api<PortItem[]>('/api/reference/ports', { signal }), staleTime: Infinity });

export function usePorts() {
  return useQuery(portsQuery);
}
