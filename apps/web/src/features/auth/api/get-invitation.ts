import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InvitationPreview } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export const invitationQuery = (token: string) =>
  queryOptions({ queryKey: ['invitation', token], queryFn: () => api<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`), retry: false });

export function useInvitation(token: string) {
  return useQuery(invitationQuery(token));
}
