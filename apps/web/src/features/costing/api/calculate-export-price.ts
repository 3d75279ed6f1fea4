import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CostSheetView, CostingInput, CostingResult } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export function useCalculate() {
  return useMutation({ mutationFn: (input: CostingInput) => api<CostingResult>('/api/costing/calculate', { method: 'POST', body: input }) });
}

export function useCostSheets(productId: string | null) {
  return useQuery({
    queryKey: ['cost-sheets', productId],
    queryFn: ({ signal }) => api<CostSheetView[]>(`/api/cost-sheets${productId ? `?productId=${productId}` : ''}`, { signal }),
    enabled: Boolean(productId),
  });
}

export function useSaveCostSheet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { seriesId?: string; name: string; productId?: string; input: CostingInput }) => api<CostSheetView>('/api/cost-sheets', { method: 'POST', body }),
    onSuccess: (sheet) => qc.invalidateQueries({ queryKey: ['cost-sheets', sheet.productId] }),
  });
}

export type BuyingRate = { base: string; quote: string; rate: string; validOn: string };

export function useBuyingRates() {
  return useQuery({ queryKey: ['buying-rates'], queryFn: ({ signal }) => api<BuyingRate[]>('/api/reference/exchange-rates', { signal }), staleTime: 10 * 60_000 });
}
