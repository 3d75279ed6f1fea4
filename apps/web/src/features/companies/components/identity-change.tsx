import { Fragment, useState } from 'react';
import type { CompanyDetail, PendingIdentityChange } from '@portal/schemas';
import { FormAlert, TextField } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useReviewIdentityChange } from '../api/review-identity-change.ts';

/** The requested name, country and tax id beside the approved ones. */
function ChangeList({ company, change }: { company: CompanyDetail; change: PendingIdentityChange }) {
  const { t, country } = useI18n();
  const rows = [
    change.name !== undefined && { label: t('register.companyName'), from: company.name, to: change.name },
    change.country !== undefined && { label: t('register.country'), from: country(company.country), to: country(change.country) },
    change.taxId !== undefined && { label: t('register.taxId'), from: company.taxId ?? t('common.none'), to: change.taxId },
  ].filter((r): r is { label: string; from: string; to: string } => Boolean(r));
  return (
    <dl className="details">
      {rows.map((r) => (
        <Fragment key={r.label}>
          <dt>{r.label}</dt>
          <dd>{r.from} → <strong>{r.to}</strong></dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** On the buyer's company page: their change of identity, waiting for the exporter's review. */
export function PendingIdentityNotice({ company }: { company: CompanyDetail }) {
  const { t, date } = useI18n();
  const change = company.pendingIdentityChange;
  if (!change) return null;
  return (
    <div className="alert alert--warning" role="status">
      <p><strong>{t('identity.pending')}</strong> {t('identity.requested', { name: change.requestedBy, date: new Date(change.requestedAt) })}</p>
      <ChangeList company={company} change={change} />
      <p className="muted">{t('identity.pendingHint')}</p>
    </div>
  );
}

/** For a manager: a company admin's change of the company's identity, to approve or reject with a reason. */
export function IdentityChangeReview({ company }: { company: CompanyDetail }) {
  const { t, date } = useI18n();
  const review = useReviewIdentityChange(company.id);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = company.pendingIdentityChange;
  if (!change) return review.isSuccess ? <FormAlert tone="success" message={t('identity.done')} /> : null;

  function decide(decision: 'APPROVE' | 'REJECT') {
    if (decision === 'REJECT' && !reason.trim()) return setErrors({ reason: t('identity.reasonRequired') });
    setErrors({});
    review.mutate({ decision, reason: reason.trim() || undefined }, { onSuccess: () => setReason(''), onError: (err) => err instanceof ApiError && setErrors(err.byField()) });
  }

  return (
    <div className="form">
      <p>{t('identity.requested', { name: change.requestedBy, date: new Date(change.requestedAt) })}</p>
      <ChangeList company={company} change={change} />
      <TextField label={t('review.reason')} name="identityReason" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} optional />
      <FormAlert message={review.error && !(review.error instanceof ApiError && review.error.fieldErrors.length) ? review.error : null} />
      <div className="form__actions">
        <button type="button" className="btn btn--primary" disabled={review.isPending} onClick={() => decide('APPROVE')}>{t('identity.approve')}</button>
        <button type="button" className="btn btn--danger" disabled={review.isPending} onClick={() => decide('REJECT')}>{t('identity.reject')}</button>
      </div>
    </div>
  );
}
