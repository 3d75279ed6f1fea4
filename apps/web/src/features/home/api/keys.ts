/** Query keys of the home page (the signed-in user's work queue and figures). */
export const homeKeys = {
  all: ['home'] as const,
  view: () => [...homeKeys.all, 'view'] as const,
};
