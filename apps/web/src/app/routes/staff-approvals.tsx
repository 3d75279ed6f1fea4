import { quoteApprovalsQueryOptions, useQuoteApprovals } from '../../features/quotes/api/list-quote-approvals.ts';
import { ApprovalsTable } from '../../features/quotes/components/approvals-table.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => () => settle(qc.ensureQueryData(quoteApprovalsQueryOptions()));

/** Quotes below the margin floor waiting for a manager (内部磋商). */
export default function StaffApprovalsRoute() {
  const { t } = useI18n();
  const { data, isPending, error, refetch } = useQuoteApprovals();
  return (
    <div className="page">
      <h1>{t('nav.quoteApprovals')}</h1>
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : data.length === 0 ? <EmptyState>{t('pi.noApprovals')}</EmptyState> : <ApprovalsTable items={data} />}
    </div>
  );
}
