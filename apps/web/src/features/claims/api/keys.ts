/** Query keys of claims. */
export const claimKeys = {
  all: ['claims'] as const,
  list: (filter: Record<string, string>) => [...claimKeys.all, 'list', filter] as const,
  detail: (id: string) => [...claimKeys.all, 'detail', id] as const,
  terms: (shipmentId: string) => [...claimKeys.all, 'terms', shipmentId] as const,
  draft: (ticketId: string, shipmentId = '') => [...claimKeys.all, 'draft', ticketId, shipmentId] as const,
  draftShipments: (ticketId: string) => [...claimKeys.all, 'draft-shipments', ticketId] as const,
  finance: () => [...claimKeys.all, 'finance'] as const,
};
