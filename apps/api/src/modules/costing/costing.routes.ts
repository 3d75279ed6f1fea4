import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CostingBatchInput, CostingBatchResult, CostingInput, CostingResult, Problem } from '@portal/schemas';
import { DomainError, calculateExportPrice, calculateExportPrices } from '@portal/domain';

const errors = { 400: Problem, 401: Problem, 403: Problem };
// Costs, rebates and margins are internal: buyers only ever see the quoted price.
const staff = ['CLERK', 'MANAGER', 'ADMIN', 'FINANCE'] as const;

/** Runs a calculation on the request body; a rule that refuses names its field as the client wrote it. */
function onBody<T>(calculate: () => T): T {
  try {
    return calculate();
  } catch (err) {
    if (err instanceof DomainError && err.fields) {
      throw new DomainError(err.code, err.message, err.fields.map((f) => ({ field: `body.${f.field}`, message: f.message })));
    }
    throw err;
  }
}

/** Export price costing: the build-up from purchase cost to FOB/CFR/CIF, for one line or a whole quote. */
export default async function costingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/costing/calculate', {
    config: { access: staff },
    schema: { tags: ['costing'], summary: 'Cost one export price line: rebate, expenses, freight, insurance, commission, profit; FOB/CFR/CIF', body: CostingInput, response: { 200: CostingResult, ...errors } },
    handler: async (request) => onBody(() => calculateExportPrice(request.body)),
  });

  r.post('/costing/calculate-batch', {
    config: { access: staff },
    schema: { tags: ['costing'], summary: 'Cost up to 500 lines at once (a whole pro-forma quote), results in order', body: CostingBatchInput, response: { 200: CostingBatchResult, ...errors } },
    handler: async (request) => ({ results: onBody(() => calculateExportPrices(request.body.lines)) }),
  });
}
