import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export type PortItem = { code: string; name: string; country: string; kind: string };
export const portsQuery = queryOptions({ queryKey: ['ports'], queryFn: ({ signal }) => api<PortItem[]>('/api/reference/ports', { signal }), staleTime: Infinity });

export function usePorts() {
  return useQuery(portsQuery);
}

/** The Incoterms the exporter quotes (a manager's setting): the only ones the RFQ form offers. */
export const quotedIncotermsQuery = queryOptions({
  queryKey: ['reference', 'incoterms'],
  queryFn: ({ signal }) => api<{ quoted: string[] }>('/api/reference/incoterms', { signal }),
  staleTime: 5 * 60_000,
});

export function useQuotedIncoterms() {
  return useQuery(quotedIncotermsQuery);
}
