import { useMutation } from '@tanstack/react-query';
import type { CostingInput, CostingResult } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

/** Costs one line: rebate, expenses, freight, insurance, commission, profit → FOB, CFR, CIF and the indicators. */
export function calculateExportPrice(input: CostingInput) {
  return api<CostingResult>('/api/costing/calculate', { method: 'POST', body: input });
}

export function useCalculateExportPrice() {
  return useMutation({ mutationFn: calculateExportPrice });
}
