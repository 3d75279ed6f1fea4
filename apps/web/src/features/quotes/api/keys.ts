/**
 * Query keys of pro-forma quotes (PIs). `change` marks every mutation that makes or moves a revision:
 * app/query-client.ts refreshes the inquiry it belongs to.
 */
export const quoteKeys = {
  all: ['quotes'] as const,
  detail: (id: string) => [...quoteKeys.all, 'detail', id] as const,
  approvals: () => [...quoteKeys.all, 'approvals'] as const,
  change: () => [...quoteKeys.all, 'change'] as const,
};
