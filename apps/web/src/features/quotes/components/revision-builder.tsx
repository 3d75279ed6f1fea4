import { useState, type FormEvent } from 'react';
import type { NegotiationMessageView, QuoteRevisionView } from '@portal/schemas';
import { FormAlert } from '../../../components/form.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useBuildNextRevision } from '../api/build-next-revision.ts';

/** A line of the buyer's counter-offer, as the thread shows it to staff (with its costing). */
export type CounterLine = NonNullable<NegotiationMessageView['counterOffer']>['lines'][number];
type Take = { price: boolean; quantity: boolean; shipmentDate: boolean };

/**
 * "New revision": the next draft starts from the last revision sent to the buyer. Per line, the
 * buyer's counter-offer sits beside what was sent, with what it means for the margin; the clerk
 * ticks what to take (price, quantity, shipment date) and the API builds the draft from it, to be
 * edited (quantities, prices, lines added or removed) in the quote editor.
 */
export function RevisionBuilder({ quoteId, lastSent, counter }: { quoteId: string; lastSent: QuoteRevisionView; counter: readonly CounterLine[] }) {
  const { t, money, number, date } = useI18n();
  const build = useBuildNextRevision(quoteId);
  const [take, setTake] = useState<Record<string, Take>>({});
  const next = lastSent.revisionNo + 1;
  const proposalOf = new Map(counter.map((c) => [c.quoteLineId, c]));
  const pct = (rate: string) => `${number(Number(rate) * 100, 2)} %`;
  const day = (d: string) => date(`${d}T00:00:00Z`);
  const toggle = (lineId: string, what: keyof Take) =>
    setTake((all) => ({ ...all, [lineId]: { price: false, quantity: false, shipmentDate: false, ...all[lineId], [what]: !all[lineId]?.[what] } }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const chosen = Object.entries(take)
      .filter(([, c]) => c.price || c.quantity || c.shipmentDate)
      .map(([quoteLineId, c]) => ({ quoteLineId, ...(c.price ? { price: true } : {}), ...(c.quantity ? { quantity: true } : {}), ...(c.shipmentDate ? { shipmentDate: true } : {}) }));
    build.mutate({ take: chosen });
  }

  const box = (lineId: string, lineNo: number, what: keyof Take, label: string) => (
    <label className="check">
      <input type="checkbox" checked={Boolean(take[lineId]?.[what])} onChange={() => toggle(lineId, what)} aria-label={t('pi.build.takeLabel', { what: label, n: lineNo })} />
      {label}
    </label>
  );

  return (
    <form className="stack revision-builder" onSubmit={submit} aria-labelledby="build-title">
      <h3 id="build-title">{t('pi.build.title', { next, last: lastSent.revisionNo })}</h3>
      <p className="muted small">{counter.length > 0 ? t('pi.build.intro', { last: lastSent.revisionNo }) : t('pi.build.noCounter', { last: lastSent.revisionNo })}</p>
      <div className="table-wrap">
        <table className="table table--dense table--stack">
          <thead><tr><th scope="col">#</th><th scope="col">{t('rfq.product')}</th><th scope="col">{t('pi.build.sent', { last: lastSent.revisionNo })}</th><th scope="col">{t('pi.build.proposed')}</th><th scope="col">{t('pi.build.take')}</th></tr></thead>
          <tbody>
            {lastSent.lines.map((l) => {
              const p = proposalOf.get(l.id);
              return (
                <tr key={l.id}>
                  <td data-label="#" className="cell--no">{l.lineNo}</td>
                  <td data-label={t('rfq.product')} className="cell--title">{l.description}</td>
                  <td data-label={t('pi.build.sent', { last: lastSent.revisionNo })}>
                    {money(l.unitPrice.amount, l.unitPrice.currency, 4)} × {number(l.quantity)} {l.unit}
                    {l.shipmentDate && <span className="muted small"> · {day(l.shipmentDate)}</span>}
                  </td>
                  <td data-label={t('pi.build.proposed')}>
                    {p ? (
                      <>
                        {[
                          p.proposedUnitPrice && money(p.proposedUnitPrice, lastSent.currency, 4),
                          p.proposedQuantity && `× ${number(p.proposedQuantity)} ${l.unit}`,
                          p.proposedShipmentDate && day(p.proposedShipmentDate),
                        ].filter(Boolean).join(' ')}
                        {p.staff && (
                          <span className={`msg__costing badge badge--${p.staff.belowFloor ? 'bad' : 'ok'}`}>
                            {t('pi.build.costing', { margin: pct(p.staff.marginRate), floor: pct(p.staff.floorRate), profit: pct(p.staff.profitRate) })}
                          </span>
                        )}
                      </>
                    ) : '—'}
                  </td>
                  <td data-label={t('pi.build.take')}>
                    {p?.proposedUnitPrice && box(l.id, l.lineNo, 'price', t('pi.build.takePrice'))}
                    {p?.proposedQuantity && box(l.id, l.lineNo, 'quantity', t('pi.build.takeQty'))}
                    {p?.proposedShipmentDate && box(l.id, l.lineNo, 'shipmentDate', t('pi.build.takeDate'))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <FormAlert message={build.error} />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={build.isPending}>{t('pi.build.submit', { next })}</button>
      </div>
    </form>
  );
}
