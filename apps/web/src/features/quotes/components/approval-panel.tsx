import { useState } from 'react';
import { FormAlert } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useDecideApproval } from '../api/quotes.ts';

/** The manager's decision on a quote below the margin floor (内部磋商), with a comment kept on record. */
export function ApprovalPanel({ quoteId, revisionNo }: { quoteId: string; revisionNo: number }) {
  const { t } = useI18n();
  const decide = useDecideApproval(quoteId);
  const [comment, setComment] = useState('');
  const errors = decide.error instanceof ApiError ? decide.error.byField() : {};
  return (
    <div className="form approval">
      <label className="field">
        <span>{t('pi.approvalComment')}</span>
        <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} aria-invalid={Boolean(errors.comment)} />
        {errors.comment && <span className="field__error">{errors.comment}</span>}
      </label>
      <FormAlert message={decide.error && !errors.comment ? decide.error.message : null} />
      <div className="form__actions">
        <button type="button" className="btn btn--primary" disabled={decide.isPending} onClick={() => decide.mutate({ revisionNo, decision: 'APPROVE', ...(comment.trim() ? { comment: comment.trim() } : {}) })}>{t('pi.approveSend')}</button>
        <button type="button" className="btn btn--danger" disabled={decide.isPending} onClick={() => decide.mutate({ revisionNo, decision: 'REJECT', ...(comment.trim() ? { comment: comment.trim() } : {}) })}>{t('pi.sendBack')}</button>
      </div>
    </div>
  );
}
