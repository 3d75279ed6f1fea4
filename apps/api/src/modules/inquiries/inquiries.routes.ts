import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AssignInquiryBody, CreateInquiryBody, Id, InquiryDetail, InquiryListParams, InquiryListQuery, InquiryListView, InquiryPage, Problem, PutInquiryListItemBody, z } from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { InquiriesService } from './inquiries.service.ts';
import type { InquiryListService } from './inquiry-list.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Price inquiries (RFQs): sent by buyers, worked by clerks. */
export default async function inquiriesRoutes(app: FastifyInstance, deps: { inquiries: InquiriesService; inquiryList: InquiryListService }) {
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

  // The buyer's inquiry list: products collected to ask for in one inquiry, on any device.
  r.get('/inquiry-list', {
    config: { access: 'inquiryList.manage' },
    schema: { tags: ['inquiries'], summary: 'The caller’s inquiry list: products with quantities, in the order added', response: { 200: InquiryListView, ...errors } },
    handler: async (request) => deps.inquiryList.get(requireActor(request)),
  });

  r.put('/inquiry-list/:productId', {
    config: { access: 'inquiryList.manage' },
    schema: { tags: ['inquiries'], summary: 'Put a catalog product on the list with a quantity, or change its quantity', params: InquiryListParams, body: PutInquiryListItemBody, response: { 200: InquiryListView, ...errors } },
    handler: async (request) => deps.inquiryList.put(requireActor(request), request.params.productId, request.body.quantity),
  });

  r.delete('/inquiry-list/:productId', {
    config: { access: 'inquiryList.manage' },
    schema: { tags: ['inquiries'], summary: 'Take a product off the list', params: InquiryListParams, response: { 200: InquiryListView, ...errors } },
    handler: async (request) => deps.inquiryList.remove(requireActor(request), request.params.productId),
  });

  r.delete('/inquiry-list', {
    config: { access: 'inquiryList.manage' },
    schema: { tags: ['inquiries'], summary: 'Empty the list', response: { 200: InquiryListView, ...errors } },
    handler: async (request) => deps.inquiryList.clear(requireActor(request)),
  });
}
