import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BusinessSettings } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { settingsKeys } from './keys.ts';

/** The business settings: inquiry response target, margin floor, default quote validity. */
export function getSettings(signal?: AbortSignal) {
  return api<BusinessSettings>('/api/settings', { signal });
}

export const settingsQueryOptions = () => queryOptions({ queryKey: settingsKeys.business(), queryFn: ({ signal }) => getSettings(signal) });

export function useSettings() {
  return useQuery(settingsQueryOptions());
}
