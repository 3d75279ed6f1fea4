/** Query keys of contract execution and batch certificates. */
export const shipmentKeys = {
  all: ['shipments'] as const,
  tracker: () => [...shipmentKeys.all, 'tracker'] as const,
  execution: (contractId: string) => [...shipmentKeys.all, 'execution', contractId] as const,
  downloads: (shipmentId: string) => [...shipmentKeys.all, 'downloads', shipmentId] as const,
  certificates: (query: Record<string, string>) => [...shipmentKeys.all, 'certificates', query] as const,
  certificate: (id: string) => [...shipmentKeys.all, 'certificate', id] as const,
};
