/** Query keys of sales contracts; the letter of credit travels inside the contract's view. */
export const salesContractKeys = {
  all: ['sales-contracts'] as const,
  list: () => [...salesContractKeys.all, 'list'] as const,
  detail: (id: string) => [...salesContractKeys.all, 'detail', id] as const,
};
