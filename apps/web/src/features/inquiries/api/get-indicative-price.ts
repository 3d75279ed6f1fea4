import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IndicativePrice } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { inquiryKeys, type IndicativePriceParams } from './keys.ts';

/** An indicative price for a quantity, Incoterm and port, before asking for a real quote (approved buyers). */
export function getIndicativePrice(productId: string, params: IndicativePriceParams, signal?: AbortSignal) {
  const qs = new URLSearchParams({ quantity: params.quantity, incoterm: params.incoterm, currency: params.currency });
  if (params.port) qs.set('port', params.port);
  return api<IndicativePrice>(`/api/catalog/products/${productId}/indicative-price?${qs}`, { signal });
}

export const indicativePriceQueryOptions = (productId: string, params: IndicativePriceParams) =>
  queryOptions({
    queryKey: inquiryKeys.indicativePrice(productId, params),
    queryFn: ({ signal }) => getIndicativePrice(productId, params, signal),
    retry: false,
    staleTime: 60_000,
  });

export function useIndicativePrice(productId: string, params: IndicativePriceParams, enabled: boolean) {
  return useQuery({ ...indicativePriceQueryOptions(productId, params), enabled });
}
