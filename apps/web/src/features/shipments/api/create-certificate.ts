import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AttachmentInfo, CreateCertificateBody, QualityCertificateView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { shipmentKeys } from './keys.ts';

/** Uploads the certificate file when there is one, then records the batch certificate with its results. */
export async function createCertificate(body: Omit<CreateCertificateBody, 'attachmentId'>, file: File | null) {
  const attachmentId = file ? (await api<AttachmentInfo>('/api/attachments', { method: 'POST', body: formWith(file) })).id : undefined;
  return api<QualityCertificateView>('/api/quality-certificates', { method: 'POST', body: { ...body, ...(attachmentId ? { attachmentId } : {}) } });
}

function formWith(file: File) {
  const form = new FormData();
  form.append('file', file);
  return form;
}

export function useCreateCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, file }: { body: Omit<CreateCertificateBody, 'attachmentId'>; file: File | null }) => createCertificate(body, file),
    // The execution record and any certificate search show it.
    onSuccess: () => void qc.invalidateQueries({ queryKey: shipmentKeys.all }),
  });
}
