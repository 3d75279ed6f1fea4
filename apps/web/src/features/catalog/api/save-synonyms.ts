import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SynonymGroups } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { catalogKeys } from './keys.ts';

/** Replaces the search synonyms. */
export function saveSynonyms(body: SynonymGroups) {
  return api<{ groups: string[][] }>('/api/search/synonyms', { method: 'PUT', body });
}

export function useSaveSynonyms() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: saveSynonyms,
    onSuccess: (data) => {
      qc.setQueryData(catalogKeys.synonyms(), data);
      void qc.invalidateQueries({ queryKey: catalogKeys.searches() });
    },
  });
}
