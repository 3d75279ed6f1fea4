import { ApprovalBody } from '@portal/schemas';
import { FormAlert, TextAreaField, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useDecideQuoteApproval } from '../api/decide-quote-approval.ts';

/** The manager's decision on a quote below the margin floor (内部磋商), with a comment kept on record. */
export function ApprovalPanel({ quoteId, revisionNo }: { quoteId: string; revisionNo: number }) {
  const { t } = useI18n();
  const decide = useDecideQuoteApproval(quoteId, revisionNo);
  const { register, handleSubmit, setValue, setError, formState: { errors } } = useSchemaForm(ApprovalBody, { defaultValues: { decision: 'APPROVE', comment: '' } });
  const choose = (decision: 'APPROVE' | 'REJECT') => {
    setValue('decision', decision);
    void handleSubmit((body) => decide.mutate(body, { onError: (err) => showServerErrors(setError, err) }))();
  };
  return (
    <div className="form approval">
      <TextAreaField label={t('pi.approvalComment')} rows={2} error={fieldError(errors, 'comment')} {...register('comment')} />
      <FormAlert message={requestError(decide.error)} />
      <div className="form__actions">
        <button type="button" className="btn btn--primary" disabled={decide.isPending} onClick={() => choose('APPROVE')}>{t('pi.approveSend')}</button>
        <button type="button" className="btn btn--danger" disabled={decide.isPending} onClick={() => choose('REJECT')}>{t('pi.sendBack')}</button>
      </div>
    </div>
  );
}
