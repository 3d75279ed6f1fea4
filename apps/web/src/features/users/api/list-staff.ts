import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserSummary } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { userKeys } from './keys.ts';

/** The exporter's staff accounts. */
export function listStaff(signal?: AbortSignal) {
  return api<UserSummary[]>('/api/staff', { signal });
}

export const staffQueryOptions = () => queryOptions({ queryKey: userKeys.staff(), queryFn: ({ signal }) => listStaff(signal) });

export function useStaff() {
  return useQuery(staffQueryOptions());
}
