import type { FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '@portal/domain';

/** An upload refused for its size, type or form (413, 415 or 400), naming the form field `file`. */
export function uploadRefused(code: Extract<ErrorCode, 'VALIDATION' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE'>, message: string, fieldMessage: string): DomainError {
  return new DomainError(code, message, [{ field: 'file', message: fieldMessage }]);
}

/** The refusal of a file over `maxBytes` (a whole number of MiB). */
export const uploadTooLarge = (maxBytes: number) =>
  uploadRefused('PAYLOAD_TOO_LARGE', `the file is larger than ${maxBytes / 1024 / 1024} MB`, `must be at most ${maxBytes / 1024 / 1024} MB`);

/** The refusal of an empty file. */
export const uploadEmpty = () => uploadRefused('VALIDATION', 'the file is empty', 'must not be empty');

/** Reads the one file of a multipart/form-data request, sent in the field `file`, of at most `maxBytes`. */
export async function readSingleFile(request: FastifyRequest, maxBytes: number): Promise<{ fileName: string; data: Buffer }> {
  if (!request.isMultipart()) {
    throw uploadRefused('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data, in the field "file"', 'is required');
  }
  let found: { fileName: string; data: Buffer } | undefined;
  let misnamed = false;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } })) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file') {
        misnamed = true;
        part.file.resume();
        continue;
      }
      found = { fileName: part.filename ?? '', data: await part.toBuffer() };
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw uploadTooLarge(maxBytes);
    if (code === 'FST_FILES_LIMIT') throw uploadRefused('VALIDATION', 'send one file per request', 'must be a single file');
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw uploadRefused('VALIDATION', 'the form has too many fields', 'must be sent alone');
    throw err;
  }
  if (!found) throw uploadRefused('VALIDATION', misnamed ? 'send the file in the form field named "file"' : 'no file was sent', 'is required');
  return found;
}
