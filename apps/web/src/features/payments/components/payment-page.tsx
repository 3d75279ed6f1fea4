import { Link } from 'react-router';
import type { PaymentPageView, ScheduleItemView } from '@portal/schemas';
import { usePayText } from '../messages.ts';

const tone: Record<string, string> = { SCHEDULED: 'muted', DUE: 'info', PARTLY_PAID: 'warn', PAID: 'ok', OVERDUE: 'bad', WRITTEN_OFF: 'muted' };

/** An item's status as a badge (overdue with its days). */
export function ItemStatus({ item }: { item: Pick<ScheduleItemView, 'status' | 'daysOverdue'> }) {
  const { pt } = usePayText();
  return (
    <span className={`badge badge--${tone[item.status] ?? 'muted'}`}>
      {pt(`pay.status.${item.status}`)}{item.status === 'OVERDUE' ? ` · ${pt('pay.daysOverdue', { days: item.daysOverdue })}` : ''}
    </span>
  );
}

/**
 * The payment page: per currency what is scheduled, due, paid and overdue with the next due date;
 * each item with its payment reference; how to pay (bank details); what was received and when.
 */
export function PaymentPage({ page, contractLink }: { page: PaymentPageView; contractLink: (id: string) => string }) {
  const { pt, money, day } = usePayText();
  return (
    <>
      {page.summaries.length === 0 ? <p className="state state--empty">{pt('pay.none')}</p> : (
        <section className="card" aria-labelledby="pay-summary">
          <h2 id="pay-summary" className="visually-hidden">{pt('pay.title')}</h2>
          <div className="table-wrap">
            <table className="table table--dense table--stack">
              <thead><tr><th scope="col">{pt('pay.currency')}</th><th scope="col" className="num">{pt('pay.scheduled')}</th><th scope="col" className="num">{pt('pay.due')}</th><th scope="col" className="num">{pt('pay.paid')}</th><th scope="col" className="num">{pt('pay.overdue')}</th><th scope="col" className="num">{pt('pay.open')}</th><th scope="col">{pt('pay.nextDue')}</th></tr></thead>
              <tbody>
                {page.summaries.map((s) => (
                  <tr key={s.currency} data-testid={`summary-${s.currency}`}>
                    <th scope="row" className="cell--title">{s.currency}</th>
                    <td className="num" data-label={pt('pay.scheduled')}>{money(s.scheduled, s.currency)}</td>
                    <td className="num" data-label={pt('pay.due')}>{money(s.due, s.currency)}</td>
                    <td className="num" data-label={pt('pay.paid')}>{money(s.paid, s.currency)}</td>
                    <td className={`num${s.overdue !== '0.00' ? ' text-bad' : ''}`} data-label={pt('pay.overdue')}>{money(s.overdue, s.currency)}</td>
                    <td className="num" data-label={pt('pay.open')}><strong>{money(s.open, s.currency)}</strong></td>
                    <td data-label={pt('pay.nextDue')}>{s.nextDueDate ? `${day(s.nextDueDate)} · ${money(s.nextDueAmount ?? '0', s.currency)}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.credit.length > 0 && <p className="muted small">{pt('pay.credit')}: {page.credit.map((c) => money(c.amount, c.currency)).join(' · ')}</p>}
        </section>
      )}
      {page.items.length > 0 && (
        <section className="card" aria-labelledby="pay-items">
          <h2 id="pay-items">{pt('pay.items')}</h2>
          <div className="table-wrap">
            <table className="table table--dense table--stack">
              <thead><tr>{!page.contract && <th scope="col">{pt('pay.contract')}</th>}<th scope="col">{pt('pay.item')}</th><th scope="col">{pt('pay.dueDate')}</th><th scope="col" className="num">{pt('pay.amount')}</th><th scope="col" className="num">{pt('pay.open')}</th><th scope="col">{pt('pay.reference')}</th><th scope="col">{pt('pay.status')}</th></tr></thead>
              <tbody>
                {page.items.map((i) => (
                  <tr key={i.id}>
                    {!page.contract && <td data-label={pt('pay.contract')}><Link to={contractLink(i.contractId)}>{i.contractNumber}</Link></td>}
                    <td className="cell--title">{i.description}{i.presentBy && <div className="muted small">{pt('pay.presentBy')}: {day(i.presentBy)}</div>}</td>
                    <td data-label={pt('pay.dueDate')}>{i.dueDate ? day(i.dueDate) : <span className="muted">{pt('pay.notYet')}</span>}</td>
                    <td className="num" data-label={pt('pay.amount')}>{money(i.amount.amount, i.amount.currency)}</td>
                    <td className="num" data-label={pt('pay.open')}>{money(i.open.amount, i.open.currency)}</td>
                    <td data-label={pt('pay.reference')}><code>{i.reference}</code></td>
                    <td data-label={pt('pay.status')}><ItemStatus item={i} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <div className="grid-2 grid-2--top">
        <HowToPay page={page} />
        <section className="card" aria-labelledby="pay-received">
          <h2 id="pay-received">{pt('pay.received')}</h2>
          {page.received.length === 0 ? <p className="muted">{pt('pay.noneReceived')}</p> : (
            <ul className="plain-list">
              {page.received.map((r) => (
                <li key={r.id}>
                  <strong>{money(r.amount.amount, r.amount.currency)}</strong> · {day(r.valueDate)} · <span className="muted small">{pt('pay.bankReference')} {r.bankReference}{r.contractNumbers.length > 0 ? ` · ${r.contractNumbers.join(', ')}` : ''}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

/** How a payment method is paid: by the buyer's transfer, by the bank under the credit, or through the collecting bank. */
const wayOf = (method: string): 'transfer' | 'lc' | 'collection' => (method === 'LC' ? 'lc' : method === 'DP' || method === 'DA' ? 'collection' : 'transfer');

/**
 * How to pay what the page shows: the account to transfer to only when something is paid by transfer
 * (T/T, O/A); an L/C drawing is paid by the bank under the credit against our documents, a collection
 * through the collecting bank, so neither gets transfer instructions.
 */
function HowToPay({ page }: { page: PaymentPageView }) {
  const { pt } = usePayText();
  const ways = new Set(page.items.map((i) => wayOf(i.method)));
  const transfer = ways.has('transfer') || ways.size === 0;
  return (
    <section className="card" aria-labelledby="pay-how">
      <h2 id="pay-how">{pt('pay.howToPay')}</h2>
      {ways.has('lc') && <p className="small">{pt('pay.howToPayLc')}</p>}
      {ways.has('collection') && <p className="small">{pt('pay.howToPayCollection')}</p>}
      {transfer && (
        <>
          <p className="small">{pt(ways.size > 1 ? 'pay.howToPayTransferItems' : 'pay.howToPayHelp')}</p>
          <pre className="prewrap">{page.bankDetails}</pre>
        </>
      )}
    </section>
  );
}
