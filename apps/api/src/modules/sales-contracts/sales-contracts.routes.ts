import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ConfirmContractBody, ContractListQuery, ContractParams, ContractSummary, Id, Problem, ProposeAmendmentBody, SalesContractView, z } from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { SalesContractsService } from './sales-contracts.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const amendmentParams = z.strictObject({ contractId: Id, number: z.coerce.number().int().min(1).max(10_000).describe('Amendment number, from 1') });

/** Sales contracts (sales confirmations): issued when a buyer accepts a revision (see negotiation), confirmed by the buyer, amended by numbered amendments. */
export default async function salesContractsRoutes(app: FastifyInstance, deps: { contracts: SalesContractsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/contracts', {
    config: { access: 'salesContracts.read' },
    schema: { tags: ['sales-contracts'], summary: 'Sales contracts, newest first (buyers: their own company’s)', querystring: ContractListQuery, response: { 200: z.array(ContractSummary), ...errors } },
    handler: async (request) => deps.contracts.list(requireActor(request), request.query),
  });

  r.get('/contracts/:contractId', {
    config: { access: 'salesContracts.read' },
    schema: { tags: ['sales-contracts'], summary: 'One sales contract with its lines, clauses, payment terms and amendments', params: ContractParams, response: { 200: SalesContractView, ...errors } },
    handler: async (request) => deps.contracts.get(requireActor(request), request.params.contractId),
  });

  r.post('/contracts/:contractId/confirm', {
    config: { access: 'salesContracts.confirm' },
    schema: { tags: ['sales-contracts'], summary: 'The buyer confirms an issued contract (ISSUED → CONFIRMED)', params: ContractParams, body: ConfirmContractBody.nullish(), response: { 200: SalesContractView, ...errors } },
    handler: async (request) => deps.contracts.confirm(requireActor(request), request.params.contractId, { requestId: request.id }),
  });

  r.get('/contracts/:contractId/pdf', {
    config: { access: 'salesContracts.read' },
    schema: { tags: ['sales-contracts'], summary: 'The sales confirmation as PDF', params: ContractParams, response: { 200: z.unknown().describe('application/pdf'), ...errors } },
    handler: async (request, reply) => {
      const pdf = await deps.contracts.pdf(requireActor(request), request.params.contractId);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${pdf.fileName}"`).header('cache-control', 'private, no-store').send(pdf.content);
    },
  });

  r.post('/contracts/:contractId/amendments', {
    config: { access: 'salesContracts.amend' },
    schema: { tags: ['sales-contracts'], summary: 'Propose a numbered amendment; it applies once the buyer confirms it', params: ContractParams, body: ProposeAmendmentBody, response: { 201: SalesContractView, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.contracts.proposeAmendment(requireActor(request), request.params.contractId, request.body, { requestId: request.id })),
  });

  r.post('/contracts/:contractId/amendments/:number/confirm', {
    config: { access: 'salesContracts.confirm' },
    schema: { tags: ['sales-contracts'], summary: 'The buyer confirms a proposed amendment: its changes apply and the amendment number rises', params: amendmentParams, response: { 200: SalesContractView, ...errors } },
    handler: async (request) => deps.contracts.confirmAmendment(requireActor(request), request.params.contractId, request.params.number, { requestId: request.id }),
  });
}
