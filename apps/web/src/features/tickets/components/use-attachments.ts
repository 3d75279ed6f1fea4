import { useState } from 'react';
import type { AttachmentInfo } from '@portal/schemas';
import { ApiError } from '../../../lib/api.ts';
import { uploadAttachment } from '../../../lib/upload.ts';

/** Files uploaded for a message not yet sent: added one by one, removable, with the last refusal. */
export function useAttachments() {
  const [files, setFiles] = useState<AttachmentInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  async function add(list: FileList | null) {
    if (!list) return;
    setUploading(true);
    setError(null);
    for (const file of Array.from(list)) {
      try {
        const info = await uploadAttachment(file);
        setFiles((f) => [...f, info]);
      } catch (err) {
        setError(`${file.name}: ${err instanceof ApiError ? (err.fieldErrors[0]?.message ?? err.message) : String(err)}`);
      }
    }
    setUploading(false);
  }
  return { files, error, uploading, add, remove: (id: string) => setFiles((f) => f.filter((x) => x.id !== id)), clear: () => setFiles([]) };
}

export const acceptedFiles = '.pdf,.png,.jpg,.jpeg,.webp,.gif,.docx,.xlsx,.txt,.csv';
