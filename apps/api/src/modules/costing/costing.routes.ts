import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CostSheetListQuery, CostSheetSaveBody, CostSheetView, CostingBatchInput, CostingBatchResult, CostingEvaluation, CostingEvaluationBatchInput, CostingEvaluationBatchResult,
  CostingEvaluationInput, CostingInput, CostingResult, Id, Problem, z,
} from '@portal/schemas';
import { fastSerializerCompiler } from '../../infra/fast-serializer.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { CostingService } from './costing.service.ts';

// Costs, rebates and margins are internal: buyers only ever see the quoted price.
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Export price costing (出口报价核算): the build-up from purchase cost to FOB/CFR/CIF, and the saved, versioned cost sheets. */
export default async function costingRoutes(app: FastifyInstance, deps: { costing: CostingService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/costing/calculate', {
    config: { access: 'costing.calculate' },
    schema: { tags: ['costing'], summary: 'Cost one export price line: rebate, expenses, freight, insurance, commission, profit; FOB/CFR/CIF', body: CostingInput, response: { 200: CostingResult, 400: Problem, 401: Problem, 403: Problem } },
    handler: async (request) => deps.costing.calculate(request.body),
  });

  r.post('/costing/calculate-batch', {
    config: { access: 'costing.calculate' },
    schema: { tags: ['costing'], summary: 'Cost up to 500 lines at once (a whole pro-forma quote), results in order', body: CostingBatchInput, response: { 200: CostingBatchResult, 400: Problem, 401: Problem, 403: Problem } },
    // A 200-line quote answers ~0.5 MB: fast-json-stringify instead of zod encode + JSON.stringify (bench:costing).
    serializerCompiler: fastSerializerCompiler,
    handler: async (request) => deps.costing.calculateBatch(request.body.lines),
  });

  r.post('/costing/evaluate', {
    config: { access: 'costing.calculate' },
    schema: {
      tags: ['costing'],
      summary: 'Counter-offer costing (还价核算): a given price on any term back to net FX income, FX cost of export, profit/loss and the profit rate it leaves; the purchase cost a target profit needs',
      body: CostingEvaluationInput, response: { 200: CostingEvaluation, 400: Problem, 401: Problem, 403: Problem },
    },
    handler: async (request) => deps.costing.evaluate(request.body),
  });

  r.post('/costing/evaluate-batch', {
    config: { access: 'costing.calculate' },
    schema: { tags: ['costing'], summary: 'Evaluate up to 500 given prices at once (a whole counter-offer), results in order', body: CostingEvaluationBatchInput, response: { 200: CostingEvaluationBatchResult, 400: Problem, 401: Problem, 403: Problem } },
    serializerCompiler: fastSerializerCompiler,
    handler: async (request) => deps.costing.evaluateBatch(request.body.lines),
  });

  r.post('/cost-sheets', {
    config: { access: 'costSheets.save' },
    schema: { tags: ['costing'], summary: 'Cost and save a cost sheet: a new series, or the next version of `seriesId`', body: CostSheetSaveBody, response: { 201: CostSheetView, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.costing.save(requireActor(request), request.body, { requestId: request.id })),
  });

  r.get('/cost-sheets', {
    config: { access: 'costSheets.read' },
    schema: { tags: ['costing'], summary: 'The newest version of each cost sheet, optionally of one product', querystring: CostSheetListQuery, response: { 200: z.array(CostSheetView), ...errors } },
    handler: async (request) => deps.costing.list(request.query),
  });

  r.get('/cost-sheets/:costSheetId', {
    config: { access: 'costSheets.read' },
    schema: { tags: ['costing'], summary: 'One cost sheet version with its build-up and the list of its versions', params: z.strictObject({ costSheetId: Id }), response: { 200: CostSheetView, ...errors } },
    handler: async (request) => deps.costing.get(request.params.costSheetId),
  });
}
