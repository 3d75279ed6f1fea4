import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StatementImportView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { paymentKeys } from './keys.ts';

export type ConfirmLine = { companyId: string; allocations: { itemId: string; amount: string }[]; writeOffBankCharges: boolean };

/** Confirms a statement line as proposed or corrected: a receipt, allocated. */
export function confirmStatementLine(lineId: string, body: ConfirmLine) {
  return api<StatementImportView>(`/api/payments/statement-lines/${lineId}/confirm`, { method: 'POST', body });
}

/** Marks a statement line as not a customer's payment. */
export function ignoreStatementLine(lineId: string, reason: string) {
  return api<StatementImportView>(`/api/payments/statement-lines/${lineId}/ignore`, { method: 'POST', body: { reason } });
}

export function useDecideStatementLine() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: paymentKeys.change(),
    mutationFn: (v: { lineId: string } & ({ confirm: ConfirmLine } | { ignore: string })) => ('confirm' in v ? confirmStatementLine(v.lineId, v.confirm) : ignoreStatementLine(v.lineId, v.ignore)),
    onSuccess: (imp) => {
      qc.setQueryData(paymentKeys.import(imp.id), imp);
      return qc.invalidateQueries({ queryKey: paymentKeys.all, predicate: (q) => q.queryKey[2] !== imp.id });
    },
  });
}
