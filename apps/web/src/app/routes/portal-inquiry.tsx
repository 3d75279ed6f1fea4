import { Link, useParams } from 'react-router';
import { useInquiry, useWithdrawInquiry } from '../../features/inquiries/api/inquiries.ts';
import { InquiryDetails } from '../../features/inquiries/components/inquiry-details.tsx';
import { BuyerActions } from '../../features/negotiation/components/buyer-actions.tsx';
import { RevisionDiff } from '../../features/negotiation/components/revision-diff.tsx';
import { NegotiationThreadView } from '../../features/negotiation/components/thread.tsx';
import { useQuote } from '../../features/quotes/api/quotes.ts';
import { QuoteRevision } from '../../features/quotes/components/quote-revision.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';

export default function PortalInquiryRoute() {
  const { t } = useI18n();
  const { inquiryId = '' } = useParams();
  const { data: i, isPending, error, refetch } = useInquiry(inquiryId);
  const quote = useQuote(i?.quotes[0]?.id);
  const withdraw = useWithdrawInquiry(inquiryId);
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const open = ['SUBMITTED', 'QUOTED', 'NEGOTIATING'].includes(i.status);
  return (
    <div className="page">
      <p><Link to="/portal/inquiries">← {t('nav.inquiries')}</Link></p>
      <div className="page__title">
        <h1>{i.number}</h1>
        <span className="badge badge--info">{t(`inq.${i.status}`)}</span>
      </div>
      <section className="card" aria-labelledby="quote-title">
        <h2 id="quote-title">{t('pi.title')}</h2>
        {quote.data?.revisions.length ? (
          <div className="stack">
            <QuoteRevision quoteNumber={quote.data.number} revision={quote.data.revisions[0]!} />
            {quote.data.revisions[0]!.status === 'SENT' && open && (
              <BuyerActions inquiryId={i.id} quoteId={quote.data.id} revision={quote.data.revisions[0]!} contractLink={(id) => `/portal/contracts/${id}`} />
            )}
            {i.status === 'ACCEPTED' && <p className="notice notice--info">{t('neg.accepted')} <Link to="/portal/contracts">{t('nav.contracts')}</Link></p>}
            {quote.data.revisions[1] && <RevisionDiff current={quote.data.revisions[0]!} previous={quote.data.revisions[1]} />}
            {quote.data.revisions.length > 1 && (
              <details>
                <summary>{t('pi.earlier', { count: quote.data.revisions.length - 1 })}</summary>
                <div className="stack">{quote.data.revisions.slice(1).map((r) => <QuoteRevision key={r.id} quoteNumber={quote.data.number} revision={r} />)}</div>
              </details>
            )}
          </div>
        ) : quote.isFetching ? <Loading /> : (
          <EmptyState>{t('rfq.waitingForQuote', { hours: 24 })}</EmptyState>
        )}
      </section>
      <section className="card" aria-labelledby="thread-title">
        <h2 id="thread-title">{t('neg.title')}</h2>
        <NegotiationThreadView inquiryId={i.id} mySide="BUYER" canWrite={open} currency={i.currency} />
      </section>
      <section className="card">
        <h2>{t('rfq.yourRequest')}</h2>
        <InquiryDetails inquiry={i} />
        {open && (
          <button type="button" className="btn btn--danger btn--small" disabled={withdraw.isPending} onClick={() => window.confirm(t('rfq.withdrawConfirm')) && withdraw.mutate()}>{t('rfq.withdraw')}</button>
        )}
      </section>
    </div>
  );
}
