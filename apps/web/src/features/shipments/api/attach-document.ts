import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AttachDocumentBody, AttachmentInfo, ShipmentView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { shipmentKeys } from './keys.ts';

/** Uploads a file, then attaches it to the shipment as a document of the given kind. */
export async function attachDocument(shipmentId: string, file: File, body: Omit<AttachDocumentBody, 'attachmentId'>) {
  const form = new FormData();
  form.append('file', file);
  const uploaded = await api<AttachmentInfo>('/api/attachments', { method: 'POST', body: form });
  return api<ShipmentView>(`/api/shipments/${shipmentId}/documents`, { method: 'POST', body: { ...body, attachmentId: uploaded.id } });
}

export function useAttachDocument(contractId: string, shipmentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, ...body }: Omit<AttachDocumentBody, 'attachmentId'> & { file: File }) => attachDocument(shipmentId, file, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: shipmentKeys.execution(contractId) }),
  });
}
