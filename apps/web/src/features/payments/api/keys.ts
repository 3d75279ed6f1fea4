/** Query keys of collections: the payment pages, receivables, receipts, statements, ageing, customers, settings and exposure. */
export const paymentKeys = {
  all: ['payments'] as const,
  page: (target: { contractId?: string; companyId?: string }) => [...paymentKeys.all, 'page', target] as const,
  receivables: (filter: object) => [...paymentKeys.all, 'receivables', filter] as const,
  receipts: () => [...paymentKeys.all, 'receipts'] as const,
  imports: () => [...paymentKeys.all, 'statements'] as const,
  import: (id: string) => [...paymentKeys.all, 'statements', id] as const,
  ageing: (query: object) => [...paymentKeys.all, 'ageing', query] as const,
  ageingItems: (query: object) => [...paymentKeys.all, 'ageing-items', query] as const,
  customers: () => [...paymentKeys.all, 'customers'] as const,
  settings: () => [...paymentKeys.all, 'settings'] as const,
  exposure: (companyId: string, amount?: string, currency?: string) => [...paymentKeys.all, 'exposure', companyId, amount ?? '', currency ?? ''] as const,
  change: () => [...paymentKeys.all, 'change'] as const,
};
