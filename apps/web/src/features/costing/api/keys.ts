/** Query keys of export costing: saved cost sheets per product, and the bank's buying rates. */
export const costingKeys = {
  all: ['costing'] as const,
  sheets: (productId: string | null) => [...costingKeys.all, 'sheets', productId] as const,
  buyingRates: () => [...costingKeys.all, 'buying-rates'] as const,
};
