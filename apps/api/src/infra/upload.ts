import type { FastifyRequest } from 'fastify';

/**
 * An upload refused for its size or type: answered 413 or 415 (which the domain's error codes do
 * not cover), naming the form field `file`.
 */
export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: 'VALIDATION' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE',
    message: string,
    readonly fieldMessage: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

/** The refusal of a file over `maxBytes` (a whole number of MiB). */
export const uploadTooLarge = (maxBytes: number) =>
  new UploadRefused(413, 'PAYLOAD_TOO_LARGE', `the file is larger than ${maxBytes / 1024 / 1024} MB`, `must be at most ${maxBytes / 1024 / 1024} MB`);

/** Reads the one file of a multipart/form-data request, sent in the field `file`, of at most `maxBytes`. */
export async function readSingleFile(request: FastifyRequest, maxBytes: number): Promise<{ fileName: string; data: Buffer }> {
  if (!request.isMultipart()) {
    throw new UploadRefused(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data, in the field "file"', 'is required');
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
    if (code === 'FST_FILES_LIMIT') throw new UploadRefused(400, 'VALIDATION', 'send one file per request', 'must be a single file');
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new UploadRefused(400, 'VALIDATION', 'the form has too many fields', 'must be sent alone');
    throw err;
  }
  if (!found) throw new UploadRefused(400, 'VALIDATION', misnamed ? 'send the file in the form field named "file"' : 'no file was sent', 'is required');
  return found;
}
