/**
 * Query keys of the negotiation of an inquiry. Every negotiation mutation carries `change` (and
 * accepting a quote also `accept`): app/query-client.ts refreshes the inquiry, its quote and, after
 * an acceptance, the sales contracts.
 */
export const negotiationKeys = {
  all: ['negotiation'] as const,
  thread: (inquiryId: string) => [...negotiationKeys.all, 'thread', inquiryId] as const,
  change: () => [...negotiationKeys.all, 'change'] as const,
  accept: () => [...negotiationKeys.change(), 'accept'] as const,
};
