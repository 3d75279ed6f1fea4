import type { InquiryDetail } from '@portal/schemas';
import { useI18n } from '../../../lib/i18n.tsx';

/** What the buyer asked: lines, Incoterm and place, destination, terms, requirements, files. */
export function InquiryDetails({ inquiry }: { inquiry: InquiryDetail }) {
  const { t, money, number, country, dateTime, date } = useI18n();
  const i = inquiry;
  return (
    <div className="stack">
      <div className="table-wrap">
        <table className="table table--dense table--stack">
          <thead><tr><th scope="col">#</th><th scope="col">{t('rfq.product')}</th><th scope="col" className="num">{t('catalog.quantity')}</th><th scope="col" className="num">{t('rfq.targetPrice')}</th></tr></thead>
          <tbody>
            {i.lines.map((l) => (
              <tr key={l.id}>
                <td data-label="#" className="cell--no">{l.lineNo}</td>
                <td data-label={t('rfq.product')} className="cell--title">{l.description}{l.sku && <span className="muted small"> · {l.sku}</span>}</td>
                <td data-label={t('catalog.quantity')} className="num">{number(l.quantity)} {l.unit}</td>
                <td data-label={t('rfq.targetPrice')} className="num">{l.targetPrice ? money(l.targetPrice.amount, l.targetPrice.currency, 4) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="details">
        <dt>{t('rfq.incoterm')}</dt><dd>{i.incoterm} {i.namedPlace} (Incoterms® 2020)</dd>
        <dt>{t('rfq.destination')}</dt><dd>{country(i.destinationCountry)}{i.destinationPort && ` · ${i.destinationPort.name} (${i.destinationPort.code})`}</dd>
        <dt>{t('register.currency')}</dt><dd>{i.currency}</dd>
        {(i.preferredPaymentMethod || i.preferredPaymentTerms) && (<><dt>{t('rfq.paymentTerms')}</dt><dd>{[i.preferredPaymentMethod && t(`pay.${i.preferredPaymentMethod}`), i.preferredPaymentTerms].filter(Boolean).join(' · ')}</dd></>)}
        {i.requiredShipmentDate && (<><dt>{t('rfq.shipmentDate')}</dt><dd>{date(`${i.requiredShipmentDate}T00:00:00Z`)}</dd></>)}
        {i.packingRequirements && (<><dt>{t('rfq.packing')}</dt><dd>{i.packingRequirements}</dd></>)}
        {i.certificationRequirements && (<><dt>{t('rfq.certifications')}</dt><dd>{i.certificationRequirements}</dd></>)}
        {i.message && (<><dt>{t('rfq.message')}</dt><dd className="prewrap">{i.message}</dd></>)}
        <dt>{t('rfq.sent')}</dt><dd>{dateTime(i.submittedAt)} · {i.createdBy}</dd>
        {i.attachments.length > 0 && (
          <>
            <dt>{t('rfq.attachments')}</dt>
            <dd>
              <ul className="plain-list">
                {i.attachments.map((a) => <li key={a.id}><a href={`/api/attachments/${a.id}`}>{a.fileName}</a> <span className="muted small">({Math.ceil(a.sizeBytes / 1024)} KB)</span></li>)}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
