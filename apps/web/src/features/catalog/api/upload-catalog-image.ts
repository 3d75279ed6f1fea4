import { useMutation } from '@tanstack/react-query';
import type { CatalogImage } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

/** Uploads one product picture; the server tells its type from the bytes and answers its portal address. */
export function uploadCatalogImage(file: File): Promise<CatalogImage> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<CatalogImage>('/api/catalog/images', { method: 'POST', body: form });
}

export function useUploadCatalogImage() {
  return useMutation({ mutationFn: uploadCatalogImage });
}
