import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserSummary } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export const staffQuery = queryOptions({ queryKey: ['staff'], queryFn: ({ signal }) => api<UserSummary[]>('/api/staff', { signal }) });

export function useStaff() {
  return useQuery(staffQuery);
}
