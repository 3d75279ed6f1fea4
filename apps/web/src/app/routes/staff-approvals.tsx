import { Link } from 'react-router';
import { useApprovals } from '../../features/quotes/api/quotes.ts';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';

/** Quotes below the margin floor waiting for a manager (内部磋商). */
export default function StaffApprovalsRoute() {
  const { t, money, dateTime } = useI18n();
  const { data, isPending, error, refetch } = useApprovals();
  const pct = (r: string | null) => (r === null ? '—' : `${(Number(r) * 100).toFixed(1)} %`);
  return (
    <div className="page">
      <h1>{t('nav.quoteApprovals')}</h1>
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : data.length === 0 ? <EmptyState>{t('pi.noApprovals')}</EmptyState> : (
        <div className="table-wrap">
          <table className="table table--dense">
            <thead><tr><th scope="col">PI</th><th scope="col">{t('rfq.buyer')}</th><th scope="col" className="num">{t('pi.total')}</th><th scope="col" className="num">{t('pi.margin')}</th><th scope="col" className="num">{t('pi.floor')}</th><th scope="col">{t('pi.submittedBy')}</th></tr></thead>
            <tbody>
              {data.map((a) => (
                <tr key={`${a.quoteId}-${a.revisionNo}`}>
                  <td><Link to={`/staff/quotes/${a.quoteId}`}>{a.quoteNumber} r{a.revisionNo}</Link></td>
                  <td>{a.buyerCompany}</td>
                  <td className="num">{money(a.total.amount, a.total.currency)}</td>
                  <td className="num text-bad">{pct(a.marginRate)}</td>
                  <td className="num">{pct(a.marginFloorRate)}</td>
                  <td>{a.submittedBy} · {dateTime(a.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
