import type { QuoteRevisionView } from '@portal/schemas';
import { useI18n } from '../../../lib/i18n.tsx';

/** Revision N next to N−1: what changed, line by line and in the terms, highlighted. */
export function RevisionDiff({ current, previous }: { current: QuoteRevisionView; previous: QuoteRevisionView }) {
  const { t, money, number, date } = useI18n();
  const prevLine = (key: string | null, lineNo: number) => previous.lines.find((l) => (key && l.inquiryLineId === key) || l.lineNo === lineNo);
  const changed = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const terms: [string, string, string][] = [
    [t('rfq.incoterm'), `${previous.incoterm} ${previous.namedPlace}`, `${current.incoterm} ${current.namedPlace}`],
    [t('rfq.paymentTerms'), previous.paymentTermsText, current.paymentTermsText],
    [t('catalog.leadTime'), t('catalog.days', { days: previous.leadTimeDays }), t('catalog.days', { days: current.leadTimeDays })],
    [t('pi.shipmentDate'), previous.shipmentDate ? date(`${previous.shipmentDate}T00:00:00Z`) : '—', current.shipmentDate ? date(`${current.shipmentDate}T00:00:00Z`) : '—'],
    [t('pi.validUntil', { date: '' }).replace(/[:：]?\s*$/, ''), date(`${previous.validUntil}T00:00:00Z`), date(`${current.validUntil}T00:00:00Z`)],
  ];
  return (
    <div className="diff" aria-label={t('neg.compare', { a: previous.revisionNo, b: current.revisionNo })}>
      <h3>{t('neg.compare', { a: previous.revisionNo, b: current.revisionNo })}</h3>
      <div className="table-wrap">
        <table className="table table--dense">
          <thead><tr><th scope="col">{t('rfq.product')}</th><th scope="col" className="num">r{previous.revisionNo}</th><th scope="col" className="num">r{current.revisionNo}</th></tr></thead>
          <tbody>
            {current.lines.map((l) => {
              const p = prevLine(l.inquiryLineId, l.lineNo);
              const priceChanged = !p || changed(p.unitPrice.amount, l.unitPrice.amount);
              const qtyChanged = !p || changed(p.quantity, l.quantity);
              return (
                <tr key={l.id}>
                  <td>{l.description}</td>
                  <td className="num muted">{p ? <>{money(p.unitPrice.amount, p.unitPrice.currency, 4)} × {number(p.quantity)}</> : '—'}</td>
                  <td className="num">
                    <span className={priceChanged ? 'changed' : undefined}>{money(l.unitPrice.amount, l.unitPrice.currency, 4)}</span> × <span className={qtyChanged ? 'changed' : undefined}>{number(l.quantity)}</span>
                  </td>
                </tr>
              );
            })}
            <tr><th scope="row">{t('pi.total')}</th><td className="num muted">{money(previous.total.amount, previous.total.currency)}</td><td className="num"><strong className={changed(previous.total.amount, current.total.amount) ? 'changed' : undefined}>{money(current.total.amount, current.total.currency)}</strong></td></tr>
            {terms.map(([label, a, b]) => (
              <tr key={label}><th scope="row">{label}</th><td className="num muted">{a}</td><td className="num"><span className={a !== b ? 'changed' : undefined}>{b}</span></td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
