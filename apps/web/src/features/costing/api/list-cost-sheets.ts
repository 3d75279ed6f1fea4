import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CostSheetView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { costingKeys } from './keys.ts';

/** A product's saved cost sheets, newest first. */
export function listCostSheets(productId: string, signal?: AbortSignal) {
  return api<CostSheetView[]>(`/api/cost-sheets?productId=${productId}`, { signal });
}

export const costSheetsQueryOptions = (productId: string) =>
  queryOptions({ queryKey: costingKeys.sheets(productId), queryFn: ({ signal }) => listCostSheets(productId, signal) });

export function useCostSheets(productId: string | null) {
  return useQuery({ ...costSheetsQueryOptions(productId ?? ''), enabled: Boolean(productId) });
}
