import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CustomerCollectionsView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

/** Buyer companies with their open and overdue amounts, credit limit, last notice and dunning pause. */
export function listCollectionCustomers(signal?: AbortSignal) {
  return api<CustomerCollectionsView[]>('/api/payments/customers', { signal });
}

export const collectionCustomersQueryOptions = () => queryOptions({ queryKey: paymentKeys.customers(), queryFn: ({ signal }) => listCollectionCustomers(signal) });

export function useCollectionCustomers() {
  return useQuery(collectionCustomersQueryOptions());
}
