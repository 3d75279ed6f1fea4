import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AcceptBody, ConfirmContractBody, RecordLetterOfCreditBody, ReviewLetterOfCreditBody, ContractListQuery, ContractSummary, Id, Problem, ProposeAmendmentBody, SalesContractView, z } from '@portal/schemas';
import { DomainError } from '@portal/domain';
import { requireActor } from '../../plugins/auth.ts';
import type { ContractsService } from './contracts.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const everyone = ['BUYER', 'CLERK', 'FINANCE', 'MANAGER', 'ADMIN'] as const;
const editors = ['CLERK', 'MANAGER', 'ADMIN'] as const;

const contractParams = z.strictObject({ contractId: Id });
const revisionParams = z.strictObject({ quoteId: Id, revisionNo: z.coerce.number().int().min(1).max(10_000).describe('Revision number, from 1') });
const amendmentParams = z.strictObject({ contractId: Id, number: z.coerce.number().int().min(1).max(10_000).describe('Amendment number, from 1') });

/** Sales contracts (sales confirmations): issued when a buyer accepts a revision, confirmed by the buyer, amended by numbered amendments. */
export default async function contractsRoutes(app: FastifyInstance, deps: { contracts: ContractsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/quotes/:quoteId/revisions/:revisionNo/accept', {
    config: { access: ['BUYER'] },
    schema: {
      tags: ['contracts'],
      summary: 'Accept a sent revision: issues the sales contract (201); accepting it again answers the same contract (200); superseded or expired: 409',
      params: revisionParams,
      body: AcceptBody.nullish(),
      response: { 200: SalesContractView, 201: SalesContractView, ...errors },
    },
    handler: async (request, reply) => {
      const given = request.body?.revisionNo;
      if (given !== undefined && given !== request.params.revisionNo) {
        throw new DomainError('VALIDATION', 'the revision numbers differ', [{ field: 'body.revisionNo', message: `must be ${request.params.revisionNo}, the revision in the path` }]);
      }
      const result = await deps.contracts.accept(requireActor(request), request.params.quoteId, request.params.revisionNo, { requestId: request.id });
      return reply.code(result.created ? 201 : 200).send(result.contract);
    },
  });

  r.get('/contracts', {
    config: { access: everyone },
    schema: { tags: ['contracts'], summary: 'Sales contracts, newest first (buyers: their own company’s)', querystring: ContractListQuery, response: { 200: z.array(ContractSummary), ...errors } },
    handler: async (request) => deps.contracts.list(requireActor(request), request.query),
  });

  r.get('/contracts/:contractId', {
    config: { access: everyone },
    schema: { tags: ['contracts'], summary: 'One sales contract with its lines, clauses, payment terms and amendments', params: contractParams, response: { 200: SalesContractView, ...errors } },
    handler: async (request) => deps.contracts.get(requireActor(request), request.params.contractId),
  });

  r.post('/contracts/:contractId/confirm', {
    config: { access: ['BUYER'] },
    schema: { tags: ['contracts'], summary: 'The buyer confirms an issued contract (ISSUED → CONFIRMED)', params: contractParams, body: ConfirmContractBody.nullish(), response: { 200: SalesContractView, ...errors } },
    handler: async (request) => deps.contracts.confirm(requireActor(request), request.params.contractId, { requestId: request.id }),
  });

  r.get('/contracts/:contractId/pdf', {
    config: { access: everyone },
    schema: { tags: ['contracts'], summary: 'The sales confirmation as PDF', params: contractParams, response: { 200: z.unknown().describe('application/pdf'), ...errors } },
    handler: async (request, reply) => {
      const pdf = await deps.contracts.pdf(requireActor(request), request.params.contractId);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${pdf.fileName}"`).header('cache-control', 'private, no-store').send(pdf.content);
    },
  });

  r.post('/contracts/:contractId/amendments', {
    config: { access: editors },
    schema: { tags: ['contracts'], summary: 'Propose a numbered amendment; it applies once the buyer confirms it', params: contractParams, body: ProposeAmendmentBody, response: { 201: SalesContractView, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.contracts.proposeAmendment(requireActor(request), request.params.contractId, request.body, { requestId: request.id })),
  });

  r.post('/contracts/:contractId/amendments/:number/confirm', {
    config: { access: ['BUYER'] },
    schema: { tags: ['contracts'], summary: 'The buyer confirms a proposed amendment: its changes apply and the amendment number rises', params: amendmentParams, response: { 200: SalesContractView, ...errors } },
    handler: async (request) => deps.contracts.confirmAmendment(requireActor(request), request.params.contractId, request.params.number, { requestId: request.id }),
  });

  r.put('/contracts/:contractId/letter-of-credit', {
    config: { access: ['BUYER'] },
    schema: {
      tags: ['contracts'],
      summary: 'The buyer records the letter of credit opened by their bank (L/C contracts, once confirmed); the exporter then checks it',
      params: contractParams, body: RecordLetterOfCreditBody, response: { 200: SalesContractView, ...errors },
    },
    handler: async (request) => deps.contracts.recordLetterOfCredit(requireActor(request), request.params.contractId, request.body, { requestId: request.id }),
  });

  r.post('/contracts/:contractId/letter-of-credit/review', {
    config: { access: ['CLERK', 'MANAGER'] },
    schema: {
      tags: ['contracts'],
      summary: 'Staff accept the received letter of credit or ask for its amendment (with a note)',
      params: contractParams, body: ReviewLetterOfCreditBody, response: { 200: SalesContractView, ...errors },
    },
    handler: async (request) => deps.contracts.reviewLetterOfCredit(requireActor(request), request.params.contractId, request.body, { requestId: request.id }),
  });
}
