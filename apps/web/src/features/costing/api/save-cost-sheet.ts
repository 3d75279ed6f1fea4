import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CostSheetSaveBody, CostSheetView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { costingKeys } from './keys.ts';

/** Saves a costing as a cost sheet, or as the next version of one; a quote line can then cite it. */
export function saveCostSheet(body: CostSheetSaveBody) {
  return api<CostSheetView>('/api/cost-sheets', { method: 'POST', body });
}

export function useSaveCostSheet() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: saveCostSheet, onSuccess: (sheet) => qc.invalidateQueries({ queryKey: costingKeys.sheets(sheet.productId) }) });
}
