import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SupplierProfile, SupplierProfileInput } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { catalogKeys } from './keys.ts';

/** Managers rewrite the supplier profile; the answer is the profile buyers now read. */
export function useUpdateSupplier() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SupplierProfileInput) => api<SupplierProfile>('/api/catalog/supplier', { method: 'PUT', body }),
    onSuccess: (profile) => qc.setQueryData(catalogKeys.supplier(), profile),
  });
}
