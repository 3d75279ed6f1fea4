/** Query keys of sign-in and invitations; other capabilities refresh the session through these. */
export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
  invitation: (token: string) => [...authKeys.all, 'invitation', token] as const,
};
