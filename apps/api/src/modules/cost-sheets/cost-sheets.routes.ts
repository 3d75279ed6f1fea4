import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CostSheetListQuery, CostSheetSaveBody, CostSheetView, Id, Problem, z } from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { CostSheetsService } from './cost-sheets.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
// Costs, rebates and margins are internal: buyers never reach a cost sheet.
const costing = ['CLERK', 'MANAGER', 'ADMIN'] as const;
const staff = ['CLERK', 'FINANCE', 'MANAGER', 'ADMIN'] as const;

/** Saved, versioned export cost sheets (出口报价核算), reused across inquiries and quotes. */
export default async function costSheetsRoutes(app: FastifyInstance, deps: { costSheets: CostSheetsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/cost-sheets', {
    config: { access: costing },
    schema: { tags: ['costing'], summary: 'Cost and save a cost sheet: a new series, or the next version of `seriesId`', body: CostSheetSaveBody, response: { 201: CostSheetView, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.costSheets.save(requireActor(request), request.body, { requestId: request.id })),
  });

  r.get('/cost-sheets', {
    config: { access: staff },
    schema: { tags: ['costing'], summary: 'The newest version of each cost sheet, optionally of one product', querystring: CostSheetListQuery, response: { 200: z.array(CostSheetView), ...errors } },
    handler: async (request) => deps.costSheets.list(request.query),
  });

  r.get('/cost-sheets/:costSheetId', {
    config: { access: staff },
    schema: { tags: ['costing'], summary: 'One cost sheet version with its build-up and the list of its versions', params: z.strictObject({ costSheetId: Id }), response: { 200: CostSheetView, ...errors } },
    handler: async (request) => deps.costSheets.get(request.params.costSheetId),
  });
}
