import { useMutation } from '@tanstack/react-query';
import type { RecordLetterOfCreditBody, SalesContractView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { letterOfCreditKeys } from './keys.ts';

/** The buyer records (or records again, after an amendment request) the credit of an L/C contract. */
export function recordLetterOfCredit(contractId: string, body: RecordLetterOfCreditBody) {
  return api<SalesContractView>(`/api/contracts/${contractId}/letter-of-credit`, { method: 'PUT', body });
}

export function useRecordLetterOfCredit(contractId: string) {
  return useMutation({ mutationKey: letterOfCreditKeys.change(), mutationFn: (body: RecordLetterOfCreditBody) => recordLetterOfCredit(contractId, body) });
}
