import { Link } from 'react-router';
import type { ContractSummary } from '@portal/schemas';
import { useI18n } from '../../../lib/i18n.tsx';

export function ContractsTable({ items, staff, linkBase }: { items: ContractSummary[]; staff: boolean; linkBase: string }) {
  const { t, money, date } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table--dense table--stack">
        <thead><tr><th scope="col">{t('sc.number')}</th>{staff && <th scope="col">{t('rfq.buyer')}</th>}<th scope="col">{t('companies.status')}</th><th scope="col">{t('rfq.incoterm')}</th><th scope="col">{t('sc.latestShipment')}</th><th scope="col" className="num">{t('pi.total')}</th><th scope="col">{t('sc.issued')}</th></tr></thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td className="cell--title"><Link to={`${linkBase}/${c.id}`}>{c.number}</Link>{c.amendmentNo > 0 && <span className="muted small"> · {t('sc.amendmentN', { n: c.amendmentNo })}</span>}</td>
              {staff && <td data-label={t('rfq.buyer')}>{c.buyerCompany.name}</td>}
              <td data-label={t('companies.status')}><span className={`badge badge--${c.status === 'ISSUED' ? 'warn' : c.status === 'CANCELLED' ? 'muted' : 'ok'}`}>{t(`sc.${c.status}`)}</span></td>
              <td data-label={t('rfq.incoterm')}>{c.incoterm} {c.namedPlace}</td>
              <td data-label={t('sc.latestShipment')}>{date(`${c.latestShipmentDate}T00:00:00Z`)}</td>
              <td data-label={t('pi.total')} className="num">{money(c.total.amount, c.total.currency)}</td>
              <td data-label={t('sc.issued')}>{date(c.issuedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
