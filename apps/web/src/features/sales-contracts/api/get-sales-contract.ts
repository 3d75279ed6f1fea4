import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContractSummary, ProposeAmendmentBody, RecordLetterOfCreditBody, ReviewLetterOfCreditBody, SalesContractView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export const contractsQuery = queryOptions({ queryKey: ['contracts'], queryFn: ({ signal }) => api<ContractSummary[] | { items: ContractSummary[] }>('/api/contracts', { signal }) });

/** The list, whether the API answers an array or a page. */
export function useContracts() {
  const q = useQuery(contractsQuery);
  const items = Array.isArray(q.data) ? q.data : (q.data?.items ?? []);
  return { ...q, items };
}

export const contractQuery = (id: string) => queryOptions({ queryKey: ['contract', id], queryFn: ({ signal }) => api<SalesContractView>(`/api/contracts/${id}`, { signal }) });

export function useContract(id: string) {
  return useQuery(contractQuery(id));
}

function useSet(id: string) {
  const qc = useQueryClient();
  return (c: SalesContractView) => {
    qc.setQueryData(['contract', id], c);
    void qc.invalidateQueries({ queryKey: ['contracts'] });
  };
}

export function useConfirmContract(id: string) {
  const set = useSet(id);
  return useMutation({ mutationFn: () => api<SalesContractView>(`/api/contracts/${id}/confirm`, { method: 'POST', body: {} }), onSuccess: set });
}

export function useProposeAmendment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposeAmendmentBody) => api(`/api/contracts/${id}/amendments`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['contract', id] }),
  });
}

export function useConfirmAmendment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (number: number) => api(`/api/contracts/${id}/amendments/${number}/confirm`, { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['contract', id] }),
  });
}

/** The buyer records (or records again, after an amendment request) the letter of credit of an L/C contract. */
export function useRecordLetterOfCredit(id: string) {
  const set = useSet(id);
  return useMutation({ mutationFn: (body: RecordLetterOfCreditBody) => api<SalesContractView>(`/api/contracts/${id}/letter-of-credit`, { method: 'PUT', body }), onSuccess: set });
}

/** Staff accept the received letter of credit or ask for its amendment. */
export function useReviewLetterOfCredit(id: string) {
  const set = useSet(id);
  return useMutation({ mutationFn: (body: ReviewLetterOfCreditBody) => api<SalesContractView>(`/api/contracts/${id}/letter-of-credit/review`, { method: 'POST', body }), onSuccess: set });
}
