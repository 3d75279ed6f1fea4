import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ContractParams, Problem, RecordLetterOfCreditBody, ReviewLetterOfCreditBody, SalesContractView } from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { LettersOfCreditService } from './letters-of-credit.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** The letter of credit of a sales contract: recorded by the buyer, checked by the exporter. */
export default async function lettersOfCreditRoutes(app: FastifyInstance, deps: { lettersOfCredit: LettersOfCreditService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.put('/contracts/:contractId/letter-of-credit', {
    config: { access: 'lettersOfCredit.record' },
    schema: {
      tags: ['letters-of-credit'],
      summary: 'The buyer records the letter of credit opened by their bank (L/C contracts, once confirmed); the exporter then checks it',
      params: ContractParams, body: RecordLetterOfCreditBody, response: { 200: SalesContractView, ...errors },
    },
    handler: async (request) => deps.lettersOfCredit.record(requireActor(request), request.params.contractId, request.body, { requestId: request.id }),
  });

  r.post('/contracts/:contractId/letter-of-credit/review', {
    config: { access: 'lettersOfCredit.review' },
    schema: {
      tags: ['letters-of-credit'],
      summary: 'Staff accept the received letter of credit or ask for its amendment (with a note)',
      params: ContractParams, body: ReviewLetterOfCreditBody, response: { 200: SalesContractView, ...errors },
    },
    handler: async (request) => deps.lettersOfCredit.review(requireActor(request), request.params.contractId, request.body, { requestId: request.id }),
  });
}
