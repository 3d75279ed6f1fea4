import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StatementImportView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

/** Uploads a camt.053 / camt.054 file (read as text by the browser) for matching. */
export function importStatement(body: { fileName: string; content: string }) {
  return api<StatementImportView>('/api/payments/statements', { method: 'POST', body });
}

export function useImportStatement() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: paymentKeys.change(),
    mutationFn: importStatement,
    onSuccess: (imp) => {
      qc.setQueryData(paymentKeys.import(imp.id), imp);
      return qc.invalidateQueries({ queryKey: paymentKeys.imports() });
    },
  });
}
