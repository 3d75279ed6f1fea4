import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export const synonymsQuery = queryOptions({ queryKey: ['synonyms'], queryFn: ({ signal }) => api<{ groups: string[][] }>('/api/search/synonyms', { signal }) });

export function useSynonyms() {
  return useQuery(synonymsQuery);
}

export function useSaveSynonyms() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (groups: string[][]) => api<{ groups: string[][] }>('/api/search/synonyms', { method: 'PUT', body: { groups } }),
    onSuccess: (data) => qc.setQueryData(['synonyms'], data),
  });
}
