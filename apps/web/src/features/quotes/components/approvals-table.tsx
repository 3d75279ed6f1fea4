import { Link } from 'react-router';
import type { PendingApproval } from '@portal/schemas';
import { percent } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/** Revisions waiting for a manager, with their margin against the floor. */
export function ApprovalsTable({ items }: { items: PendingApproval[] }) {
  const { t, money, dateTime } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table--dense">
        <thead><tr><th scope="col">PI</th><th scope="col">{t('rfq.buyer')}</th><th scope="col" className="num">{t('pi.total')}</th><th scope="col" className="num">{t('pi.margin')}</th><th scope="col" className="num">{t('pi.floor')}</th><th scope="col">{t('pi.submittedBy')}</th></tr></thead>
        <tbody>
          {items.map((a) => (
            <tr key={`${a.quoteId}-${a.revisionNo}`}>
              <td><Link to={`/staff/quotes/${a.quoteId}`}>{a.quoteNumber} r{a.revisionNo}</Link></td>
              <td>{a.buyerCompany}</td>
              <td className="num">{money(a.total.amount, a.total.currency)}</td>
              <td className="num text-bad">{percent(a.marginRate)}</td>
              <td className="num">{percent(a.marginFloorRate)}</td>
              <td>{a.submittedBy} · {dateTime(a.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
