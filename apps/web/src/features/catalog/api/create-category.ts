import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CategoryInput, CategoryNode } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { refreshAfterCategoryChange } from './refresh.ts';

/** Adds a category (at the top, or under another); answers the whole tree. */
export function createCategory(body: CategoryInput) {
  return api<CategoryNode[]>('/api/categories', { method: 'POST', body });
}

export function useCreateCategory() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createCategory, onSuccess: (tree) => refreshAfterCategoryChange(qc, tree) });
}
