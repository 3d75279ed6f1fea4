import { ReviewCompanyBody, type CompanyDetail } from '@portal/schemas';
import { FormAlert, TextField, fieldError, optionalNumber, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useReviewCompany } from '../api/review-company.ts';

type Decision = 'APPROVE' | 'REJECT' | 'SUSPEND' | 'REINSTATE';

const available: Record<CompanyDetail['status'], Decision[]> = {
  PENDING: ['APPROVE', 'REJECT'],
  REJECTED: ['APPROVE'],
  APPROVED: ['SUSPEND'],
  SUSPENDED: ['REINSTATE'],
};
const label = { APPROVE: 'review.approve', REJECT: 'review.reject', SUSPEND: 'review.suspend', REINSTATE: 'review.reinstate' } as const;

/** A manager's decision on a buyer company, with the reason the buyer will read. */
export function ReviewPanel({ company }: { company: CompanyDetail }) {
  const { t } = useI18n();
  const review = useReviewCompany(company.id);
  const decisions = available[company.status];
  const { register, handleSubmit, setValue, setError, resetField, formState: { errors } } = useSchemaForm(ReviewCompanyBody, {
    defaultValues: { decision: decisions[0], reason: '', creditTermsDays: company.creditTermsDays ?? undefined },
    messages: { reason: t('review.reasonRequired') },
  });

  function decide(decision: Decision) {
    setValue('decision', decision);
    void handleSubmit(({ creditTermsDays, ...body }) =>
      review.mutate(
        // Credit terms are granted with an approval only.
        { ...body, ...(decision === 'APPROVE' && creditTermsDays !== undefined ? { creditTermsDays } : {}) },
        { onSuccess: () => resetField('reason'), onError: (err) => showServerErrors(setError, err) },
      ),
    )();
  }

  return (
    <div className="form">
      <TextField label={t('review.reason')} error={fieldError(errors, 'reason')} optional {...register('reason')} />
      {decisions.includes('APPROVE') && (
        <TextField label={t('review.creditTerms')} type="number" min={0} max={365} inputMode="numeric" error={fieldError(errors, 'creditTermsDays')} optional {...register('creditTermsDays', { setValueAs: optionalNumber })} />
      )}
      <FormAlert message={requestError(review.error)} />
      <FormAlert tone="success" message={review.isSuccess ? t('review.done') : null} />
      <div className="form__actions">
        {decisions.map((d) => (
          <button key={d} type="button" className={`btn ${d === 'APPROVE' || d === 'REINSTATE' ? 'btn--primary' : 'btn--danger'}`} disabled={review.isPending} onClick={() => decide(d)}>
            {t(label[d])}
          </button>
        ))}
      </div>
    </div>
  );
}
