import type { QualityCertificateView } from '@portal/schemas';
import { useShipmentsText } from '../messages.ts';

/** A batch quality certificate laid out for reading and printing, under the page's title (labelledBy). */
export function CertificateView({ certificate: c, labelledBy }: { certificate: QualityCertificateView; labelledBy: string }) {
  const { s, day, number } = useShipmentsText();
  return (
    <article className="card certificate" aria-labelledby={labelledBy}>
      <dl className="details details--compact">
        <dt>{s('qc.product')}</dt><dd>{c.product.name} <span className="muted">({c.product.sku})</span></dd>
        <dt>{s('qc.batch')}</dt><dd><strong>{c.batchNo}</strong></dd>
        <dt>{s('qc.produced')}</dt><dd>{day(c.producedOn)}</dd>
        <dt>{s('qc.quantity')}</dt><dd>{number(c.quantity)} {c.product.unit}</dd>
        <dt>{s('qc.issued')}</dt><dd>{day(c.issuedOn)}</dd>
        <dt>{s('qc.issuer')}</dt><dd>{c.issuer}</dd>
        {c.contract && <><dt>{s('qc.contract')}</dt><dd>{c.contract.number}</dd></>}
        {c.shipment && <><dt>{s('qc.shipment')}</dt><dd>{c.shipment.number}</dd></>}
      </dl>
      <h3>{s('qc.results')}</h3>
      <div className="table-wrap">
        <table className="table table--dense">
          <thead><tr><th scope="col">{s('qc.test')}</th><th scope="col">{s('qc.standard')}</th><th scope="col">{s('qc.result')}</th><th scope="col">{s('qc.pass')}</th></tr></thead>
          <tbody>
            {c.results.map((r, i) => (
              <tr key={i}><td>{r.test}</td><td>{r.standard ?? '—'}</td><td>{r.result}</td><td><span className={`badge badge--${r.pass ? 'ok' : 'bad'}`}>{r.pass ? s('qc.pass') : s('qc.fail')}</span></td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {c.fileUrl && <p className="no-print"><a href={c.fileUrl}>{s('qc.file')}</a></p>}
    </article>
  );
}
