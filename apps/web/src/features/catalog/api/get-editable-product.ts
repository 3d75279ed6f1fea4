import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProductEditable } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { catalogKeys } from './keys.ts';

/** A product as staff edit it: every input field, packing and lead time included. */
export function getEditableProduct(id: string, signal?: AbortSignal) {
  return api<ProductEditable>(`/api/products/${id}`, { signal });
}

export const editableProductQueryOptions = (id: string) =>
  queryOptions({ queryKey: catalogKeys.staffProduct(id), queryFn: ({ signal }) => getEditableProduct(id, signal) });

export function useEditableProduct(id: string | undefined) {
  return useQuery({ ...editableProductQueryOptions(id ?? ''), enabled: Boolean(id) });
}
