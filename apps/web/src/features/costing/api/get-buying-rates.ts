import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { costingKeys } from './keys.ts';

export type BuyingRate = { base: string; quote: string; rate: string; validOn: string };

/** Today's bank buying rates (CNY per unit of each trade currency), for a costing in another currency. */
export function getBuyingRates(signal?: AbortSignal) {
  return api<BuyingRate[]>('/api/reference/exchange-rates', { signal });
}

export const buyingRatesQueryOptions = () =>
  queryOptions({ queryKey: costingKeys.buyingRates(), queryFn: ({ signal }) => getBuyingRates(signal), staleTime: 10 * 60_000 });

export function useBuyingRates() {
  return useQuery(buyingRatesQueryOptions());
}
