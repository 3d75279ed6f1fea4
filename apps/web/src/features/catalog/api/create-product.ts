import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProductEditable, ProductInput } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { refreshAfterProductChange } from './refresh.ts';

/** Adds a product; it is searchable within seconds (through the outbox), unless a draft. */
export function createProduct(body: ProductInput) {
  return api<ProductEditable>('/api/products', { method: 'POST', body });
}

export function useCreateProduct() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createProduct, onSuccess: (p) => refreshAfterProductChange(qc, p) });
}
