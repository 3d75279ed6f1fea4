import { useMemo, useState, type FormEvent } from 'react';
import { CreateInquiryBody, incotermValues, type AttachmentInfo, type InquiryDetail } from '@portal/schemas';
import { countryCodes, tradeCurrencies } from '@portal/domain/reference';
import { FormAlert, SelectField, TextField, validate } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isoDate } from '../../../lib/time.ts';
import { uploadAttachment, useCreateInquiry } from '../api/inquiries.ts';
import { usePorts } from '../api/ports.ts';

export type DraftLine = { productId?: string; description: string; quantity: string; unit: string; moq?: string; targetPrice?: string };

type Props = {
  initialLines: DraftLine[];
  initialIncoterm?: string;
  initialPort?: string;
  country: string;
  currency: string;
  loadingPortName: string;
  onSent: (inquiry: InquiryDetail) => void;
};

const paymentMethods = ['TT', 'LC', 'DP', 'DA', 'OA'] as const;

/** A price inquiry (RFQ): lines with quantities, the Incoterm and place, destination, terms, files. */
export function InquiryForm({ initialLines, initialIncoterm, initialPort, country, currency, loadingPortName, onSent }: Props) {
  const { t, country: countryName, locale, number } = useI18n();
  const ports = usePorts();
  const create = useCreateInquiry();
  const [lines, setLines] = useState<DraftLine[]>(initialLines.length ? initialLines : [{ description: '', quantity: '', unit: 'pc' }]);
  const [incoterm, setIncoterm] = useState(initialIncoterm ?? 'FOB');
  const [destCountry, setDestCountry] = useState(country);
  const [port, setPort] = useState(initialPort ?? '');
  const [namedPlace, setNamedPlace] = useState('');
  const [files, setFiles] = useState<AttachmentInfo[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const countries = useMemo(() => countryCodes.map((c) => ({ c, n: countryName(c) })).sort((a, b) => a.n.localeCompare(b.n, locale)), [countryName, locale]);
  const destPorts = (ports.data ?? []).filter((p) => p.country === destCountry);
  const portName = (ports.data ?? []).find((p) => p.code === port)?.name;
  // FOB/FCA/EXW/FAS name a place in China; the others a place at destination.
  const defaultPlace = ['FOB', 'FCA', 'EXW', 'FAS'].includes(incoterm) ? loadingPortName : (portName ?? '');
  const place = namedPlace || defaultPlace;

  async function addFiles(list: FileList | null) {
    if (!list) return;
    setUploading(true);
    try {
      for (const file of Array.from(list)) {
        try {
          const info = await uploadAttachment(file);
          setFiles((f) => [...f, info]);
          setErrors((e) => ({ ...e, attachments: '' }));
        } catch (err) {
          setErrors((e) => ({ ...e, attachments: `${file.name}: ${err instanceof ApiError ? (err.fieldErrors[0]?.message ?? err.message) : String(err)}` }));
        }
      }
    } finally {
      setUploading(false);
    }
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const body = {
      lines: lines.map((l) => ({
        ...(l.productId ? { productId: l.productId } : {}),
        description: l.description,
        quantity: l.quantity,
        unit: l.unit,
        ...(l.targetPrice ? { targetPrice: l.targetPrice } : {}),
      })),
      incoterm,
      namedPlace: place,
      destinationCountry: destCountry,
      ...(port ? { destinationPortCode: port } : {}),
      currency: f.currency ?? currency,
      ...(f.paymentMethod ? { preferredPaymentMethod: f.paymentMethod } : {}),
      preferredPaymentTerms: f.paymentTerms,
      ...(f.shipmentDate ? { requiredShipmentDate: f.shipmentDate } : {}),
      packingRequirements: f.packing,
      certificationRequirements: f.certifications,
      message: f.message,
      attachmentIds: files.map((x) => x.id),
    };
    const result = validate(CreateInquiryBody, body);
    const local: Record<string, string> = result.ok ? {} : { ...result.errors };
    lines.forEach((l, i) => {
      if (l.moq && /^\d+(\.\d+)?$/.test(l.quantity) && Number(l.quantity) < Number(l.moq)) local[`lines.${i}.quantity`] = t('rfq.belowMoq', { moq: number(l.moq), unit: l.unit });
    });
    if (Object.keys(local).length) {
      setErrors(local);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    create.mutate(body as CreateInquiryBody, { onSuccess: onSent, onError: (err) => err instanceof ApiError && setErrors(err.byField()) });
  }

  const setLine = (i: number, patch: Partial<DraftLine>) => setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const err = (k: string) => errors[k] || undefined;

  return (
    <form className="form stack" onSubmit={submit} noValidate>
      <section className="card">
        <h2>{t('rfq.lines')}</h2>
        <div className="table-wrap">
          <table className="table table--dense table--inputs">
            <thead>
              <tr>
                <th scope="col">{t('rfq.product')}</th>
                <th scope="col">{t('catalog.quantity')}</th>
                <th scope="col">{t('products.unit')}</th>
                <th scope="col">{t('rfq.targetPrice')} ({currency})</th>
                <th scope="col"><span className="visually-hidden">{t('products.remove')}</span></th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={i}>
                  <td>
                    {l.productId ? (
                      <span>{l.description}{l.moq && <span className="muted small"> · {t('catalog.moq')} {number(l.moq)} {l.unit}</span>}</span>
                    ) : (
                      <input aria-label={`${t('rfq.description')} ${i + 1}`} value={l.description} onChange={(e) => setLine(i, { description: e.target.value })} aria-invalid={Boolean(err(`lines.${i}.description`))} placeholder={t('rfq.describeItem')} />
                    )}
                    {err(`lines.${i}.description`) && <p className="field__error">{err(`lines.${i}.description`)}</p>}
                  </td>
                  <td>
                    <input aria-label={`${t('catalog.quantity')} ${i + 1}`} inputMode="decimal" value={l.quantity} onChange={(e) => setLine(i, { quantity: e.target.value.trim() })} aria-invalid={Boolean(err(`lines.${i}.quantity`))} />
                    {err(`lines.${i}.quantity`) && <p className="field__error" role="alert">{err(`lines.${i}.quantity`)}</p>}
                  </td>
                  <td>{l.productId ? l.unit : <input aria-label={`${t('products.unit')} ${i + 1}`} value={l.unit} onChange={(e) => setLine(i, { unit: e.target.value })} />}</td>
                  <td>
                    <input aria-label={`${t('rfq.targetPrice')} ${i + 1}`} inputMode="decimal" value={l.targetPrice ?? ''} onChange={(e) => setLine(i, { targetPrice: e.target.value.trim() })} aria-invalid={Boolean(err(`lines.${i}.targetPrice`))} placeholder={t('common.optional')} />
                    {err(`lines.${i}.targetPrice`) && <p className="field__error">{err(`lines.${i}.targetPrice`)}</p>}
                  </td>
                  <td>{lines.length > 1 && <button type="button" className="btn btn--small btn--secondary" onClick={() => setLines(lines.filter((_, j) => j !== i))}>{t('products.remove')}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {err('lines') && <p className="field__error">{err('lines')}</p>}
        <button type="button" className="btn btn--secondary btn--small" onClick={() => setLines([...lines, { description: '', quantity: '', unit: 'pc' }])}>{t('rfq.addLine')}</button>
      </section>

      <section className="card">
        <h2>{t('rfq.terms')}</h2>
        <div className="grid-3">
          <SelectField label={t('rfq.incoterm')} name="incoterm" value={incoterm} onChange={(e) => setIncoterm(e.target.value)} error={err('incoterm')}>
            {incotermValues.map((i) => <option key={i} value={i}>{i}</option>)}
          </SelectField>
          <SelectField label={t('rfq.destinationCountry')} name="destinationCountry" value={destCountry} onChange={(e) => { setDestCountry(e.target.value); setPort(''); }} error={err('destinationCountry')}>
            {countries.map(({ c, n }) => <option key={c} value={c}>{n}</option>)}
          </SelectField>
          <SelectField label={t('rfq.destinationPort')} name="destinationPortCode" value={port} onChange={(e) => setPort(e.target.value)} optional error={err('destinationPortCode')}>
            <option value="">{destPorts.length ? t('rfq.choosePort') : t('rfq.noPortsKnown')}</option>
            {destPorts.map((p) => <option key={p.code} value={p.code}>{p.name} ({p.code})</option>)}
          </SelectField>
          <TextField label={t('rfq.namedPlace')} name="namedPlace" value={place} onChange={(e) => setNamedPlace(e.target.value)} hint={t('rfq.namedPlaceHint', { rule: incoterm })} error={err('namedPlace')} />
          <SelectField label={t('register.currency')} name="currency" defaultValue={currency} error={err('currency')}>
            {tradeCurrencies.map((c) => <option key={c} value={c}>{c}</option>)}
          </SelectField>
          <TextField label={t('rfq.shipmentDate')} name="shipmentDate" type="date" min={isoDate(1)} optional error={err('requiredShipmentDate')} />
          <SelectField label={t('rfq.paymentMethod')} name="paymentMethod" defaultValue="" optional error={err('preferredPaymentMethod')}>
            <option value="">—</option>
            {paymentMethods.map((m) => <option key={m} value={m}>{t(`pay.${m}`)}</option>)}
          </SelectField>
          <TextField label={t('rfq.paymentTerms')} name="paymentTerms" optional placeholder={t('rfq.paymentTermsExample')} error={err('preferredPaymentTerms')} />
        </div>
        <div className="grid-2">
          <label className="field"><span>{t('rfq.packing')} <span className="field__optional">({t('common.optional')})</span></span><textarea name="packing" rows={2} /></label>
          <label className="field"><span>{t('rfq.certifications')} <span className="field__optional">({t('common.optional')})</span></span><textarea name="certifications" rows={2} /></label>
        </div>
        <label className="field"><span>{t('rfq.message')} <span className="field__optional">({t('common.optional')})</span></span><textarea name="message" rows={4} maxLength={4000} /></label>
      </section>

      <section className="card">
        <h2>{t('rfq.attachments')}</h2>
        <p className="muted small">{t('rfq.attachmentsHelp')}</p>
        <input type="file" aria-label={t('rfq.attachments')} multiple accept=".pdf,.png,.jpg,.jpeg,.webp,.gif,.docx,.xlsx,.dwg,.dxf,.txt,.csv" onChange={(e) => { void addFiles(e.target.files); e.target.value = ''; }} disabled={uploading || files.length >= 10} />
        {uploading && <p className="muted">{t('common.loading')}</p>}
        {err('attachments') && <p className="field__error" role="alert">{err('attachments')}</p>}
        {files.length > 0 && (
          <ul className="plain-list">
            {files.map((f) => (
              <li key={f.id}>
                {f.fileName} <span className="muted small">({Math.ceil(f.sizeBytes / 1024)} KB)</span>{' '}
                <button type="button" className="link-button" onClick={() => setFiles(files.filter((x) => x.id !== f.id))}>{t('products.remove')}</button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <FormAlert message={Object.keys(errors).some((k) => errors[k]) ? t('common.fixFields') : create.error && !(create.error instanceof ApiError && create.error.fieldErrors.length) ? create.error.message : null} />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={create.isPending || uploading}>{create.isPending ? t('common.saving') : t('rfq.send')}</button>
      </div>
    </form>
  );
}
