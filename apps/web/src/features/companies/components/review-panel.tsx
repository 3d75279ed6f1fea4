import { useState } from 'react';
import type { CompanyDetail } from '@portal/schemas';
import { FormAlert, TextField } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
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
  const [reason, setReason] = useState('');
  const [credit, setCredit] = useState(company.creditTermsDays?.toString() ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function decide(decision: Decision) {
    if ((decision === 'REJECT' || decision === 'SUSPEND') && !reason.trim()) {
      setErrors({ reason: t('review.reasonRequired') });
      return;
    }
    setErrors({});
    const creditTermsDays = decision === 'APPROVE' && credit.trim() !== '' ? Number(credit) : undefined;
    review.mutate(
      { decision, reason: reason.trim() || undefined, ...(creditTermsDays !== undefined ? { creditTermsDays } : {}) },
      { onSuccess: () => setReason(''), onError: (err) => err instanceof ApiError && setErrors(err.byField()) },
    );
  }

  const decisions = available[company.status];
  return (
    <div className="form">
      <TextField label={t('review.reason')} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} optional />
      {decisions.includes('APPROVE') && (
        <TextField label={t('review.creditTerms')} name="creditTermsDays" type="number" min={0} max={365} inputMode="numeric" value={credit} onChange={(e) => setCredit(e.target.value)} error={errors.creditTermsDays} optional />
      )}
      <FormAlert message={review.error && !(review.error instanceof ApiError && review.error.fieldErrors.length) ? review.error.message : null} />
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
