/** Query keys of the service centre's tickets. */
export const ticketKeys = {
  all: ['tickets'] as const,
  list: () => [...ticketKeys.all, 'list'] as const,
  queue: (team: string) => [...ticketKeys.all, 'queue', team] as const,
  detail: (id: string) => [...ticketKeys.all, 'detail', id] as const,
  assignees: () => [...ticketKeys.all, 'assignees'] as const,
  subjects: () => [...ticketKeys.all, 'subjects'] as const,
};
