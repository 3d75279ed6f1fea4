import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { inquiriesQueryOptions, useInquiries } from '../../features/inquiries/api/list-inquiries.ts';
import { InquiryTable } from '../../features/inquiries/components/inquiry-table.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

/** The inbox's view as the URL has it: open or all, and the page. */
function viewOf(params: URLSearchParams) {
  const scope = params.get('scope') === 'all' ? 'all' : 'open';
  const page = Number(params.get('page')) || 1;
  return { scope, query: `scope=${scope}&page=${page}` } as const;
}

export const clientLoader: PageLoader = (qc) => ({ request }) => settle(qc.ensureQueryData(inquiriesQueryOptions(viewOf(new URL(request.url).searchParams).query)));

/** The clerk's inbox: unanswered inquiries first, oldest first, each with its response timer. */
export default function StaffInquiriesRoute() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { scope, query } = viewOf(params);
  const { data, isPending, error, refetch } = useInquiries(query);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  const overdue = data?.items.filter((i) => i.overdue).length ?? 0;
  return (
    <div className="page">
      <h1>{t('rfq.inbox')}</h1>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('companies.status')}>
          <button type="button" aria-pressed={scope === 'open'} onClick={() => setParams({})}>{t('rfq.open')}</button>
          <button type="button" aria-pressed={scope === 'all'} onClick={() => setParams({ scope: 'all' })}>{t('companies.all')}</button>
        </div>
        {data && <p className="muted">{t('rfq.target', { hours: data.responseTargetHours })}{overdue > 0 && <> · <strong className="text-bad">{t('rfq.overdueCount', { count: overdue })}</strong></>}</p>}
      </div>
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : data.items.length === 0 ? <EmptyState>{t('rfq.inboxEmpty')}</EmptyState> : (
        <>
          <InquiryTable items={data.items} staff now={now} linkBase="/staff/inquiries" />
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => setParams({ ...(scope === 'all' ? { scope } : {}), page: String(p) })} />
        </>
      )}
    </div>
  );
}
