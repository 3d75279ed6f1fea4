import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StatementImportSummary, z } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

export type ImportSummary = z.infer<typeof StatementImportSummary>;

/** Statement imports, newest first, with the lines still waiting. */
export function listStatementImports(signal?: AbortSignal) {
  return api<ImportSummary[]>('/api/payments/statements', { signal });
}

export const statementImportsQueryOptions = () => queryOptions({ queryKey: paymentKeys.imports(), queryFn: ({ signal }) => listStatementImports(signal) });

export function useStatementImports() {
  return useQuery(statementImportsQueryOptions());
}
