import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BusinessSettings } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { settingsKeys } from './keys.ts';

/** A manager replaces the business settings. */
export function updateSettings(body: BusinessSettings) {
  return api<BusinessSettings>('/api/settings', { method: 'PUT', body });
}

export function useUpdateSettings() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateSettings, onSuccess: (s) => qc.setQueryData(settingsKeys.business(), s) });
}
