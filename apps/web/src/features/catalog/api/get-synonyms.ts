import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { catalogKeys } from './keys.ts';

/** The search synonyms: groups of words that find each other. */
export function getSynonyms(signal?: AbortSignal) {
  return api<{ groups: string[][] }>('/api/search/synonyms', { signal });
}

export const synonymsQueryOptions = () => queryOptions({ queryKey: catalogKeys.synonyms(), queryFn: ({ signal }) => getSynonyms(signal) });

export function useSynonyms() {
  return useQuery(synonymsQueryOptions());
}
