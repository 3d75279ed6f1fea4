import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProductDetail } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { catalogKeys } from './keys.ts';

/** A product page as buyers (and visitors, without prices) read it. */
export function getProduct(id: string, signal?: AbortSignal) {
  return api<ProductDetail>(`/api/catalog/products/${id}`, { signal });
}

export const productQueryOptions = (id: string) => queryOptions({ queryKey: catalogKeys.product(id), queryFn: ({ signal }) => getProduct(id, signal) });

export function useProduct(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...productQueryOptions(id), enabled });
}
