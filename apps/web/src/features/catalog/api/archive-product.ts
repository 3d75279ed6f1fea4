import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProductEditable } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { refreshAfterProductChange } from './refresh.ts';

/** Takes a product out of the catalog; it stays on the quotes and contracts that name it. */
export function archiveProduct(id: string) {
  return api<ProductEditable>(`/api/products/${id}/archive`, { method: 'POST' });
}

export function useArchiveProduct(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => archiveProduct(id), onSuccess: (p) => refreshAfterProductChange(qc, p) });
}
