import type { SalesContractView } from '@portal/schemas';
import { useI18n } from '../../../lib/i18n.tsx';

/** The sales confirmation (销售确认书) as both parties read it. */
export function ContractView({ contract: c }: { contract: SalesContractView }) {
  const { t, money, number, date, dateTime, country } = useI18n();
  const d = (v: string | null) => (v ? date(`${v}T00:00:00Z`) : '—');
  const party = (p: SalesContractView['seller'], title: string) => (
    <div className="party">
      <h3>{title}</h3>
      <p><strong>{p.name}</strong><br />{p.addressLines.join(', ')}<br />{country(p.country)}{p.taxId && <><br />{t('register.taxId')}: {p.taxId}</>}</p>
    </div>
  );
  return (
    <article className="contract" aria-label={c.number}>
      <div className="grid-2">{party(c.seller, t('sc.seller'))}{party(c.buyer, t('sc.buyer'))}</div>
      <div className="table-wrap">
        <table className="table table--dense table--stack">
          <thead><tr><th scope="col">#</th><th scope="col">{t('rfq.product')}</th><th scope="col" className="num">{t('catalog.quantity')}</th><th scope="col" className="num">{t('catalog.unitPrice')}</th><th scope="col" className="num">{t('pi.amount')}</th></tr></thead>
          <tbody>
            {c.lines.map((l) => (
              <tr key={l.lineNo}>
                <td data-label="#" className="cell--no">{l.lineNo}</td>
                <td data-label={t('rfq.product')} className="cell--title">{l.description}{l.notes && <span className="muted small prewrap"><br />{l.notes}</span>}</td>
                <td data-label={t('catalog.quantity')} className="num">{number(l.quantity)} {l.unit}{l.shipmentDate && <span className="muted small"><br />{d(l.shipmentDate)}</span>}</td>
                <td data-label={t('catalog.unitPrice')} className="num">{money(l.unitPrice.amount, l.unitPrice.currency, 4)}</td>
                <td data-label={t('pi.amount')} className="num">{money(l.amount.amount, l.amount.currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot><tr><th scope="row" colSpan={4}>{t('pi.total')} {c.incoterm} {c.namedPlace}</th><td className="num"><strong>{money(c.total.amount, c.total.currency)}</strong></td></tr></tfoot>
        </table>
      </div>
      <dl className="details">
        <dt>{t('rfq.incoterm')}</dt><dd>{c.incoterm} {c.namedPlace} (Incoterms® 2020)</dd>
        <dt>{t('pi.ports')}</dt><dd>{c.portOfLoading?.name ?? '—'} → {c.portOfDischarge?.name ?? '—'}</dd>
        <dt>{t('sc.latestShipment')}</dt><dd>{d(c.latestShipmentDate)}</dd>
        <dt>{t('sc.partial')}</dt><dd>{c.partialShipmentAllowed ? t('sc.allowed') : t('sc.notAllowed')}</dd>
        <dt>{t('sc.transhipment')}</dt><dd>{c.transhipmentAllowed ? t('sc.allowed') : t('sc.notAllowed')}</dd>
        <dt>{t('rfq.paymentTerms')}</dt>
        <dd>
          {c.paymentTermsText}
          <ul className="plain-list small">{c.paymentTerms.map((p) => <li key={p.seq}>{p.method} {p.percent}% · {money(p.amount.amount, p.amount.currency)}</li>)}</ul>
        </dd>
        {c.lc && (<><dt>L/C</dt><dd>{c.lc.status ? `${[c.lc.number, c.lc.issuingBank, c.lc.expiryDate && `${t('sc.expiry')} ${d(c.lc.expiryDate)}`].filter(Boolean).join(' · ')} · ${t(`lc.${c.lc.status}`)}` : t('sc.lcPending')}</dd></>)}
        {c.packing && (<><dt>{t('rfq.packing')}</dt><dd>{c.packing}</dd></>)}
        {c.leadTimeDays !== null && (<><dt>{t('catalog.leadTime')}</dt><dd>{t('catalog.days', { days: c.leadTimeDays })}</dd></>)}
        {c.specialTerms && (<><dt>{t('sc.specialTerms')}</dt><dd className="prewrap">{c.specialTerms}</dd></>)}
        {c.shippingMarks && (<><dt>{t('sc.marks')}</dt><dd className="prewrap">{c.shippingMarks}</dd></>)}
        {c.inspection && (<><dt>{t('sc.inspection')}</dt><dd>{c.inspection}</dd></>)}
        {c.insurance && (<><dt>{t('sc.insurance')}</dt><dd>{c.insurance}</dd></>)}
        {c.claimsClause && (<><dt>{t('sc.claims')}</dt><dd>{c.claimsClause}</dd></>)}
        <dt>{t('sc.issued')}</dt><dd>{dateTime(c.issuedAt)} · {c.quote.number} r{c.quote.revisionNo}</dd>
        {c.confirmedAt && (<><dt>{t('sc.confirmed')}</dt><dd>{dateTime(c.confirmedAt)}{c.confirmedBy && ` · ${c.confirmedBy}`}</dd></>)}
      </dl>
    </article>
  );
}
