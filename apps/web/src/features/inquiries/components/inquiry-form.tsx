import { useEffect, useMemo, useState } from 'react';
import { useController, useFieldArray, useWatch } from 'react-hook-form';
import { CreateInquiryBody, PaymentMethod, incotermValues, type AttachmentInfo, type InquiryDetail } from '@portal/schemas';
import { addDays, calendarDate, countryCodes, tradeCurrencies } from '@portal/domain';
import { FormAlert, SelectField, TextAreaField, TextField, blankAsUndefined, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { errorText, fieldErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { uploadAttachment } from '../../../lib/upload.ts';
import { useCreateInquiry } from '../api/create-inquiry.ts';
import { usePorts, useQuotedIncoterms } from '../api/ports.ts';
import { meetsMoq } from '../utils/moq.ts';

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

const blankLine = { description: '', quantity: '', unit: 'pc' };
// FOB/FCA/EXW/FAS name a place in China; the others a place at destination.
const namedAtOrigin = ['FOB', 'FCA', 'EXW', 'FAS'];

/** A price inquiry (RFQ): lines with quantities, the Incoterm and place, destination, terms, files. */
export function InquiryForm({ initialLines, initialIncoterm, initialPort, country, currency, loadingPortName, onSent }: Props) {
  const { t, country: countryName, locale, number } = useI18n();
  const ports = usePorts();
  const quoted = useQuotedIncoterms();
  const create = useCreateInquiry();
  const [files, setFiles] = useState<AttachmentInfo[]>([]);
  const [fileError, setFileError] = useState('');
  const [uploading, setUploading] = useState(false);
  // The named place follows the Incoterm and port until the buyer writes one.
  const [placeWritten, setPlaceWritten] = useState(false);
  const moqOf = new Map(initialLines.map((l) => [l.productId, l.moq]));

  const { control, register, handleSubmit, setValue, setError, formState: { errors } } = useSchemaForm(CreateInquiryBody, {
    defaultValues: {
      lines: initialLines.length ? initialLines.map(({ moq: _moq, targetPrice, ...l }) => ({ ...l, ...(targetPrice ? { targetPrice } : {}) })) : [blankLine],
      incoterm: (initialIncoterm ?? 'FOB') as (typeof incotermValues)[number],
      namedPlace: '', destinationCountry: country, destinationPortCode: initialPort || undefined, currency,
      preferredPaymentTerms: '', packingRequirements: '', certificationRequirements: '', message: '',
    },
  });
  const lines = useFieldArray({ control, name: 'lines' });
  const [incoterm, destCountry] = useWatch({ control, name: ['incoterm', 'destinationCountry'] });
  // A term the exporter does not quote (an old link, a changed setting) gives way to the first one quoted.
  useEffect(() => {
    const first = quoted.data?.quoted[0];
    if (first && !quoted.data!.quoted.includes(incoterm)) setValue('incoterm', first as (typeof incotermValues)[number]);
  }, [quoted.data, incoterm, setValue]);
  const { field: port } = useController({ control, name: 'destinationPortCode' });

  const countries = useMemo(() => countryCodes.map((c) => ({ c, n: countryName(c) })).sort((a, b) => a.n.localeCompare(b.n, locale)), [countryName, locale]);
  const destPorts = (ports.data ?? []).filter((p) => p.country === destCountry);
  const portName = (ports.data ?? []).find((p) => p.code === port.value)?.name;
  const defaultPlace = namedAtOrigin.includes(incoterm) ? loadingPortName : (portName ?? '');
  useEffect(() => {
    if (!placeWritten) setValue('namedPlace', defaultPlace);
  }, [placeWritten, defaultPlace, setValue]);

  async function addFiles(list: FileList | null) {
    if (!list) return;
    setUploading(true);
    try {
      for (const file of Array.from(list)) {
        try {
          const info = await uploadAttachment(file);
          setFiles((f) => [...f, info]);
          setFileError('');
        } catch (err) {
          setFileError(`${file.name}: ${err instanceof ApiError && err.fieldErrors[0] ? fieldErrorText(err.fieldErrors[0].message, undefined, t) : errorText(err, t)}`);
        }
      }
    } finally {
      setUploading(false);
    }
  }

  const submit = handleSubmit((body) => {
    // The MOQ is checked here too, so the buyer reads it in their language before sending.
    const short = body.lines.flatMap((l, i) => {
      const moq = moqOf.get(l.productId);
      return moq && !meetsMoq(l.quantity, moq) ? [{ i, moq, unit: l.unit ?? '' }] : [];
    });
    short.forEach(({ i, moq, unit }, n) => setError(`lines.${i}.quantity`, { type: 'moq', message: t('rfq.belowMoq', { moq: number(moq), unit }) }, { shouldFocus: n === 0 }));
    if (short.length) return;
    create.mutate({ ...body, attachmentIds: files.map((x) => x.id) }, { onSuccess: onSent, onError: (err) => showServerErrors(setError, err) });
  });
  const err = (name: string) => fieldError(errors, name);

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
              {lines.fields.map((l, i) => (
                <tr key={l.id}>
                  <td>
                    {l.productId ? (
                      <span>{l.description}{moqOf.get(l.productId) && <span className="muted small"> · {t('catalog.moq')} {number(moqOf.get(l.productId)!)} {l.unit}</span>}</span>
                    ) : (
                      <input aria-label={`${t('rfq.description')} ${i + 1}`} aria-invalid={Boolean(err(`lines.${i}.description`))} placeholder={t('rfq.describeItem')} {...register(`lines.${i}.description`)} />
                    )}
                    {err(`lines.${i}.description`) && <p className="field__error">{err(`lines.${i}.description`)}</p>}
                  </td>
                  <td>
                    <input aria-label={`${t('catalog.quantity')} ${i + 1}`} inputMode="decimal" aria-invalid={Boolean(err(`lines.${i}.quantity`))} {...register(`lines.${i}.quantity`, { setValueAs: (v: string) => v.trim() })} />
                    {err(`lines.${i}.quantity`) && <p className="field__error" role="alert">{err(`lines.${i}.quantity`)}</p>}
                  </td>
                  <td>{l.productId ? l.unit : <input aria-label={`${t('products.unit')} ${i + 1}`} {...register(`lines.${i}.unit`)} />}</td>
                  <td>
                    <input aria-label={`${t('rfq.targetPrice')} ${i + 1}`} inputMode="decimal" aria-invalid={Boolean(err(`lines.${i}.targetPrice`))} placeholder={t('common.optional')} {...register(`lines.${i}.targetPrice`, { setValueAs: blankAsUndefined })} />
                    {err(`lines.${i}.targetPrice`) && <p className="field__error">{err(`lines.${i}.targetPrice`)}</p>}
                  </td>
                  <td>{lines.fields.length > 1 && <button type="button" className="btn btn--small btn--secondary" onClick={() => lines.remove(i)}>{t('products.remove')}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {err('lines') && <p className="field__error">{err('lines')}</p>}
        <button type="button" className="btn btn--secondary btn--small" onClick={() => lines.append({ ...blankLine })}>{t('rfq.addLine')}</button>
      </section>

      <section className="card">
        <h2>{t('rfq.terms')}</h2>
        <div className="grid-3">
          <SelectField label={t('rfq.incoterm')} error={err('incoterm')} {...register('incoterm')}>
            {incotermValues.filter((i) => !quoted.data || quoted.data.quoted.includes(i)).map((i) => <option key={i} value={i}>{i}</option>)}
          </SelectField>
          <SelectField label={t('rfq.destinationCountry')} error={err('destinationCountry')} {...register('destinationCountry', { onChange: () => port.onChange(undefined) })}>
            {countries.map(({ c, n }) => <option key={c} value={c}>{n}</option>)}
          </SelectField>
          <SelectField label={t('rfq.destinationPort')} name={port.name} ref={port.ref} value={port.value ?? ''} onChange={(e) => port.onChange(blankAsUndefined(e.target.value))} onBlur={port.onBlur} optional error={err('destinationPortCode')}>
            <option value="">{destPorts.length ? t('rfq.choosePort') : t('rfq.noPortsKnown')}</option>
            {destPorts.map((p) => <option key={p.code} value={p.code}>{p.name} ({p.code})</option>)}
          </SelectField>
          <TextField label={t('rfq.namedPlace')} hint={t('rfq.namedPlaceHint', { rule: incoterm })} error={err('namedPlace')} {...register('namedPlace', { onChange: (e: { target: { value: string } }) => setPlaceWritten(e.target.value !== '') })} />
          <SelectField label={t('register.currency')} error={err('currency')} {...register('currency')}>
            {tradeCurrencies.map((c) => <option key={c} value={c}>{c}</option>)}
          </SelectField>
          <TextField label={t('rfq.shipmentDate')} type="date" min={addDays(calendarDate(new Date()), 1)} optional error={err('requiredShipmentDate')} {...register('requiredShipmentDate', { setValueAs: blankAsUndefined })} />
          <SelectField label={t('rfq.paymentMethod')} optional error={err('preferredPaymentMethod')} {...register('preferredPaymentMethod', { setValueAs: blankAsUndefined })}>
            <option value="">—</option>
            {PaymentMethod.options.map((m) => <option key={m} value={m}>{t(`pay.${m}`)}</option>)}
          </SelectField>
          <TextField label={t('rfq.paymentTerms')} optional placeholder={t('rfq.paymentTermsExample')} error={err('preferredPaymentTerms')} {...register('preferredPaymentTerms')} />
        </div>
        <div className="grid-2">
          <TextAreaField label={t('rfq.packing')} rows={2} optional error={err('packingRequirements')} {...register('packingRequirements')} />
          <TextAreaField label={t('rfq.certifications')} rows={2} optional error={err('certificationRequirements')} {...register('certificationRequirements')} />
        </div>
        <TextAreaField label={t('rfq.message')} rows={4} maxLength={4000} optional error={err('message')} {...register('message')} />
      </section>

      <section className="card">
        <h2>{t('rfq.attachments')}</h2>
        <p className="muted small">{t('rfq.attachmentsHelp')}</p>
        <input type="file" aria-label={t('rfq.attachments')} multiple accept=".pdf,.png,.jpg,.jpeg,.webp,.gif,.docx,.xlsx,.dwg,.dxf,.txt,.csv" onChange={(e) => { void addFiles(e.target.files); e.target.value = ''; }} disabled={uploading || files.length >= 10} />
        {uploading && <p className="muted">{t('common.loading')}</p>}
        {fileError && <p className="field__error" role="alert">{fileError}</p>}
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

      <FormAlert message={Object.keys(errors).length || fileError ? t('common.fixFields') : requestError(create.error)} />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={create.isPending || uploading}>{create.isPending ? t('common.saving') : t('rfq.send')}</button>
      </div>
    </form>
  );
}
