import type { AttachmentInfo } from '@portal/schemas';
import { api } from './api.ts';

/**
 * Uploads one file to /api/attachments; the server checks its real type and size. Through api(),
 * so a form left open past the 15-minute session renews it instead of failing with 401.
 */
export function uploadAttachment(file: File): Promise<AttachmentInfo> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<AttachmentInfo>('/api/attachments', { method: 'POST', body: form });
}
