/**
 * Mutation keys of letters of credit. The credit is read as part of its sales contract: after a
 * change, app/query-client.ts puts the contract the API answered in the contracts' cache.
 */
export const letterOfCreditKeys = {
  all: ['letters-of-credit'] as const,
  change: () => [...letterOfCreditKeys.all, 'change'] as const,
};
