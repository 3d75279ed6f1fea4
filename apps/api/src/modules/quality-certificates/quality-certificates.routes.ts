import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CertificateParams, CertificateQuery, CreateCertificateBody, Problem, QualityCertificateView, z } from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import { attachmentDisposition } from '../attachments/file-types.ts';
import type { QualityCertificatesService } from './quality-certificates.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Batch quality certificates: looked up and printed by buyers, maintained by staff. */
export default async function qualityCertificatesRoutes(app: FastifyInstance, deps: { qualityCertificates: QualityCertificatesService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/quality-certificates', {
    config: { access: 'qualityCertificates.read' },
    schema: { tags: ['quality-certificates'], summary: 'Look up batch certificates by batch number, product or contract (buyers: batches shipped to their company)', querystring: CertificateQuery, response: { 200: z.array(QualityCertificateView), ...errors } },
    handler: async (request) => deps.qualityCertificates.search(requireActor(request), request.query),
  });

  r.get('/quality-certificates/:certificateId', {
    config: { access: 'qualityCertificates.read' },
    schema: { tags: ['quality-certificates'], summary: 'One batch certificate with its results', params: CertificateParams, response: { 200: QualityCertificateView, ...errors } },
    handler: async (request) => deps.qualityCertificates.get(requireActor(request), request.params.certificateId),
  });

  r.get('/quality-certificates/:certificateId/file', {
    config: { access: 'qualityCertificates.read' },
    schema: { tags: ['quality-certificates'], summary: 'The certificate as issued (PDF or image)', params: CertificateParams, response: { 200: z.unknown().describe('the file'), ...errors } },
    handler: async (request, reply) => {
      const f = await deps.qualityCertificates.file(requireActor(request), request.params.certificateId);
      return reply
        .header('content-type', f.contentType).header('content-length', f.sizeBytes).header('content-disposition', attachmentDisposition(f.fileName))
        .header('x-content-type-options', 'nosniff').header('content-security-policy', "default-src 'none'; sandbox").header('cache-control', 'private, no-store')
        .send(f.stream as never);
    },
  });

  r.post('/quality-certificates', {
    config: { access: 'qualityCertificates.manage' },
    schema: { tags: ['quality-certificates'], summary: 'Record a batch’s quality certificate with its key results and file', body: CreateCertificateBody, response: { 201: QualityCertificateView, ...errors, 415: Problem } },
    handler: async (request, reply) => reply.code(201).send(await deps.qualityCertificates.create(requireActor(request), request.body, { requestId: request.id })),
  });
}
