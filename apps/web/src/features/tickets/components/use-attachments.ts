import { usePendingUploads } from '../../../lib/use-pending-uploads.ts';

/** Files uploaded for a message not yet sent: added one by one, removable, with the last refusal. */
export const useAttachments = usePendingUploads;

export const acceptedFiles = '.pdf,.png,.jpg,.jpeg,.webp,.gif,.docx,.xlsx,.txt,.csv';
