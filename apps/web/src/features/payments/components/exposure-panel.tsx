import { useExposure } from '../api/get-exposure.ts';
import { usePayText } from '../messages.ts';

/**
 * The customer's credit exposure with the contract being quoted or approved: receivables + not yet
 * invoiced, against the limit; a warning when the contract would pass it (or come close).
 */
export function ExposurePanel({ companyId, amount, currency }: { companyId: string; amount?: string | undefined; currency?: string | undefined }) {
  const { pt, money } = usePayText();
  const { data } = useExposure(companyId, amount, currency);
  if (!data) return null;
  const m = (v: string) => money(v, data.currency);
  return (
    <section className={`card card--flat${data.status === 'OVER' ? ' row--alert' : ''}`} aria-labelledby="exposure" data-testid="exposure">
      <h2 id="exposure" className="small">{pt('pay.exposure')}</h2>
      <p className="small">{pt('pay.exposureLine', { receivables: m(data.receivables), notInvoiced: m(data.notInvoiced), exposure: m(data.exposure) })}</p>
      <p className="small">{data.limit ? pt('pay.exposureAfter', { after: m(data.after), limit: m(data.limit), used: data.usedPercent ?? '0' }) : pt('pay.exposureNoLimit', { after: m(data.after) })}</p>
      {data.status === 'OVER' && <div className="alert alert--error" role="alert">{pt('pay.overLimit')}</div>}
      {data.status === 'WARNING' && <div className="alert alert--warning" role="status">{pt('pay.nearLimit')}</div>}
    </section>
  );
}
