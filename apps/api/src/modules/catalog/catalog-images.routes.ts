import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CatalogImage, MAX_CATALOG_IMAGE_BYTES, Problem, catalogImageTypes, z } from '@portal/schemas';
import { readSingleFile } from '../../infra/upload.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { CatalogImagesService } from './catalog-images.service.ts';

/** For the API docs only: the form is read by @fastify/multipart, not validated as a body. */
const UploadForm = z
  .object({ file: z.unknown().meta({ type: 'string', format: 'binary', description: 'The picture; its type is told from its content' }) })
  .nullish();
const ImageBytes = {
  description: 'The picture’s bytes with their stored type; cached for a year (the address changes with the content)',
  content: Object.fromEntries(catalogImageTypes.map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }])),
};

/** Pictures for product galleries: uploaded by catalog staff, served to everyone. */
export default async function catalogImagesRoutes(app: FastifyInstance, deps: { catalogImages: CatalogImagesService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/catalog/images', {
    config: { access: 'catalog.edit', multipart: true },
    schema: {
      tags: ['products'],
      summary: `Upload one product picture (multipart/form-data, field "file", at most ${MAX_CATALOG_IMAGE_BYTES / 1024 / 1024} MB): JPEG, PNG or WebP, told by its content; the same bytes give the same image`,
      consumes: ['multipart/form-data'],
      body: UploadForm,
      response: { 201: CatalogImage, 400: Problem, 401: Problem, 403: Problem, 413: Problem, 415: Problem },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const file = await readSingleFile(request, MAX_CATALOG_IMAGE_BYTES);
      return reply.code(201).send(await deps.catalogImages.upload(actor, file, { requestId: request.id }));
    },
  });

  r.get('/catalog/images/:sha256', {
    config: { access: 'public' },
    schema: {
      tags: ['catalog'],
      summary: 'A product picture; only uploaded catalog images are served here',
      params: z.strictObject({ sha256: z.string().describe('SHA-256 of the picture, 64 lower-case hex digits') }),
      response: { 200: ImageBytes, 304: z.null().describe('Not modified: the copy the client holds is current'), 404: Problem },
    },
    handler: async (request, reply) => {
      const file = await deps.catalogImages.open(request.params.sha256);
      // The address is the hash of the bytes, so the content behind it never changes.
      const etag = `"${file.image.sha256}"`;
      reply
        .header('etag', etag)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox");
      const cached = request.headers['if-none-match'];
      if (cached && cached.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) {
        file.stream.destroy();
        return reply.code(304).send(null);
      }
      return reply
        .header('content-type', file.image.mimeType)
        .header('content-length', file.sizeBytes)
        // A stream is sent as it is (no serializer); the schema above only documents the bytes.
        .send(file.stream as never);
    },
  });
}
