import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProductEditable, ProductInput } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { refreshAfterProductChange } from './refresh.ts';

/** Replaces a product's fields; the search index follows within seconds. */
export function updateProduct(id: string, body: ProductInput) {
  return api<ProductEditable>(`/api/products/${id}`, { method: 'PUT', body });
}

export function useUpdateProduct(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ProductInput) => updateProduct(id, body), onSuccess: (p) => refreshAfterProductChange(qc, p) });
}
