import { useState } from 'react';
import type { CustomerCollectionsView } from '@portal/schemas';
import { FormAlert } from '../../../components/form.tsx';
import { useChangeCustomer } from '../api/change-customer.ts';
import { usePayText } from '../messages.ts';
import { errorText } from './error-text.ts';

/** One customer: open and overdue, credit limit and days (editable), last notice, dunning pause with its reason. */
function CustomerRow({ c, canManage }: { c: CustomerCollectionsView; canManage: boolean }) {
  const { pt, money, dateTime } = usePayText();
  const change = useChangeCustomer();
  const [limit, setLimit] = useState(c.creditLimit?.amount ?? '');
  const [currency, setCurrency] = useState(c.creditLimit?.currency ?? 'USD');
  const [days, setDays] = useState(c.creditTermsDays?.toString() ?? '');
  const [reason, setReason] = useState('');
  const list = (xs: { amount: string; currency: string }[]) => (xs.length ? xs.map((x) => money(x.amount, x.currency)).join(' · ') : '—');
  return (
    <tr>
      <th scope="row">{c.name}<div className="muted small">{c.country}</div></th>
      <td className="num">{list(c.open)}</td>
      <td className={`num${c.overdue.length ? ' text-bad' : ''}`}>{list(c.overdue)}</td>
      <td>
        <div className="inline-form__row">
          <input aria-label={`${pt('pay.creditLimit')} ${c.name}`} inputMode="decimal" size={10} value={limit} placeholder={pt('pay.noLimit')} onChange={(e) => setLimit(e.target.value)} />
          <select aria-label={`${pt('pay.currency')} ${c.name}`} value={currency} onChange={(e) => setCurrency(e.target.value)}>{['USD', 'EUR', 'GBP', 'CNY'].map((x) => <option key={x}>{x}</option>)}</select>
          <input aria-label={`${pt('pay.creditTerms')} ${c.name}`} inputMode="numeric" size={3} value={days} onChange={(e) => setDays(e.target.value)} />
          <button type="button" className="btn btn--secondary btn--small" disabled={change.isPending}
            onClick={() => change.mutate({ companyId: c.id, credit: { limit: limit.trim() ? { amount: limit.trim(), currency } : null, creditTermsDays: days.trim() ? Number(days) : null } })}>{pt('pay.setLimit')}</button>
        </div>
      </td>
      <td className="small">{c.lastNotice ? `${c.lastNotice.kind === 'REMINDER' ? pt('pay.reminder') : pt('pay.level', { n: c.lastNotice.level })} · ${c.lastNotice.contractNumber} · ${dateTime(c.lastNotice.sentAt)}` : '—'}</td>
      <td>
        {c.pause ? (
          <>
            <span className="badge badge--warn">{pt('pay.paused', { reason: c.pause.reason })}</span>
            {canManage && <button type="button" className="btn btn--ghost btn--small" onClick={() => change.mutate({ companyId: c.id, resume: true })}>{pt('pay.resume')}</button>}
          </>
        ) : canManage && (
          <div className="inline-form__row">
            <input aria-label={`${pt('pay.pauseReason')} ${c.name}`} placeholder={pt('pay.pauseReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
            <button type="button" className="btn btn--secondary btn--small" disabled={!reason.trim()} onClick={() => change.mutate({ companyId: c.id, pause: reason })}>{pt('pay.pause')}</button>
          </div>
        )}
        <FormAlert message={change.error ? errorText(change.error) : null} />
      </td>
    </tr>
  );
}

/** Customers' collections: credit limits and terms, last notices, dunning pauses. */
export function CustomersTable({ customers, canManage }: { customers: CustomerCollectionsView[]; canManage: boolean }) {
  const { pt } = usePayText();
  return (
    <div className="table-wrap">
      <table className="table table--dense table--inputs">
        <thead><tr><th scope="col">{pt('pay.customer')}</th><th scope="col" className="num">{pt('pay.open')}</th><th scope="col" className="num">{pt('pay.overdue')}</th><th scope="col">{pt('pay.creditLimit')} / {pt('pay.creditTerms')}</th><th scope="col">{pt('pay.lastNotice')}</th><th scope="col">{pt('pay.dunning')}</th></tr></thead>
        <tbody>{customers.map((c) => <CustomerRow key={`${c.id}-${c.creditLimit?.amount ?? ''}-${c.pause ? 1 : 0}`} c={c} canManage={canManage} />)}</tbody>
      </table>
    </div>
  );
}
