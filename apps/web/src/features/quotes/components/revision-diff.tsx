import type { QuoteRevisionView } from '@portal/schemas';
import { compareRevisionLines, type ComparedLine } from '@portal/domain/revision-building';
import { useI18n } from '../../../lib/i18n.tsx';

type Line = QuoteRevisionView['lines'][number];
const compared = (l: Line): ComparedLine & { line: Line } => ({
  line: l, inquiryLineId: l.inquiryLineId, productId: l.productId, description: l.description, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice.amount, notes: l.notes,
});

/**
 * Revision N next to N−1: what changed, line by line (the domain's compareRevisionLines: lines
 * matched by inquiry line, product, then description; added and removed lines marked) and in the
 * terms, highlighted.
 */
export function RevisionDiff({ current, previous }: { current: QuoteRevisionView; previous: QuoteRevisionView }) {
  const { t, money, number, date } = useI18n();
  const rows = compareRevisionLines(previous.lines.map(compared), current.lines.map(compared));
  const changed = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const priceQty = (l: Line) => <>{money(l.unitPrice.amount, l.unitPrice.currency, 4)} × {number(l.quantity)}</>;
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
            {rows.map((row, n) => {
              const p = row.before?.line;
              const l = row.after?.line;
              const label = (l ?? p)!.description;
              return (
                <tr key={l?.id ?? `removed-${n}`} className={row.status === 'removed' ? 'row--removed' : row.status === 'added' ? 'row--added' : undefined}>
                  <td>
                    {label}
                    {row.status === 'added' && <span className="badge badge--info">{t('pi.diff.added')}</span>}
                    {row.status === 'removed' && <span className="badge badge--bad">{t('pi.diff.removed')}</span>}
                  </td>
                  <td className="num muted">{p ? priceQty(p) : '—'}</td>
                  <td className="num">
                    {l ? (
                      <>
                        <span className={row.status === 'added' || row.changed.includes('unitPrice') ? 'changed' : undefined}>{money(l.unitPrice.amount, l.unitPrice.currency, 4)}</span> × <span className={row.status === 'added' || row.changed.includes('quantity') ? 'changed' : undefined}>{number(l.quantity)}</span>
                      </>
                    ) : <span className="changed">—</span>}
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
