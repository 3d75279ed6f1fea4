import { Link, useParams } from 'react-router';
import { inquiryQueryOptions, useInquiry } from '../../features/inquiries/api/get-inquiry.ts';
import { useWithdrawInquiry } from '../../features/inquiries/api/withdraw-inquiry.ts';
import { InquiryDetails } from '../../features/inquiries/components/inquiry-details.tsx';
import { threadQueryOptions } from '../../features/negotiation/api/get-thread.ts';
import { BuyerActions } from '../../features/negotiation/components/buyer-actions.tsx';
import { NegotiationThreadView } from '../../features/negotiation/components/thread.tsx';
import { quoteQueryOptions, useQuote } from '../../features/quotes/api/get-quote.ts';
import { QuoteHistory } from '../../features/quotes/components/quote-history.tsx';
import { QuoteRevision } from '../../features/quotes/components/quote-revision.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

const openStatuses = ['SUBMITTED', 'QUOTED', 'NEGOTIATING'];

/** The inquiry, then its PI and thread (nothing more for an inquiry that is not there). */
export const clientLoader: PageLoader = (qc) => ({ params }) =>
  settle(
    qc.ensureQueryData(inquiryQueryOptions(params.inquiryId ?? '')).then((i) =>
      Promise.allSettled([i.quotes[0] && qc.ensureQueryData(quoteQueryOptions(i.quotes[0].id)), qc.ensureQueryData(threadQueryOptions(i.id))]),
    ),
  );

export default function PortalInquiryRoute() {
  const { t } = useI18n();
  const { inquiryId = '' } = useParams();
  const { data: i, isPending, error, refetch } = useInquiry(inquiryId);
  const quote = useQuote(i?.quotes[0]?.id);
  const withdraw = useWithdrawInquiry(inquiryId);
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} back={{ to: '/portal/inquiries', label: t('nav.inquiries') }} />;
  const open = openStatuses.includes(i.status);
  const latest = quote.data?.revisions[0];
  return (
    <div className="page">
      <p><Link to="/portal/inquiries">← {t('nav.inquiries')}</Link></p>
      <div className="page__title">
        <h1>{i.number}</h1>
        <span className="badge badge--info">{t(`inq.${i.status}`)}</span>
      </div>
      <section className="card" aria-labelledby="quote-title">
        <h2 id="quote-title">{t('pi.title')}</h2>
        {quote.data && latest ? (
          <div className="stack">
            <QuoteRevision quoteNumber={quote.data.number} revision={latest} />
            {latest.status === 'SENT' && open && (
              <BuyerActions inquiryId={i.id} quoteId={quote.data.id} revision={latest} contractLink={(id) => `/portal/contracts/${id}`} />
            )}
            {i.status === 'ACCEPTED' && <p className="notice notice--info">{t('neg.accepted')} <Link to="/portal/contracts">{t('nav.contracts')}</Link></p>}
            <QuoteHistory quote={quote.data} />
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
