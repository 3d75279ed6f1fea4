import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChangeRequestBody, CounterOfferBody, DeclineBody, Id, NegotiationMessageView, NegotiationThread, PostMessageBody, Problem, z } from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { NegotiationService } from './negotiation.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const everyone = ['BUYER', 'CLERK', 'FINANCE', 'MANAGER', 'ADMIN'] as const;
const writers = ['BUYER', 'CLERK', 'MANAGER', 'ADMIN'] as const;

const inquiryParams = z.strictObject({ inquiryId: Id });
const revisionParams = z.strictObject({ quoteId: Id, revisionNo: z.coerce.number().int().min(1).max(10_000).describe('Revision number, from 1') });

/** The negotiation thread of an inquiry: messages, the buyer's counter-offers and change requests, and declining a revision. */
export default async function negotiationRoutes(app: FastifyInstance, deps: { negotiation: NegotiationService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/inquiries/:inquiryId/messages', {
    config: { access: everyone },
    schema: { tags: ['negotiation'], summary: 'The negotiation thread of an inquiry, oldest first (buyers: their own company’s)', params: inquiryParams, response: { 200: NegotiationThread, ...errors } },
    handler: async (request) => deps.negotiation.thread(requireActor(request), request.params.inquiryId),
  });

  r.post('/inquiries/:inquiryId/messages', {
    config: { access: writers },
    schema: {
      tags: ['negotiation'],
      summary: 'Post a message (with uploaded files) to the thread; the other side is notified in the portal and by mail',
      params: inquiryParams,
      body: PostMessageBody,
      response: { 201: NegotiationMessageView, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await deps.negotiation.post(requireActor(request), request.params.inquiryId, request.body, { requestId: request.id })),
  });

  r.post('/inquiries/:inquiryId/counter-offers', {
    config: { access: ['BUYER'] },
    schema: {
      tags: ['negotiation'],
      summary: 'Counter a sent revision: per line a price, quantity or shipment date, or other payment terms or Incoterm (inquiry → negotiating)',
      params: inquiryParams,
      body: CounterOfferBody,
      response: { 201: NegotiationMessageView, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await deps.negotiation.counterOffer(requireActor(request), request.params.inquiryId, request.body, { requestId: request.id })),
  });

  r.post('/inquiries/:inquiryId/change-requests', {
    config: { access: ['BUYER'] },
    schema: { tags: ['negotiation'], summary: 'Ask for changes to a sent revision, in words (inquiry → negotiating)', params: inquiryParams, body: ChangeRequestBody, response: { 201: NegotiationMessageView, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.negotiation.changeRequest(requireActor(request), request.params.inquiryId, request.body, { requestId: request.id })),
  });

  r.post('/quotes/:quoteId/revisions/:revisionNo/decline', {
    config: { access: ['BUYER'] },
    schema: {
      tags: ['negotiation'],
      summary: 'Decline a sent revision with a reason; the inquiry is declined when no other revision stays open',
      params: revisionParams,
      body: DeclineBody,
      response: { 200: NegotiationMessageView, ...errors },
    },
    handler: async (request) => deps.negotiation.decline(requireActor(request), request.params.quoteId, request.params.revisionNo, request.body, { requestId: request.id }),
  });
}
