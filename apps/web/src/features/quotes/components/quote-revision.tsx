import type { QuoteRevisionView } from '@portal/schemas';
import { percent } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/** One revision of a pro-forma invoice as the buyer reads it; staff also see the margins. */
export function QuoteRevision({ quoteNumber, revision: r }: { quoteNumber: string; revision: QuoteRevisionView }) {
  const { t, money, number, date, dateTime } = useI18n();
  return (
    <article className="pi" aria-label={`${quoteNumber} rev. ${r.revisionNo}`}>
      <header className="pi__head">
        <div>
          <h3>{quoteNumber} · {t('pi.revision', { n: r.revisionNo })}</h3>
          <p className="muted small">{r.sentAt ? t('pi.sentOn', { date: new Date(r.sentAt) }) : t('pi.createdOn', { date: new Date(r.createdAt) })} · {t('pi.validUntil', { date: date(`${r.validUntil}T00:00:00Z`) })}</p>
        </div>
        <div className="pi__status">
          <span className={`badge badge--${r.status === 'SENT' || r.status === 'ACCEPTED' ? 'ok' : r.status === 'PENDING_APPROVAL' || r.status === 'DRAFT' ? 'warn' : 'muted'}`}>{t(`pi.${r.status}`)}</span>
          {r.pdfUrl && <a className="btn btn--secondary btn--small" href={r.pdfUrl} target="_blank" rel="noopener">{t('pi.pdf')}</a>}
        </div>
      </header>
      <div className="table-wrap">
        <table className="table table--dense table--stack">
          <thead><tr><th scope="col">#</th><th scope="col">{t('rfq.product')}</th><th scope="col" className="num">{t('catalog.quantity')}</th><th scope="col" className="num">{t('catalog.unitPrice')}</th><th scope="col" className="num">{t('pi.amount')}</th>{r.staff && <th scope="col" className="num">{t('pi.margin')}</th>}</tr></thead>
          <tbody>
            {r.lines.map((l) => {
              const c = r.staff?.lines.find((x) => x.lineId === l.id);
              return (
                <tr key={l.id} className={c?.belowFloor ? 'row--alert' : undefined}>
                  <td data-label="#" className="cell--no">{l.lineNo}</td>
                  <td data-label={t('rfq.product')} className="cell--title">{l.description}{l.sku && <span className="muted small"> · {l.sku}</span>}{l.notes && <span className="muted small prewrap"><br />{l.notes}</span>}</td>
                  <td data-label={t('catalog.quantity')} className="num">{number(l.quantity)} {l.unit}</td>
                  <td data-label={t('catalog.unitPrice')} className="num">{money(l.unitPrice.amount, l.unitPrice.currency, 4)}</td>
                  <td data-label={t('pi.amount')} className="num">{money(l.amount.amount, l.amount.currency)}</td>
                  {r.staff && <td data-label={t('pi.margin')} className="num">{percent(c?.marginRate ?? null)}{c?.belowFloor && <span className="badge badge--bad">{t('pi.belowFloor')}</span>}</td>}
                </tr>
              );
            })}
          </tbody>
          <tfoot><tr><th scope="row" colSpan={4}>{t('pi.total')} {r.incoterm} {r.namedPlace}</th><td className="num"><strong>{money(r.total.amount, r.total.currency)}</strong></td>{r.staff && <td data-label={t('pi.margin')} className="num">{percent(r.staff.marginRate)}</td>}</tr></tfoot>
        </table>
      </div>
      <dl className="details details--compact">
        <dt>{t('rfq.incoterm')}</dt><dd>{r.incoterm} {r.namedPlace} (Incoterms® 2020)</dd>
        {(r.portOfLoading || r.portOfDischarge) && (<><dt>{t('pi.ports')}</dt><dd>{r.portOfLoading?.name ?? '—'} → {r.portOfDischarge?.name ?? '—'}</dd></>)}
        <dt>{t('rfq.paymentTerms')}</dt><dd>{r.paymentTermsText}</dd>
        <dt>{t('catalog.leadTime')}</dt><dd>{t('catalog.days', { days: r.leadTimeDays })}{r.shipmentDate && ` · ${t('pi.shipment', { date: new Date(`${r.shipmentDate}T00:00:00Z`) })}`}</dd>
        {r.packing && (<><dt>{t('rfq.packing')}</dt><dd>{r.packing}</dd></>)}
        {r.specialTerms && (<><dt>{t('pi.specialTerms')}</dt><dd className="prewrap">{r.specialTerms}</dd></>)}
        {r.shippingMarks && (<><dt>{t('pi.shippingMarks')}</dt><dd className="prewrap">{r.shippingMarks}</dd></>)}
        {r.notes && (<><dt>{t('pi.notes')}</dt><dd className="prewrap">{r.notes}</dd></>)}
        {r.staff?.approval && (<><dt>{t('pi.approval')}</dt><dd>{t('pi.approvedBy', { name: r.staff.approval.by, date: new Date(r.staff.approval.at) })}{r.staff.approval.comment && ` — “${r.staff.approval.comment}”`}</dd></>)}
      </dl>
    </article>
  );
}
