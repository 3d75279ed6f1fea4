import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PendingApproval } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { quoteKeys } from './keys.ts';

/** Revisions below the margin floor waiting for a manager (内部磋商). */
export function listQuoteApprovals(signal?: AbortSignal) {
  return api<PendingApproval[]>('/api/approvals/quotes', { signal });
}

export const quoteApprovalsQueryOptions = () =>
  queryOptions({ queryKey: quoteKeys.approvals(), queryFn: ({ signal }) => listQuoteApprovals(signal), refetchInterval: 60_000 });

export function useQuoteApprovals() {
  return useQuery(quoteApprovalsQueryOptions());
}
