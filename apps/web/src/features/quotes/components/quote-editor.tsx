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

export type EditorLine = {
  inquiryLineId?: string; productId?: string; costSheetId?: string; description: string; quantity: string; unit: string; unitPrice: string;
  notes?: string; shipmentDate?: string;
};
/** A catalog product the clerk adds as a line: it starts at its MOQ, priced from its cost sheet. */
export type PickedProduct = { id: string; sku: string; nameEn: string; unit: string; moq: string };

const presets: Record<string, PaymentInstalment[]> = {
  'TT-30-70': [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION', days: 0 }, { method: 'TT', percent: '70', trigger: 'BL_COPY', days: 0 }],
  'TT-100': [{ method: 'TT', percent: '100', trigger: 'BEFORE_SHIPMENT', days: 0 }],
  'LC-SIGHT': [{ method: 'LC', percent: '100', trigger: 'SIGHT', days: 0 }],
  'DP-SIGHT': [{ method: 'DP', percent: '100', trigger: 'SIGHT', days: 0 }],
  'OA-60': [{ method: 'OA', percent: '100', trigger: 'BL_DATE', days: 60 }],
  'DA-60': [{ method: 'DA', percent: '100', trigger: 'ACCEPTANCE', days: 60 }],
};
/** The buyer's preferred payment method (on the RFQ) as the terms a new PI starts from. */
const presetForMethod: Record<string, string> = { TT: 'TT-30-70', LC: 'LC-SIGHT', DP: 'DP-SIGHT', DA: 'DA-60', OA: 'OA-60' };
const CUSTOM = 'CUSTOM';

/** The preset a draft's payment terms were made from; terms no preset gives are kept as they are (CUSTOM). */
function presetOf(terms: QuoteRevisionView['paymentTerms']): string {
  const same = (a: readonly PaymentInstalment[]) =>
    a.length === terms.length && a.every((x, i) => x.method === terms[i]!.method && new Dec(x.percent).eq(terms[i]!.percent) && x.trigger === terms[i]!.trigger && (x.days ?? 0) === terms[i]!.days);
  return Object.keys(presets).find((k) => same(presets[k]!)) ?? CUSTOM;
}

/** A saved line as the editor holds it: everything the next save must send back (its sheet, notes, date). */
function editorLine(l: QuoteRevisionView['lines'][number], costSheetId: string | null | undefined): EditorLine {
  return {
    ...(l.inquiryLineId ? { inquiryLineId: l.inquiryLineId } : {}), ...(l.productId ? { productId: l.productId } : {}), ...(costSheetId ? { costSheetId } : {}),
    description: l.description, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice.amount,
    ...(l.notes ? { notes: l.notes } : {}), ...(l.shipmentDate ? { shipmentDate: l.shipmentDate } : {}),
  };
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
  /** The margin a line makes at its current price under this Incoterm, against its floor (see MarginHint). */
  renderMargin?: (line: EditorLine, incoterm: string, currency: string, lineNo: number) => ReactNode;
  /** Renders the costing workbench under a line; it calls back with the price to use. */
  workbench: (line: EditorLine, usePrice: (price: string, costSheetId: string | undefined) => void) => ReactNode;
  /** Renders a catalog product picker; a product picked becomes a new line. */
  productPicker?: (onPick: (product: PickedProduct) => void) => ReactNode;
  onSave: (body: QuoteDraftBody) => void;
};

/**
 * The clerk composes a pro-forma quote: lines priced from the workbench (quantities editable, catalog
 * and free lines added or removed), terms, validity. A new PI starts from the buyer's wishes on the
 * RFQ: its currency, Incoterm and place, port and payment method; a draft keeps its own.
 */
export function QuoteEditor({ inquiry, draft, leadTimeDays, validityDays = 30, saving, error, renderMargin, workbench, productPicker, onSave }: Props) {
  const { t, money } = useI18n();
  const today = calendarDate(new Date());
  const initialPreset = draft ? presetOf(draft.paymentTerms) : (presetForMethod[inquiry.preferredPaymentMethod ?? ''] ?? 'TT-30-70');
  const draftTerms = draft?.paymentTerms.map((p) => ({ method: p.method, percent: p.percent, trigger: p.trigger, days: p.days }));
  const currency = draft?.currency ?? inquiry.currency;
  const sheetOf = new Map(draft?.staff?.lines.map((l) => [l.lineId, l.costSheetId]) ?? []);
  const { control, register, handleSubmit, setValue, setError, formState: { errors } } = useSchemaForm(QuoteDraftBody, {
    defaultValues: {
      currency,
      incoterm: draft?.incoterm ?? inquiry.incoterm,
      namedPlace: draft?.namedPlace ?? inquiry.namedPlace,
      portOfLoadingCode: draft?.portOfLoading?.code ?? 'CNNGB',
      portOfDischargeCode: draft ? draft.portOfDischarge?.code : inquiry.destinationPort?.code,
      paymentTerms: initialPreset === CUSTOM ? draftTerms : presets[initialPreset],
      leadTimeDays: draft?.leadTimeDays ?? leadTimeDays,
      shipmentDate: draft?.shipmentDate ?? inquiry.requiredShipmentDate ?? undefined,
      packing: draft?.packing ?? inquiry.packingRequirements ?? DEFAULT_PACKING,
      validUntil: draft?.validUntil ?? addDays(today, validityDays),
      notes: draft?.notes ?? '',
      specialTerms: draft?.specialTerms ?? undefined,
      shippingMarks: draft?.shippingMarks ?? undefined,
      belowFloorReason: draft?.staff?.belowFloorReason ?? undefined,
      lines: draft
        ? draft.lines.map((l) => editorLine(l, sheetOf.get(l.id)))
        : inquiry.lines.map((l) => ({ inquiryLineId: l.id, ...(l.productId ? { productId: l.productId } : {}), description: l.description, quantity: l.quantity, unit: l.unit, unitPrice: '' })),
    },
  });
  const lineRows = useFieldArray({ control, name: 'lines' });
  const addLine = (line: EditorLine) => { lineRows.append(line); setOpen(null); };
  const [lines = [], incoterm] = useWatch({ control, name: ['lines', 'incoterm'] });
  const [open, setOpen] = useState<number | null>(lineRows.fields.length === 1 ? 0 : null);
  const [preset, setPreset] = useState(initialPreset);
  useEffect(() => showServerErrors(setError, error), [error, setError]);
  const err = (name: string) => fieldError(errors, name);

  // Amounts as the API will write them: each line rounded to the currency, the total their sum.
  const priced = lines.map((l) => UnitPriceString.safeParse(l.unitPrice).success && Quantity.safeParse(l.quantity).success);
  const { amounts, total } = quoteTotals(lines.map((l, i) => (priced[i] ? { quantity: l.quantity, unitPrice: l.unitPrice } : { quantity: '0', unitPrice: '0' })), currency);

  return (
    <form className="form stack" onSubmit={handleSubmit(onSave)} noValidate>
      <div className="table-wrap">
        <table className="table table--dense table--inputs table--stack">
          <thead><tr><th scope="col">#</th><th scope="col">{t('rfq.product')}</th><th scope="col">{t('catalog.quantity')}</th><th scope="col">{t('catalog.unitPrice')} ({currency})</th><th scope="col" className="num">{t('pi.amount')}</th><th scope="col"><span className="visually-hidden">{t('cost.title')}</span></th></tr></thead>
          <tbody>
            {lineRows.fields.map((row, i) => {
              const line = (lines[i] ?? row) as EditorLine;
              // A free line (tooling, samples) is written by the clerk; a catalog or RFQ line keeps its product's name and unit.
              const free = !row.productId && !row.inquiryLineId;
              return (
                <Fragment key={row.id}>
                  <tr>
                    <td data-label="#" className="cell--no">{i + 1}</td>
                    <td data-label={t('rfq.product')}>
                      {free ? (
                        <input aria-label={t('pi.descriptionOf', { n: i + 1 })} aria-invalid={Boolean(err(`lines.${i}.description`))} {...register(`lines.${i}.description`)} />
                      ) : row.description}
                      {err(`lines.${i}.description`) && <p className="field__error">{err(`lines.${i}.description`)}</p>}
                      <input className="input--note" aria-label={t('pi.lineNotes', { n: i + 1 })} placeholder={t('pi.lineNotesPlaceholder')} {...register(`lines.${i}.notes`, { setValueAs: blankAsUndefined })} />
                    </td>
                    <td data-label={t('catalog.quantity')}>
                      <span className="qty-input">
                        <input aria-label={t('pi.quantityOf', { n: i + 1 })} inputMode="decimal" aria-invalid={Boolean(err(`lines.${i}.quantity`))} {...register(`lines.${i}.quantity`, { setValueAs: (v: string) => v.trim() })} />
                        {free ? <input className="input--unit" aria-label={t('pi.unitOf', { n: i + 1 })} {...register(`lines.${i}.unit`)} /> : <span>{row.unit}</span>}
                      </span>
                      {err(`lines.${i}.quantity`) && <p className="field__error">{err(`lines.${i}.quantity`)}</p>}
                    </td>
                    <td data-label={t('catalog.unitPrice')}>
                      <input
                        aria-label={`${t('catalog.unitPrice')} ${i + 1}`} inputMode="decimal" aria-invalid={Boolean(err(`lines.${i}.unitPrice`))}
                        // A price typed by hand no longer comes from the cost sheet it was costed on.
                        {...register(`lines.${i}.unitPrice`, { setValueAs: (v: string) => v.trim(), onChange: () => setValue(`lines.${i}.costSheetId`, undefined) })}
                      />
                      {err(`lines.${i}.unitPrice`) && <p className="field__error">{err(`lines.${i}.unitPrice`)}</p>}
                      {renderMargin?.(line, incoterm, currency, i + 1)}
                      {err(`lines.${i}.productId`) && <p className="field__error">{err(`lines.${i}.productId`)}</p>}
                      {err(`lines.${i}.costSheetId`) && <p className="field__error">{err(`lines.${i}.costSheetId`)}</p>}
                    </td>
                    <td data-label={t('pi.amount')} className="num">{priced[i] ? money(amounts[i]!, currency) : '—'}</td>
                    <td className="cell--actions">
                      <button type="button" className="btn btn--small btn--secondary" aria-expanded={open === i} onClick={() => setOpen(open === i ? null : i)}>{t('cost.title')}</button>
                      {lineRows.fields.length > 1 && (
                        <button type="button" className="btn btn--small btn--danger" aria-label={t('pi.removeLine', { n: i + 1 })} title={t('pi.removeLine', { n: i + 1 })} onClick={() => { setOpen(null); lineRows.remove(i); }}>×</button>
                      )}
                    </td>
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
          <tfoot><tr><th scope="row" colSpan={4}>{t('pi.total')}</th><td className="num"><strong>{money(total, currency)}</strong></td><td /></tr></tfoot>
        </table>
      </div>
      {err('lines') && <p className="field__error">{err('lines')}</p>}
      <div className="editor-add">
        <button type="button" className="btn btn--secondary btn--small" onClick={() => addLine({ description: '', quantity: '1', unit: 'set', unitPrice: '' })}>{t('pi.addFree')}</button>
        {productPicker && (
          <details className="editor-add__picker">
            <summary className="btn btn--secondary btn--small">{t('pi.addProduct')}</summary>
            {productPicker((p) => addLine({ productId: p.id, description: p.nameEn, quantity: p.moq, unit: p.unit, unitPrice: '' }))}
          </details>
        )}
      </div>
      <div className="grid-3">
        <SelectField label={t('rfq.incoterm')} {...register('incoterm')}>{incotermValues.map((i) => <option key={i}>{i}</option>)}</SelectField>
        <TextField label={t('rfq.namedPlace')} error={err('namedPlace')} {...register('namedPlace')} />
        <TextField label={t('pi.portOfLoading')} maxLength={5} error={err('portOfLoadingCode')} {...register('portOfLoadingCode', { setValueAs: blankAsUndefined })} />
        <SelectField label={t('rfq.paymentTerms')} name="preset" value={preset} onChange={(e) => { setPreset(e.target.value); setValue('paymentTerms', e.target.value === CUSTOM ? draftTerms! : presets[e.target.value]!); }}>
          {draft && presetOf(draft.paymentTerms) === CUSTOM && <option value={CUSTOM}>{t('pi.customTerms', { text: draft.paymentTermsText })}</option>}
          {Object.keys(presets).map((k) => <option key={k} value={k}>{t(`preset.${k}` as never)}</option>)}
        </SelectField>
        <TextField label={t('products.leadTimeDays')} type="number" error={err('leadTimeDays')} {...register('leadTimeDays', { valueAsNumber: true })} />
        <TextField label={t('pi.shipmentDate')} type="date" optional error={err('shipmentDate')} {...register('shipmentDate', { setValueAs: blankAsUndefined })} />
        <TextField label={t('pi.validUntil', { date: '' }).replace(/[:：]?\s*$/, '')} type="date" min={addDays(today, 1)} error={err('validUntil')} {...register('validUntil')} />
        <TextField label={t('rfq.packing')} optional error={err('packing')} {...register('packing')} />
      </div>
      <TextAreaField label={t('pi.specialTerms')} hint={t('pi.specialTermsHint')} rows={2} optional error={err('specialTerms')} {...register('specialTerms', { setValueAs: blankAsUndefined })} />
      <TextAreaField label={t('pi.shippingMarks')} rows={2} optional error={err('shippingMarks')} {...register('shippingMarks', { setValueAs: blankAsUndefined })} />
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
export function MarginHint({ margin }: { margin: LiveMargin | null }) {
  const { t } = useI18n();
  if (!margin) return null;
  return (
    <p className={`margin-hint ${margin.below ? 'margin-hint--below' : ''}`} aria-live="polite">
      {t('pi.liveMargin', { rate: percentOf(margin.rate) })}
      {margin.below && ` · ${t('pi.belowFloorBy', { floor: percentOf(margin.floor) })}`}
    </p>
  );
}
