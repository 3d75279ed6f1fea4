import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AttachmentInfo, Id, Problem, z } from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import { readSingleFile } from '../../infra/upload.ts';
import { MAX_ATTACHMENT_BYTES, type AttachmentsService } from './attachments.service.ts';
import { attachmentDisposition } from './file-types.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** For the API docs only: the form is read by @fastify/multipart, not validated as a body. */
const UploadForm = z
  .object({ file: z.unknown().meta({ type: 'string', format: 'binary', description: 'The file; its type is told from its content' }) })
  .nullish();
const FileBytes = { description: 'The file’s bytes, sent with its content type as an attachment', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } };

/** Uploading files (drawings, photos, documents) and downloading them again. */
export default async function attachmentsRoutes(app: FastifyInstance, deps: { attachments: AttachmentsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/attachments', {
    config: { access: 'attachments.upload', multipart: true },
    schema: {
      tags: ['attachments'],
      summary: 'Upload one file (multipart/form-data, field "file", at most 10 MB): PDF, PNG, JPEG, WebP, GIF, docx, xlsx, DWG, DXF, text or CSV, told by its content',
      consumes: ['multipart/form-data'],
      body: UploadForm,
      response: { 201: AttachmentInfo, ...errors, 413: Problem, 415: Problem },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const file = await readSingleFile(request, MAX_ATTACHMENT_BYTES);
      return reply.code(201).send(await deps.attachments.upload(actor, file, { requestId: request.id }));
    },
  });

  r.get('/attachments/:attachmentId', {
    config: { access: 'attachments.read' },
    schema: {
      tags: ['attachments'],
      summary: 'Download a file (its company’s users and staff), always as an attachment',
      params: z.strictObject({ attachmentId: Id }),
      response: { 200: FileBytes, ...errors },
    },
    handler: async (request, reply) => {
      const file = await deps.attachments.open(requireActor(request), request.params.attachmentId);
      const type = file.info.contentType.startsWith('text/') ? `${file.info.contentType}; charset=utf-8` : file.info.contentType;
      return reply
        .header('content-type', type)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', attachmentDisposition(file.info.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        // A stream is sent as it is (no serializer); the schema above only documents the bytes.
        .send(file.stream as never);
    },
  });
}
