import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApprovalBody, DocumentLangQuery, Id, NextRevisionBody, PendingApproval, Problem, QuoteDraftBody, QuoteView, RevisionParams, z } from '@portal/schemas';
import { readerLang } from '../../infra/reader-lang.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { QuotesService } from './quotes.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const quoteParams = z.strictObject({ quoteId: Id });
const revisionParams = RevisionParams;

/** Pro-forma quotes (PI): drafted by clerks from an inquiry, approved below the margin floor, sent to the buyer with a PDF. */
export default async function quotesRoutes(app: FastifyInstance, deps: { quotes: QuotesService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/inquiries/:inquiryId/quotes', {
    config: { access: 'quotes.edit' },
    schema: {
      tags: ['quotes'],
      summary: 'Draft a PI for an inquiry: revision 1 of a new PI, or the next revision of its open PI',
      params: z.strictObject({ inquiryId: Id }),
      body: QuoteDraftBody,
      response: { 201: QuoteView, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await deps.quotes.create(requireActor(request), request.params.inquiryId, request.body, { requestId: request.id })),
  });

  r.get('/quotes/:quoteId', {
    config: { access: 'quotes.read' },
    schema: { tags: ['quotes'], summary: 'A PI with its revisions (buyers: their own, sent revisions only, no costing)', params: quoteParams, response: { 200: QuoteView, ...errors } },
    handler: async (request) => deps.quotes.get(requireActor(request), request.params.quoteId),
  });

  r.post('/quotes/:quoteId/revisions', {
    config: { access: 'quotes.edit' },
    schema: {
      tags: ['quotes'],
      summary: 'Draft the next revision from the conversation: the last sent revision, taking per line the buyer’s counter-offer price, quantity or shipment date',
      params: quoteParams, body: NextRevisionBody, response: { 201: QuoteView, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await deps.quotes.createNext(requireActor(request), request.params.quoteId, request.body, { requestId: request.id })),
  });

  r.put('/quotes/:quoteId/revisions/:revisionNo', {
    config: { access: 'quotes.edit' },
    schema: { tags: ['quotes'], summary: 'Replace a draft revision (a sent revision never changes)', params: revisionParams, body: QuoteDraftBody, response: { 200: QuoteView, ...errors } },
    handler: async (request) => deps.quotes.update(requireActor(request), request.params.quoteId, request.params.revisionNo, request.body, { requestId: request.id }),
  });

  r.post('/quotes/:quoteId/revisions/:revisionNo/send', {
    config: { access: 'quotes.edit' },
    schema: { tags: ['quotes'], summary: 'Send a draft to the buyer by mail with the PI as PDF, or to a manager when it is below the margin floor', params: revisionParams, response: { 200: QuoteView, ...errors } },
    handler: async (request) => deps.quotes.send(requireActor(request), request.params.quoteId, request.params.revisionNo, { requestId: request.id }),
  });

  r.post('/quotes/:quoteId/revisions/:revisionNo/approval', {
    config: { access: 'quotes.approve' },
    schema: { tags: ['quotes'], summary: 'Approve a revision below the margin floor (it is then sent) or send it back with a comment', params: revisionParams, body: ApprovalBody, response: { 200: QuoteView, ...errors } },
    handler: async (request) => deps.quotes.decide(requireActor(request), request.params.quoteId, request.params.revisionNo, request.body, { requestId: request.id }),
  });

  r.get('/quotes/:quoteId/revisions/:revisionNo/pdf', {
    config: { access: 'quotes.read' },
    schema: {
      tags: ['quotes'],
      summary: 'The pro-forma invoice as PDF in the reader’s language (buyers: sent revisions of their own PIs; staff: drafts too, marked DRAFT)',
      params: revisionParams,
      querystring: DocumentLangQuery,
      response: { 200: z.unknown().describe('application/pdf'), ...errors },
    },
    handler: async (request, reply) => {
      const pdf = await deps.quotes.pdf(requireActor(request), request.params.quoteId, request.params.revisionNo, readerLang(request, request.query.lang));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${pdf.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf.content);
    },
  });

  r.get('/approvals/quotes', {
    config: { access: 'quotes.approve' },
    schema: { tags: ['quotes'], summary: 'Quote revisions below the margin floor waiting for a manager, oldest first', response: { 200: z.array(PendingApproval), 401: Problem, 403: Problem } },
    handler: async () => deps.quotes.pendingApprovals(),
  });
}
