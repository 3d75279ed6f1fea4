/** Query keys of the business settings managers tune (response target, margin floor, quote validity). */
export const settingsKeys = {
  all: ['settings'] as const,
  business: () => [...settingsKeys.all, 'business'] as const,
};
