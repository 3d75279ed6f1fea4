import { useState } from 'react';
import type { AttachmentInfo } from '@portal/schemas';
import { ApiError } from './api.ts';
import { uploadAttachment } from './upload.ts';

/**
 * Files uploaded for something not yet sent (a message, a claim's evidence): added one by one as the
 * user picks them, removable, with the server's last refusal worded per file.
 */
export function usePendingUploads() {
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
