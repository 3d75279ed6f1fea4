import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InvitationPreview } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { authKeys } from './keys.ts';

/** Who invited whom to which company, for the invitation page; 404 when the link is no longer valid. */
export function getInvitation(token: string, signal?: AbortSignal) {
  return api<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`, { signal });
}

export const invitationQueryOptions = (token: string) =>
  queryOptions({ queryKey: authKeys.invitation(token), queryFn: ({ signal }) => getInvitation(token, signal), retry: false });

export function useInvitation(token: string) {
  return useQuery(invitationQueryOptions(token));
}
