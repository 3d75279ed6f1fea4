import { FormAlert } from '../../../components/form.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useConfirmSalesContract } from '../api/confirm-sales-contract.ts';

/** The buyer's confirmation of an issued contract. */
export function ConfirmContract({ contractId }: { contractId: string }) {
  const { t } = useI18n();
  const confirm = useConfirmSalesContract(contractId);
  return (
    <section className="card notice-card">
      <p>{t('sc.confirmHelp')}</p>
      <button type="button" className="btn btn--primary" disabled={confirm.isPending} onClick={() => confirm.mutate()}>{t('sc.confirm')}</button>
      <FormAlert message={confirm.error} />
    </section>
  );
}
