import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AssignInquiryBody, CreateInquiryBody, Id, IndicativePrice, IndicativePriceQuery, InquiryDetail, InquiryListQuery, InquiryPage, Problem, z,
} from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { IndicativePriceService } from './indicative-price.service.ts';
import type { InquiriesService } from './inquiries.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const everyone = ['BUYER', 'CLERK', 'FINANCE', 'MANAGER', 'ADMIN'] as const;
const inquiryHandlers = ['CLERK', 'MANAGER', 'ADMIN'] as const;

/** Price inquiries (RFQs) and the indicative price on a product page. */
export default async function inquiriesRoutes(app: FastifyInstance, deps: { inquiries: InquiriesService; indicativePrices: IndicativePriceService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ inquiryId: Id });

  r.post('/inquiries', {
    config: { access: ['BUYER'] },
    schema: { tags: ['inquiries'], summary: 'Send a price inquiry (approved buyers): lines checked against MOQ, port, shipment date, own uploaded files', body: CreateInquiryBody, response: { 201: InquiryDetail, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.inquiries.create(requireActor(request), request.body, { requestId: request.id })),
  });

  r.get('/inquiries', {
    config: { access: everyone },
    schema: { tags: ['inquiries'], summary: 'Inquiries: a buyer’s own company’s, newest first; for staff the inbox, unanswered first, oldest first', querystring: InquiryListQuery, response: { 200: InquiryPage, ...errors } },
    handler: async (request) => deps.inquiries.list(requireActor(request), request.query),
  });

  r.get('/inquiries/:inquiryId', {
    config: { access: everyone },
    schema: { tags: ['inquiries'], summary: 'One inquiry with its lines, files and quotes (buyers: their own company’s)', params, response: { 200: InquiryDetail, ...errors } },
    handler: async (request) => deps.inquiries.get(requireActor(request), request.params.inquiryId),
  });

  r.post('/inquiries/:inquiryId/withdraw', {
    config: { access: ['BUYER'] },
    schema: { tags: ['inquiries'], summary: 'Withdraw an inquiry that is submitted, quoted or in negotiation', params, response: { 200: InquiryDetail, ...errors } },
    handler: async (request) => deps.inquiries.withdraw(requireActor(request), request.params.inquiryId, { requestId: request.id }),
  });

  r.post('/inquiries/:inquiryId/assign', {
    config: { access: inquiryHandlers },
    schema: { tags: ['inquiries'], summary: 'Assign an open inquiry to a clerk or manager', params, body: AssignInquiryBody, response: { 200: InquiryDetail, ...errors } },
    handler: async (request) => deps.inquiries.assign(requireActor(request), request.params.inquiryId, request.body, { requestId: request.id }),
  });

  r.get('/catalog/products/:productId/indicative-price', {
    config: { access: everyone },
    schema: {
      tags: ['catalog'],
      summary: 'An indicative unit price for a quantity, Incoterm (FOB/CFR/CIF) and port (approved buyers and staff); never a cost or margin',
      params: z.strictObject({ productId: Id }),
      querystring: IndicativePriceQuery,
      response: { 200: IndicativePrice, ...errors },
    },
    handler: async (request) => deps.indicativePrices.get(requireActor(request), request.params.productId, request.query),
  });
}
