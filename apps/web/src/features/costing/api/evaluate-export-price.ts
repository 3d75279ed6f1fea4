import { useMutation } from '@tanstack/react-query';
import type { CostingEvaluation, CostingEvaluationInput } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

/** Counter-offer costing (还价核算): a given price on a term back to net FX income, FX cost of export, profit/loss and rate, and the purchase cost a target profit needs. */
export function evaluateExportPrice(input: CostingEvaluationInput) {
  return api<CostingEvaluation>('/api/costing/evaluate', { method: 'POST', body: input });
}

export function useEvaluateExportPrice() {
  return useMutation({ mutationFn: evaluateExportPrice });
}
