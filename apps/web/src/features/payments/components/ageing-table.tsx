import { useState } from 'react';
import type { AgeingView } from '@portal/schemas';
import { Loading } from '../../../components/states.tsx';
import { useAgeingItems } from '../api/get-ageing.ts';
import { usePayText } from '../messages.ts';

const buckets = ['NOT_DUE', 'DAYS_1_30', 'DAYS_31_60', 'DAYS_61_90', 'OVER_90'] as const;
type Cell = { companyId: string; name: string; currency: string; bucket?: string };

/** The ageing report: one line per customer and currency, each amount a button that opens its items. */
export function AgeingTable({ report }: { report: AgeingView }) {
  const { pt, money } = usePayText();
  const [cell, setCell] = useState<Cell | null>(null);
  return (
    <>
      <div className="table-wrap">
        <table className="table table--dense table--stack payments-table">
          <thead><tr><th scope="col">{pt('pay.customer')}</th><th scope="col">{pt('pay.currency')}</th>{buckets.map((b) => <th key={b} scope="col" className="num">{pt(`pay.bucket.${b}`)}</th>)}<th scope="col" className="num">{pt('pay.total')}</th></tr></thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={`${r.customer.id}-${r.currency}`}>
                <th scope="row" className="cell--title">{r.customer.name}</th>
                <td data-label={pt('pay.currency')}>{r.currency}</td>
                {buckets.map((b) => (
                  <td key={b} data-label={pt(`pay.bucket.${b}`)} className={`num${b !== 'NOT_DUE' && r.buckets[b] !== '0.00' ? ' text-bad' : ''}`}>
                    {r.buckets[b] === '0.00' ? <span className="muted">—</span> : (
                      <button type="button" className="link-button" onClick={() => setCell({ companyId: r.customer.id, name: r.customer.name, currency: r.currency, bucket: b })}>{money(r.buckets[b]!, r.currency)}</button>
                    )}
                  </td>
                ))}
                <td className="num" data-label={pt('pay.total')}><button type="button" className="link-button" onClick={() => setCell({ companyId: r.customer.id, name: r.customer.name, currency: r.currency })}><strong>{money(r.total, r.currency)}</strong></button></td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {report.totals.map((t) => (
              <tr key={t.currency}><th scope="row">{pt('pay.totals')}</th><td>{t.currency}</td>{buckets.map((b) => <td key={b} className="num" data-label={pt(`pay.bucket.${b}`)}>{money(t.buckets[b]!, t.currency)}</td>)}<td className="num" data-label={pt('pay.total')}><strong>{money(t.total, t.currency)}</strong></td></tr>
            ))}
          </tfoot>
        </table>
      </div>
      {cell && <AgeingItems cell={cell} asOf={report.asOf} onClose={() => setCell(null)} />}
    </>
  );
}

function AgeingItems({ cell, asOf, onClose }: { cell: Cell; asOf: string; onClose: () => void }) {
  const { pt, money, day } = usePayText();
  const { data, isPending } = useAgeingItems({ asOf, currency: cell.currency, companyId: cell.companyId, ...(cell.bucket ? { bucket: cell.bucket } : {}) });
  return (
    <section className="card" aria-labelledby="ageing-items">
      <div className="page__title">
        <h2 id="ageing-items">{cell.name} · {cell.currency}{cell.bucket ? ` · ${pt(`pay.bucket.${cell.bucket as (typeof buckets)[number]}`)}` : ''}</h2>
        <button type="button" className="btn btn--ghost btn--small" onClick={onClose}>×<span className="visually-hidden">close</span></button>
      </div>
      {isPending ? <Loading /> : (
        <div className="table-wrap">
          <table className="table table--dense table--stack payments-table">
            <thead><tr><th scope="col">{pt('pay.contract')}</th><th scope="col">{pt('pay.item')}</th><th scope="col">{pt('pay.dueDate')}</th><th scope="col" className="num">{pt('pay.overdue')}</th><th scope="col" className="num">{pt('pay.open')}</th><th scope="col">{pt('pay.reference')}</th></tr></thead>
            <tbody>
              {data?.map((i) => (
                <tr key={i.id}><td className="cell--title">{i.contractNumber}</td><td data-label={pt('pay.item')}>{i.description}</td><td data-label={pt('pay.dueDate')}>{day(i.dueDate)}</td><td className="num" data-label={pt('pay.overdue')}>{i.daysOverdue > 0 ? pt('pay.daysOverdue', { days: i.daysOverdue }) : '—'}</td><td className="num" data-label={pt('pay.open')}>{money(i.open.amount, i.open.currency)}</td><td data-label={pt('pay.reference')}><code>{i.reference}</code></td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
