import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CategoryInput, CategoryNode } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { refreshAfterCategoryChange } from './refresh.ts';

/** Renames or moves a category; the products below it are re-indexed. Answers the whole tree. */
export function updateCategory(id: string, body: CategoryInput) {
  return api<CategoryNode[]>(`/api/categories/${id}`, { method: 'PUT', body });
}

export function useUpdateCategory() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: CategoryInput }) => updateCategory(id, body), onSuccess: (tree) => refreshAfterCategoryChange(qc, tree) });
}
