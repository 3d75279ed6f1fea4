/** Query keys of the outbox events held for an administrator. */
export const outboxKeys = {
  all: ['outbox'] as const,
  events: () => [...outboxKeys.all, 'events'] as const,
};
