import { Link } from 'react-router';
import type { ClaimSummary } from '@portal/schemas';
import type { MessageKey } from '../../../lib/messages.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { ClaimStatusBadge, ResponseText } from './claim-status.tsx';

/** Claims newest first; staff see the customer and the response timer. */
export function ClaimsTable({ items, staff }: { items: ClaimSummary[]; staff: boolean }) {
  const { t, money, date } = useI18n();
  const base = staff ? '/staff/claims' : '/portal/claims';
  return (
    <div className="table-wrap">
      <table className="table table--dense table--stack">
        <thead>
          <tr>
            <th scope="col">{t('claims.number')}</th>
            {staff && <th scope="col">{t('claims.company')}</th>}
            <th scope="col">{t('claims.kind')}</th><th scope="col">{t('claims.contract')}</th><th scope="col">{t('claims.amount')}</th>
            <th scope="col">{t('claims.status')}</th>{staff && <th scope="col">{t('claims.response')}</th>}<th scope="col">{t('claims.filed')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td data-label={t('claims.number')}><Link to={`${base}/${c.id}`}>{c.number}</Link></td>
              {staff && <td data-label={t('claims.company')}>{c.buyerCompany.name}</td>}
              <td data-label={t('claims.kind')}>{t(`claims.kind.${c.kind}` as MessageKey)}</td>
              <td data-label={t('claims.contract')}><div>{c.contract.number}<div className="muted small">{c.shipment.number}</div></div></td>
              <td data-label={t('claims.amount')}><div>{money(c.amount.amount, c.amount.currency)}{c.settlement && <div className="muted small">{t(`claims.settlement.${c.settlement.kind}` as MessageKey)}: {money(c.settlement.amount.amount, c.settlement.amount.currency)}</div>}</div></td>
              <td data-label={t('claims.status')}><ClaimStatusBadge status={c.status} /></td>
              {staff && <td data-label={t('claims.response')}><ResponseText response={c.response} /></td>}
              <td data-label={t('claims.filed')}>{date(c.filedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
