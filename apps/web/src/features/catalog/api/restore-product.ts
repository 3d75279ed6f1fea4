import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProductEditable } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { refreshAfterProductChange } from './refresh.ts';

/** Puts an archived product back in the catalog. */
export function restoreProduct(id: string) {
  return api<ProductEditable>(`/api/products/${id}/restore`, { method: 'POST' });
}

export function useRestoreProduct(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => restoreProduct(id), onSuccess: (p) => refreshAfterProductChange(qc, p) });
}
