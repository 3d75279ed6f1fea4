import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StatementImportView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

/** One import with its lines and the proposed matches. */
export function getStatementImport(id: string, signal?: AbortSignal) {
  return api<StatementImportView>(`/api/payments/statements/${id}`, { signal });
}

export const statementImportQueryOptions = (id: string) => queryOptions({ queryKey: paymentKeys.import(id), queryFn: ({ signal }) => getStatementImport(id, signal) });

export function useStatementImport(id: string) {
  return useQuery(statementImportQueryOptions(id));
}
