import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { Quantity, QuoteDraftBody, UnitPriceString, incotermValues, type InquiryDetail, type PaymentInstalment, type QuoteRevisionView } from '@portal/schemas';
import { Dec, addDays, calendarDate, quoteTotals } from '@portal/domain';
import { FormAlert, SelectField, TextAreaField, TextField, blankAsUndefined, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { percentOf } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { LiveMargin } from '../utils/live-margin.ts';

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

/** The preset a draft's payment terms were made from, so editing the draft keeps them. */
function presetOf(terms: QuoteRevisionView['paymentTerms'] | undefined): string {
  const same = (a: readonly PaymentInstalment[]) =>
    a.length === terms?.length && a.every((x, i) => x.method === terms[i]!.method && new Dec(x.percent).eq(terms[i]!.percent) && x.trigger === terms[i]!.trigger && (x.days ?? 0) === terms[i]!.days);
  return Object.keys(presets).find((k) => same(presets[k]!)) ?? 'TT-30-70';
}

type Props = {
  inquiry: InquiryDetail;
  draft?: QuoteRevisionView;
  leadTimeDays: number;
  /** Default validity of a new quote, from the business settings. */
  validityDays?: number;
  saving: boolean;
  /** The failed save, if any: its field errors are shown beside the fields. */
  error: unknown;
  /** The margin a line would make at its current price under this Incoterm, against its floor; null when no cost is known. */
  marginOf?: (line: EditorLine, incoterm: string) => LiveMargin | null;
  /** Renders the costing workbench under a line; it calls back with the price to use. */
  workbench: (line: EditorLine, usePrice: (price: string, costSheetId: string | undefined) => void) => ReactNode;
  onSave: (body: QuoteDraftBody) => void;
};

/** The clerk composes a pro-forma quote: lines priced from the workbench, terms, validity. */
export function QuoteEditor({ inquiry, draft, leadTimeDays, validityDays = 30, saving, error, marginOf, workbench, onSave }: Props) {
  const { t, money } = useI18n();
  const today = calendarDate(new Date());
  const initialPreset = draft ? presetOf(draft.paymentTerms) : 'TT-30-70';
  const { control, register, handleSubmit, setValue, setError, formState: { errors } } = useSchemaForm(QuoteDraftBody, {
    defaultValues: {
      currency: inquiry.currency,
      incoterm: draft?.incoterm ?? inquiry.incoterm,
      namedPlace: draft?.namedPlace ?? inquiry.namedPlace,
      portOfLoadingCode: draft?.portOfLoading?.code ?? 'CNNGB',
      portOfDischargeCode: inquiry.destinationPort?.code,
      paymentTerms: presets[initialPreset],
      leadTimeDays: draft?.leadTimeDays ?? leadTimeDays,
      shipmentDate: draft?.shipmentDate ?? inquiry.requiredShipmentDate ?? undefined,
      packing: draft?.packing ?? inquiry.packingRequirements ?? DEFAULT_PACKING,
      validUntil: draft?.validUntil ?? addDays(today, validityDays),
      notes: draft?.notes ?? '',
      belowFloorReason: draft?.staff?.belowFloorReason ?? undefined,
      lines: draft
        ? draft.lines.map((l) => ({ ...(l.inquiryLineId ? { inquiryLineId: l.inquiryLineId } : {}), ...(l.productId ? { productId: l.productId } : {}), description: l.description, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice.amount }))
        : inquiry.lines.map((l) => ({ inquiryLineId: l.id, ...(l.productId ? { productId: l.productId } : {}), description: l.description, quantity: l.quantity, unit: l.unit, unitPrice: '' })),
    },
  });
  const lineRows = useFieldArray({ control, name: 'lines' });
  const [lines = [], incoterm] = useWatch({ control, name: ['lines', 'incoterm'] });
  const [open, setOpen] = useState<number | null>(lineRows.fields.length === 1 ? 0 : null);
  const [preset, setPreset] = useState(initialPreset);
  useEffect(() => showServerErrors(setError, error), [error, setError]);
  const err = (name: string) => fieldError(errors, name);

  // Amounts as the API will write them: each line rounded to the currency, the total their sum.
  const priced = lines.map((l) => UnitPriceString.safeParse(l.unitPrice).success && Quantity.safeParse(l.quantity).success);
  const { amounts, total } = quoteTotals(lines.map((l, i) => (priced[i] ? { quantity: l.quantity, unitPrice: l.unitPrice } : { quantity: '0', unitPrice: '0' })), inquiry.currency);

  return (
    <form className="form stack" onSubmit={handleSubmit(onSave)} noValidate>
      <div className="table-wrap">
        <table className="table table--dense table--inputs">
          <thead><tr><th scope="col">#</th><th scope="col">{t('rfq.product')}</th><th scope="col" className="num">{t('catalog.quantity')}</th><th scope="col">{t('catalog.unitPrice')} ({inquiry.currency})</th><th scope="col" className="num">{t('pi.amount')}</th><th scope="col"><span className="visually-hidden">{t('cost.title')}</span></th></tr></thead>
          <tbody>
            {lineRows.fields.map((row, i) => {
              const line = (lines[i] ?? row) as EditorLine;
              return (
                <Fragment key={row.id}>
                  <tr>
                    <td>{i + 1}</td>
                    <td>{row.description}</td>
                    <td className="num">{row.quantity} {row.unit}</td>
                    <td>
                      <input
                        aria-label={`${t('catalog.unitPrice')} ${i + 1}`} inputMode="decimal" aria-invalid={Boolean(err(`lines.${i}.unitPrice`))}
                        // A price typed by hand no longer comes from the cost sheet it was costed on.
                        {...register(`lines.${i}.unitPrice`, { setValueAs: (v: string) => v.trim(), onChange: () => setValue(`lines.${i}.costSheetId`, undefined) })}
                      />
                      {err(`lines.${i}.unitPrice`) && <p className="field__error">{err(`lines.${i}.unitPrice`)}</p>}
                      <MarginHint margin={marginOf?.(line, incoterm) ?? null} />
                      {err(`lines.${i}.quantity`) && <p className="field__error">{err(`lines.${i}.quantity`)}</p>}
                      {err(`lines.${i}.costSheetId`) && <p className="field__error">{err(`lines.${i}.costSheetId`)}</p>}
                    </td>
                    <td className="num">{priced[i] ? money(amounts[i]!, inquiry.currency) : '—'}</td>
                    <td><button type="button" className="btn btn--small btn--secondary" aria-expanded={open === i} onClick={() => setOpen(open === i ? null : i)}>{t('cost.title')}</button></td>
                  </tr>
                  {open === i && (
                    <tr className="workbench-row">
                      <td colSpan={6}>
                        {workbench(line, (price, costSheetId) => {
                          setValue(`lines.${i}.unitPrice`, price, { shouldValidate: Boolean(errors.lines) });
                          setValue(`lines.${i}.costSheetId`, costSheetId);
                        })}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
          <tfoot><tr><th scope="row" colSpan={4}>{t('pi.total')}</th><td className="num"><strong>{money(total, inquiry.currency)}</strong></td><td /></tr></tfoot>
        </table>
      </div>
      <div className="grid-3">
        <SelectField label={t('rfq.incoterm')} {...register('incoterm')}>{incotermValues.map((i) => <option key={i}>{i}</option>)}</SelectField>
        <TextField label={t('rfq.namedPlace')} error={err('namedPlace')} {...register('namedPlace')} />
        <TextField label={t('pi.portOfLoading')} maxLength={5} error={err('portOfLoadingCode')} {...register('portOfLoadingCode', { setValueAs: blankAsUndefined })} />
        <SelectField label={t('rfq.paymentTerms')} name="preset" value={preset} onChange={(e) => { setPreset(e.target.value); setValue('paymentTerms', presets[e.target.value]!); }}>
          {Object.keys(presets).map((k) => <option key={k} value={k}>{t(`preset.${k}` as never)}</option>)}
        </SelectField>
        <TextField label={t('products.leadTimeDays')} type="number" error={err('leadTimeDays')} {...register('leadTimeDays', { valueAsNumber: true })} />
        <TextField label={t('pi.shipmentDate')} type="date" optional error={err('shipmentDate')} {...register('shipmentDate', { setValueAs: blankAsUndefined })} />
        <TextField label={t('pi.validUntil', { date: '' }).replace(/[:：]?\s*$/, '')} type="date" min={addDays(today, 1)} error={err('validUntil')} {...register('validUntil')} />
        <TextField label={t('rfq.packing')} optional error={err('packing')} {...register('packing')} />
      </div>
      <TextAreaField label={t('pi.notes')} rows={2} optional error={err('notes')} {...register('notes')} />
      <TextAreaField label={t('pi.belowFloorReason')} hint={t('pi.belowFloorReasonHint')} rows={2} optional error={err('belowFloorReason')} {...register('belowFloorReason', { setValueAs: blankAsUndefined })} />
      {err('paymentTerms') && <p className="field__error">{err('paymentTerms')}</p>}
      <FormAlert message={Object.keys(errors).length ? t('common.fixFields') : requestError(error)} />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={saving}>{saving ? t('common.saving') : t('pi.saveDraft')}</button>
      </div>
    </form>
  );
}

/** The live margin under a price: green above the floor, red below it (then a manager must approve). */
function MarginHint({ margin }: { margin: LiveMargin | null }) {
  const { t } = useI18n();
  if (!margin) return null;
  return (
    <p className={`margin-hint ${margin.below ? 'margin-hint--below' : ''}`} aria-live="polite">
      {t('pi.liveMargin', { rate: percentOf(margin.rate) })}
      {margin.below && ` · ${t('pi.belowFloorBy', { floor: percentOf(margin.floor) })}`}
    </p>
  );
}
