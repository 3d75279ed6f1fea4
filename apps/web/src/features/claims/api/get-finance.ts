import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClaimCustomerFigures } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { claimKeys } from './keys.ts';

/** Claims' money per customer: settlements to pay, payouts made, credit notes open. */
export const claimFinanceQueryOptions = () => queryOptions({ queryKey: claimKeys.finance(), queryFn: ({ signal }) => api<ClaimCustomerFigures[]>('/api/claims/finance', { signal }) });

export function useClaimFinance(enabled: boolean) {
  return useQuery({ ...claimFinanceQueryOptions(), enabled });
}
