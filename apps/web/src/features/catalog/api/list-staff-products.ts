import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CategoryNode, ProductEditable, ProductInput, StaffProductPage } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export const staffProductsQuery = (search: string) =>
  queryOptions({ queryKey: ['staff-products', search], queryFn: ({ signal }) => api<StaffProductPage>(`/api/products?${search}`, { signal }), placeholderData: keepPreviousData });

export function useStaffProducts(search: string) {
  return useQuery(staffProductsQuery(search));
}

export const editableProductQuery = (id: string) =>
  queryOptions({ queryKey: ['staff-product', id], queryFn: ({ signal }) => api<ProductEditable>(`/api/products/${id}`, { signal }) });

export function useEditableProduct(id: string | undefined) {
  return useQuery({ ...editableProductQuery(id ?? ''), enabled: Boolean(id) });
}

export const categoriesQuery = queryOptions({ queryKey: ['categories'], queryFn: ({ signal }) => api<CategoryNode[]>('/api/catalog/categories', { signal }) });

export function useCategories() {
  return useQuery(categoriesQuery);
}

/** Creates (no id) or replaces a product. */
export function useSaveProduct(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductInput) => (id ? api<ProductEditable>(`/api/products/${id}`, { method: 'PUT', body }) : api<ProductEditable>('/api/products', { method: 'POST', body })),
    onSuccess: (p) => {
      qc.setQueryData(['staff-product', p.id], p);
      void qc.invalidateQueries({ queryKey: ['staff-products'] });
      void qc.invalidateQueries({ queryKey: ['catalog-search'] });
    },
  });
}

export function useSetProductStatus(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: 'archive' | 'restore') => api<ProductEditable>(`/api/products/${id}/${action}`, { method: 'POST' }),
    onSuccess: (p) => {
      qc.setQueryData(['staff-product', p.id], p);
      void qc.invalidateQueries({ queryKey: ['staff-products'] });
    },
  });
}
