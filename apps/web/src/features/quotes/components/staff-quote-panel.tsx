import type { ReactNode } from 'react';
import type { QuoteView } from '@portal/schemas';
import { FormAlert } from '../../../components/form.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSendQuoteRevision } from '../api/send-quote-revision.ts';
import { ApprovalPanel } from './approval-panel.tsx';
import { QuoteHistory } from './quote-history.tsx';
import { QuoteRevision } from './quote-revision.tsx';

type Props = {
  quote: QuoteView;
  /** Clerks, managers and admins work on quotes; finance reads them. */
  canEdit: boolean;
  /** Managers and admins decide on revisions below the margin floor. */
  canApprove: boolean;
  children?: ReactNode;
};

/** The PI as staff see it: the latest revision with its margins, sending it (or its approval), and the history. */
export function StaffQuotePanel({ quote, canEdit, canApprove, children }: Props) {
  const { t } = useI18n();
  const send = useSendQuoteRevision(quote.id);
  const latest = quote.revisions[0];
  if (!latest) return null;
  const waiting = latest.status === 'PENDING_APPROVAL';
  return (
    <section className="card" aria-labelledby="pi-title">
      <h2 id="pi-title">{t('pi.title')}</h2>
      <QuoteRevision quoteNumber={quote.number} revision={latest} />
      {waiting && canApprove && <ApprovalPanel quoteId={quote.id} revisionNo={latest.revisionNo} />}
      {waiting && canEdit && !canApprove && <p className="notice">{t('pi.waitingApproval')}</p>}
      {latest.status === 'DRAFT' && canEdit && (
        <div className="form__actions">
          <button type="button" className="btn btn--primary" disabled={send.isPending} onClick={() => send.mutate(latest.revisionNo)}>
            {latest.staff?.belowMarginFloor ? t('pi.submitApproval') : t('pi.send')}
          </button>
          {latest.staff?.belowMarginFloor && <span className="notice">{t('pi.belowFloorNote')}</span>}
        </div>
      )}
      <FormAlert message={send.error} />
      {children}
      <QuoteHistory quote={quote} />
    </section>
  );
}
