import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProductDetail } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export const productQuery = (id: string) =>
  queryOptions({ queryKey: ['catalog-product', id], queryFn: ({ signal }) => api<ProductDetail>(`/api/catalog/products/${id}`, { signal }) });

export function useProduct(id: string) {
  return useQuery(productQuery(id));
}
