/** Mutation keys of the signed-in user's own account; app/query-client.ts refreshes the session after them. */
export const accountKeys = {
  all: ['account'] as const,
  profile: () => [...accountKeys.all, 'profile'] as const,
  password: () => [...accountKeys.all, 'password'] as const,
};
