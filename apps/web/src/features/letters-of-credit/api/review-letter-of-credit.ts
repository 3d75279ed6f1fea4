import { useMutation } from '@tanstack/react-query';
import type { ReviewLetterOfCreditBody, SalesContractView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { letterOfCreditKeys } from './keys.ts';

/** Staff accept the received credit or ask the buyer for its amendment, saying what must change. */
export function reviewLetterOfCredit(contractId: string, body: ReviewLetterOfCreditBody) {
  return api<SalesContractView>(`/api/contracts/${contractId}/letter-of-credit/review`, { method: 'POST', body });
}

export function useReviewLetterOfCredit(contractId: string) {
  return useMutation({ mutationKey: letterOfCreditKeys.change(), mutationFn: (body: ReviewLetterOfCreditBody) => reviewLetterOfCredit(contractId, body) });
}
