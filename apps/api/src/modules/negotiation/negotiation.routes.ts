import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptBody, ChangeRequestBody, CounterOfferBody, DeclineBody, Id, NegotiationMessageView, NegotiationThread, PostMessageBody, Problem, RevisionParams, SalesContractView, z,
} from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { NegotiationService } from './negotiation.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const inquiryParams = z.strictObject({ inquiryId: Id });

/** The negotiation of an inquiry: its thread, the buyer's counter-offers and change requests, and the buyer's answer to a revision (accept or decline). */
export default async function negotiationRoutes(app: FastifyInstance, deps: { negotiation: NegotiationService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/inquiries/:inquiryId/messages', {
    config: { access: 'negotiation.read' },
    schema: { tags: ['negotiation'], summary: 'The negotiation thread of an inquiry, oldest first (buyers: their own company’s)', params: inquiryParams, response: { 200: NegotiationThread, ...errors } },
    handler: async (request) => deps.negotiation.thread(requireActor(request), request.params.inquiryId),
  });

  r.post('/inquiries/:inquiryId/messages', {
    config: { access: 'negotiation.post' },
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
    config: { access: 'negotiation.answer' },
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
    config: { access: 'negotiation.answer' },
    schema: { tags: ['negotiation'], summary: 'Ask for changes to a sent revision, in words (inquiry → negotiating)', params: inquiryParams, body: ChangeRequestBody, response: { 201: NegotiationMessageView, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.negotiation.changeRequest(requireActor(request), request.params.inquiryId, request.body, { requestId: request.id })),
  });

  r.post('/quotes/:quoteId/revisions/:revisionNo/decline', {
    config: { access: 'negotiation.answer' },
    schema: {
      tags: ['negotiation'],
      summary: 'Decline a sent revision with a reason; the inquiry is declined when no other revision stays open',
      params: RevisionParams,
      body: DeclineBody,
      response: { 200: NegotiationMessageView, ...errors },
    },
    handler: async (request) => deps.negotiation.decline(requireActor(request), request.params.quoteId, request.params.revisionNo, request.body, { requestId: request.id }),
  });

  r.post('/quotes/:quoteId/revisions/:revisionNo/accept', {
    config: { access: 'negotiation.answer' },
    schema: {
      tags: ['negotiation'],
      summary: 'Accept a sent revision: issues the sales contract (201); accepting it again answers the same contract (200); superseded or expired: 409',
      params: RevisionParams,
      body: AcceptBody.nullish(),
      response: { 200: SalesContractView, 201: SalesContractView, ...errors },
    },
    handler: async (request, reply) => {
      const result = await deps.negotiation.accept(requireActor(request), request.params.quoteId, request.params.revisionNo, request.body?.revisionNo, { requestId: request.id });
      return reply.code(result.created ? 201 : 200).send(result.contract);
    },
  });
}
