/** Query keys of inquiries (RFQs); other capabilities' changes reach them through app/query-client.ts. */
export const inquiryKeys = {
  all: ['inquiries'] as const,
  lists: () => [...inquiryKeys.all, 'list'] as const,
  list: (query: string) => [...inquiryKeys.lists(), query] as const,
  detail: (id: string) => [...inquiryKeys.all, 'detail', id] as const,
  indicativePrice: (productId: string, params: IndicativePriceParams) => [...inquiryKeys.all, 'indicative-price', productId, params] as const,
};

export type IndicativePriceParams = { quantity: string; incoterm: string; port?: string; currency: string };
