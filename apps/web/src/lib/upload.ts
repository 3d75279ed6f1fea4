import type { AttachmentInfo } from '@portal/contracts';
import { ApiError } from './api.ts';

/** Uploads one file to /api/attachments; the server checks its real type and size. */
export async function uploadAttachment(file: File): Promise<AttachmentInfo> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch('/api/attachments', { method: 'POST', body: form, credentials: 'same-origin' });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data.code ?? 'HTTP', data.detail ?? res.statusText, data.errors);
  return data as AttachmentInfo;
}
