import { useSearchParams } from 'react-router';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';
import { ageingCsvUrl, ageingQueryOptions, useAgeing, type AgeingQuery } from '../../features/payments/api/get-ageing.ts';
import { AgeingTable } from '../../features/payments/components/ageing-table.tsx';
import { PaymentsNav } from '../../features/payments/components/payments-nav.tsx';
import { usePayText } from '../../features/payments/messages.ts';
import { settle, type PageLoader } from '../prefetch.ts';

const queryOf = (search: URLSearchParams): AgeingQuery => ({ ...(search.get('asOf') ? { asOf: search.get('asOf')! } : {}), ...(search.get('currency') ? { currency: search.get('currency')! } : {}) });

export const clientLoader: PageLoader = (qc) => ({ request }) => settle(qc.ensureQueryData(ageingQueryOptions(queryOf(new URL(request.url).searchParams))));

/** Ageing by customer and currency as of a date, with drill-down and CSV. */
export default function StaffPaymentAgeingRoute() {
  const { pt, day, locale } = usePayText();
  const { data: user } = useSession();
  const [search, setSearch] = useSearchParams();
  const query = queryOf(search);
  const { data, isPending, error, refetch } = useAgeing(query);
  return (
    <div className="page">
      <h1>{pt('pay.ageing')}</h1>
      <PaymentsNav role={user!.role} />
      <div className="toolbar ageing-toolbar">
        <label className="field field--compact"><span>{pt('pay.asOf')}</span>
          {/* The browser draws a date input in its own locale; the chosen day is also written out in the reader's language below. */}
          <input type="date" lang={locale} value={query.asOf ?? data?.asOf ?? ''} aria-describedby="ageing-as-of" onChange={(e) => setSearch({ ...query, asOf: e.target.value })} />
        </label>
        <label className="field field--compact"><span>{pt('pay.currency')}</span>
          <select value={query.currency ?? ''} onChange={(e) => { const { currency: _c, ...rest } = query; setSearch(e.target.value ? { ...rest, currency: e.target.value } : rest); }}>
            <option value="">—</option>{['USD', 'EUR', 'GBP', 'CNY'].map((c) => <option key={c}>{c}</option>)}
          </select>
        </label>
        <a className="btn btn--secondary btn--small" href={ageingCsvUrl(query)} download>{pt('pay.csv')}</a>
      </div>
      {data && <p id="ageing-as-of" className="muted small">{pt('pay.asOfDay', { date: day(data.asOf) })}</p>}
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : <section className="card"><AgeingTable report={data} /></section>}
    </div>
  );
}
