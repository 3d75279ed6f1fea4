import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionUser } from '@portal/schemas';
import { api, ApiError } from '../../../lib/api.ts';
import { authKeys } from './keys.ts';

/** The signed-in user, or null when nobody is signed in. */
export async function getSession(): Promise<SessionUser | null> {
  try {
    return await api<SessionUser>('/api/auth/me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      // The access cookie may just have expired: try the refresh cookie once.
      try {
        await api('/api/auth/refresh', { method: 'POST' });
        return await api<SessionUser>('/api/auth/me');
      } catch {
        return null;
      }
    }
    throw err;
  }
}

export const sessionQueryOptions = () => queryOptions({ queryKey: authKeys.session(), queryFn: getSession, staleTime: 5 * 60_000 });

/** The signed-in user (null for a visitor), shared by every page. */
export function useSession() {
  return useQuery(sessionQueryOptions());
}
