import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { QuoteDraftBody, incotermValues, type InquiryDetail, type PaymentInstalment, type QuoteRevisionView } from '@portal/schemas';
import { FormAlert, SelectField, TextField, validate } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isoDate } from '../../../lib/time.ts';

/** The PI is an English document, whatever language the clerk works in. */
const DEFAULT_PACKING = 'Export cartons, palletised';

export type EditorLine = { inquiryLineId?: string; productId?: string; costSheetId?: string; description: string; quantity: string; unit: string; unitPrice: string };

const presets: Record<string, PaymentInstalment[]> = {
  'TT-30-70': [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION', days: 0 }, { method: 'TT', percent: '70', trigger: 'BL_COPY', days: 0 }],
  'TT-100': [{ method: 'TT', percent: '100', trigger: 'BEFORE_SHIPMENT', days: 0 }],
  'LC-SIGHT': [{ method: 'LC', percent: '100', trigger: 'SIGHT', days: 0 }],
  'DP-SIGHT': [{ method: 'DP', percent: '100', trigger: 'SIGHT', days: 0 }],
  'OA-60': [{ method: 'OA', percent: '100', trigger: 'BL_DATE', days: 60 }],
};

type Props = {
  inquiry: InquiryDetail;
  draft?: QuoteRevisionView;
  leadTimeDays: number;
  /** Default validity of a new quote, from the business settings. */
  validityDays?: number;
  saving: boolean;
  error: unknown;
  /** The margin a line would make at its current price under this Incoterm, and the floor; null when no cost is known. */
  marginOf?: (line: EditorLine, incoterm: string) => { rate: number; floor: number } | null;
  /** Renders the costing workbench under a line; it calls back with the price to use. */
  workbench: (line: EditorLine, usePrice: (price: string, costSheetId: string | undefined) => void) => ReactNode;
  onSave: (body: QuoteDraftBody) => void;
};

/** The clerk composes a pro-forma quote: lines priced from the workbench, terms, validity. */
export function QuoteEditor({ inquiry, draft, leadTimeDays, validityDays = 30, saving, error, marginOf, workbench, onSave }: Props) {
  const { t, money } = useI18n();
  const [lines, setLines] = useState<EditorLine[]>(
    draft
      ? draft.lines.map((l) => ({ ...(l.inquiryLineId ? { inquiryLineId: l.inquiryLineId } : {}), ...(l.productId ? { productId: l.productId } : {}), description: l.description, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice.amount }))
      : inquiry.lines.map((l) => ({ inquiryLineId: l.id, ...(l.productId ? { productId: l.productId } : {}), description: l.description, quantity: l.quantity, unit: l.unit, unitPrice: '' })),
  );
  const [open, setOpen] = useState<number | null>(lines.length === 1 ? 0 : null);
  const [preset, setPreset] = useState<string>('TT-30-70');
  const [incoterm, setIncoterm] = useState<string>(draft?.incoterm ?? inquiry.incoterm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverErrors = error instanceof ApiError ? error.byField() : {};
  const err = (k: string) => errors[k] ?? serverErrors[k];
  const setLine = (i: number, patch: Partial<EditorLine>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const total = lines.reduce((s, l) => s + (Number(l.unitPrice) || 0) * (Number(l.quantity) || 0), 0);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const body = {
      currency: inquiry.currency,
      incoterm,
      namedPlace: f.namedPlace,
      portOfLoadingCode: f.portOfLoadingCode || undefined,
      portOfDischargeCode: inquiry.destinationPort?.code,
      paymentTerms: presets[preset]!,
      leadTimeDays: Number(f.leadTimeDays),
      shipmentDate: f.shipmentDate || undefined,
      packing: f.packing,
      validUntil: f.validUntil,
      notes: f.notes,
      lines: lines.map((l) => ({ ...l, costSheetId: l.costSheetId || undefined })),
    };
    const result = validate(QuoteDraftBody, body);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onSave(body as QuoteDraftBody);
  }

  return (
    <form className="form stack" onSubmit={submit} noValidate>
      <div className="table-wrap">
        <table className="table table--dense table--inputs">
          <thead><tr><th scope="col">#</th><th scope="col">{t('rfq.product')}</th><th scope="col" className="num">{t('catalog.quantity')}</th><th scope="col">{t('catalog.unitPrice')} ({inquiry.currency})</th><th scope="col" className="num">{t('pi.amount')}</th><th scope="col"><span className="visually-hidden">{t('cost.title')}</span></th></tr></thead>
          <tbody>
            {lines.map((l, i) => (
              <Fragment key={i}>
                <tr>
                  <td>{i + 1}</td>
                  <td>{l.description}</td>
                  <td className="num">{l.quantity} {l.unit}</td>
                  <td>
                    <input aria-label={`${t('catalog.unitPrice')} ${i + 1}`} inputMode="decimal" value={l.unitPrice} onChange={(e) => setLine(i, { unitPrice: e.target.value.trim(), costSheetId: undefined })} aria-invalid={Boolean(err(`lines.${i}.unitPrice`))} />
                    {err(`lines.${i}.unitPrice`) && <p className="field__error">{err(`lines.${i}.unitPrice`)}</p>}
                    <MarginHint margin={marginOf?.(l, incoterm) ?? null} />
                    {err(`lines.${i}.quantity`) && <p className="field__error">{err(`lines.${i}.quantity`)}</p>}
                  </td>
                  <td className="num">{Number(l.unitPrice) ? money((Number(l.unitPrice) * Number(l.quantity)).toFixed(2), inquiry.currency) : '—'}</td>
                  <td><button type="button" className="btn btn--small btn--secondary" aria-expanded={open === i} onClick={() => setOpen(open === i ? null : i)}>{t('cost.title')}</button></td>
                </tr>
                {open === i && (
                  <tr className="workbench-row">
                    <td colSpan={6}>{workbench(l, (price, costSheetId) => setLine(i, { unitPrice: price, ...(costSheetId ? { costSheetId } : {}) }))}</td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
          <tfoot><tr><th scope="row" colSpan={4}>{t('pi.total')}</th><td className="num"><strong>{money(total.toFixed(2), inquiry.currency)}</strong></td><td /></tr></tfoot>
        </table>
      </div>
      <div className="grid-3">
        <SelectField label={t('rfq.incoterm')} name="incoterm" value={incoterm} onChange={(e) => setIncoterm(e.target.value)}>{incotermValues.map((i) => <option key={i}>{i}</option>)}</SelectField>
        <TextField label={t('rfq.namedPlace')} name="namedPlace" defaultValue={draft?.namedPlace ?? inquiry.namedPlace} error={err('namedPlace')} />
        <TextField label={t('pi.portOfLoading')} name="portOfLoadingCode" defaultValue={draft?.portOfLoading?.code ?? 'CNNGB'} maxLength={5} error={err('portOfLoadingCode')} />
        <SelectField label={t('rfq.paymentTerms')} name="preset" value={preset} onChange={(e) => setPreset(e.target.value)}>
          {Object.keys(presets).map((k) => <option key={k} value={k}>{t(`preset.${k}` as never)}</option>)}
        </SelectField>
        <TextField label={t('products.leadTimeDays')} name="leadTimeDays" type="number" defaultValue={draft?.leadTimeDays ?? leadTimeDays} error={err('leadTimeDays')} />
        <TextField label={t('pi.shipmentDate')} name="shipmentDate" type="date" defaultValue={draft?.shipmentDate ?? inquiry.requiredShipmentDate ?? ''} optional error={err('shipmentDate')} />
        <TextField label={t('pi.validUntil', { date: '' }).replace(/[:：]?\s*$/, '')} name="validUntil" type="date" defaultValue={draft?.validUntil ?? isoDate(validityDays)} min={isoDate(1)} error={err('validUntil')} />
        <TextField label={t('rfq.packing')} name="packing" defaultValue={draft?.packing ?? inquiry.packingRequirements ?? DEFAULT_PACKING} optional error={err('packing')} />
      </div>
      <label className="field"><span>{t('pi.notes')} <span className="field__optional">({t('common.optional')})</span></span><textarea name="notes" rows={2} defaultValue={draft?.notes ?? ''} /></label>
      {err('paymentTerms') && <p className="field__error">{err('paymentTerms')}</p>}
      <FormAlert message={Object.keys(errors).length ? t('common.fixFields') : error instanceof Error && !(error instanceof ApiError && error.fieldErrors.length) ? error.message : null} />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={saving}>{saving ? t('common.saving') : t('pi.saveDraft')}</button>
      </div>
    </form>
  );
}

/** The live margin under a price: green above the floor, red below it (then a manager must approve). */
function MarginHint({ margin }: { margin: { rate: number; floor: number } | null }) {
  const { t } = useI18n();
  if (!margin || !Number.isFinite(margin.rate)) return null;
  const below = margin.rate < margin.floor;
  return (
    <p className={`margin-hint ${below ? 'margin-hint--below' : ''}`} aria-live="polite">
      {t('pi.liveMargin', { rate: (margin.rate * 100).toFixed(1) })}
      {below && ` · ${t('pi.belowFloorBy', { floor: (margin.floor * 100).toFixed(1) })}`}
    </p>
  );
}
