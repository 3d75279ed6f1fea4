import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HomeView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { homeKeys } from './keys.ts';

/** The signed-in user's work queue (most urgent first) and figures at a glance. */
export function getHome(signal?: AbortSignal) {
  return api<HomeView>('/api/home', { signal });
}

// A work queue goes stale as timers run: refetched each minute while the page is open.
export const homeQueryOptions = () => queryOptions({ queryKey: homeKeys.view(), queryFn: ({ signal }) => getHome(signal), refetchInterval: 60_000 });

export function useHome() {
  return useQuery(homeQueryOptions());
}
