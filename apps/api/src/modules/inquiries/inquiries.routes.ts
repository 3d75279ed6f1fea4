import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AssignInquiryBody, CreateInquiryBody, Id, InquiryDetail, InquiryListQuery, InquiryPage, Problem, z } from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { InquiriesService } from './inquiries.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Price inquiries (RFQs): sent by buyers, worked by clerks. */
export default async function inquiriesRoutes(app: FastifyInstance, deps: { inquiries: InquiriesService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ inquiryId: Id });

  r.post('/inquiries', {
    config: { access: 'inquiries.create' },
    schema: { tags: ['inquiries'], summary: 'Send a price inquiry (approved buyers): lines checked against MOQ, port, shipment date, own uploaded files', body: CreateInquiryBody, response: { 201: InquiryDetail, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.inquiries.create(requireActor(request), request.body, { requestId: request.id })),
  });

  r.get('/inquiries', {
    config: { access: 'inquiries.read' },
    schema: { tags: ['inquiries'], summary: 'Inquiries: a buyer’s own company’s, newest first; for staff the inbox, unanswered first, oldest first', querystring: InquiryListQuery, response: { 200: InquiryPage, ...errors } },
    handler: async (request) => deps.inquiries.list(requireActor(request), request.query),
  });

  r.get('/inquiries/:inquiryId', {
    config: { access: 'inquiries.read' },
    schema: { tags: ['inquiries'], summary: 'One inquiry with its lines, files and quotes (buyers: their own company’s)', params, response: { 200: InquiryDetail, ...errors } },
    handler: async (request) => deps.inquiries.get(requireActor(request), request.params.inquiryId),
  });

  r.post('/inquiries/:inquiryId/withdraw', {
    config: { access: 'inquiries.withdraw' },
    schema: { tags: ['inquiries'], summary: 'Withdraw an inquiry that is submitted, quoted or in negotiation', params, response: { 200: InquiryDetail, ...errors } },
    handler: async (request) => deps.inquiries.withdraw(requireActor(request), request.params.inquiryId, { requestId: request.id }),
  });

  r.post('/inquiries/:inquiryId/assign', {
    config: { access: 'inquiries.assign' },
    schema: { tags: ['inquiries'], summary: 'Assign an open inquiry to a clerk or manager', params, body: AssignInquiryBody, response: { 200: InquiryDetail, ...errors } },
    handler: async (request) => deps.inquiries.assign(requireActor(request), request.params.inquiryId, request.body, { requestId: request.id }),
  });
}
