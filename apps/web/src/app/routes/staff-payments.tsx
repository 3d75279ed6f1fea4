import { useEffect } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { can } from '@portal/domain/access';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';
import { receiptsQueryOptions, useReceipts } from '../../features/payments/api/list-receipts.ts';
import { receivablesQueryOptions, useReceivables, type ReceivablesFilter } from '../../features/payments/api/list-receivables.ts';
import { PaymentsNav } from '../../features/payments/components/payments-nav.tsx';
import { Receivables, ReceiptsList } from '../../features/payments/components/receivables.tsx';
import { usePayText } from '../../features/payments/messages.ts';
import { settle, type PageLoader } from '../prefetch.ts';

const filterOf = (search: URLSearchParams): ReceivablesFilter => ({ status: (search.get('status') as ReceivablesFilter['status']) ?? 'OPEN' });

export const clientLoader: PageLoader = (qc) => ({ request }) => settle(qc.ensureQueryData(receivablesQueryOptions(filterOf(new URL(request.url).searchParams))), qc.ensureQueryData(receiptsQueryOptions()));

/** Finance's receivables: open items across customers, receipt entry with allocation, receipts with reversals. */
export default function StaffPaymentsRoute() {
  const { pt } = usePayText();
  const { data: user } = useSession();
  const [search, setSearch] = useSearchParams();
  const filter = filterOf(search);
  const items = useReceivables(filter);
  const receipts = useReceipts();
  const manage = can(user!.role, 'payments.manage');
  const today = new Date().toISOString().slice(0, 10);
  const { hash } = useLocation();
  // The home page's "allocate receipts" item links to #receipts; a client-side navigation does not scroll to it by itself.
  const receiptsShown = receipts.isSuccess;
  useEffect(() => {
    if (hash === '#receipts' && receiptsShown) document.getElementById('receipts')?.scrollIntoView?.({ block: 'start' });
  }, [hash, receiptsShown]);
  return (
    <div className="page">
      <h1>{pt('pay.staffTitle')}</h1>
      <PaymentsNav role={user!.role} />
      <div className="segmented" role="group" aria-label={pt('pay.status')}>
        {(['OPEN', 'OVERDUE', 'ALL'] as const).map((s) => (
          <button key={s} type="button" aria-pressed={filter.status === s} className={`btn btn--small ${filter.status === s ? 'btn--primary' : 'btn--ghost'}`} onClick={() => setSearch({ status: s })}>
            {pt(s === 'OPEN' ? 'pay.filterOpen' : s === 'OVERDUE' ? 'pay.filterOverdue' : 'pay.filterAll')}
          </button>
        ))}
      </div>
      <section className="card">
        <h2>{pt('pay.receivables')}</h2>
        {items.isPending ? <Loading /> : items.error ? <ErrorState error={items.error} onRetry={() => void items.refetch()} /> : <Receivables items={items.data} today={today} canRecord={manage} />}
      </section>
      <section className="card" id="receipts" aria-labelledby="receipts-title">
        <h2 id="receipts-title">{pt('pay.receipts')}</h2>
        {receipts.isPending ? <Loading /> : receipts.error ? <ErrorState error={receipts.error} /> : <ReceiptsList receipts={receipts.data} canAllocate={manage} />}
      </section>
    </div>
  );
}
