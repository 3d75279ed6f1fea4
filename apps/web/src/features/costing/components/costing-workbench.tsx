import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { CostingInput, CostingResult } from '@portal/schemas';
import { defaultTaxRates } from '@portal/domain/rebate';
import { FormAlert } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { fieldErrorText } from '../../../lib/errors.ts';
import { percent } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCalculateExportPrice } from '../api/calculate-export-price.ts';
import { useBuyingRates } from '../api/get-buying-rates.ts';
import { useCostSheets } from '../api/list-cost-sheets.ts';
import { useSaveCostSheet } from '../api/save-cost-sheet.ts';
import { PriceEvaluation } from './price-evaluation.tsx';

type Packing = { unitsPerCarton: number; cartonLengthCm: string; cartonWidthCm: string; cartonHeightCm: string; cartonGrossWeightKg: string };
type Props = {
  productId: string | null;
  /** Defaults the VAT and rebate rates when the product has no cost sheet yet. */
  hsCode?: string | null;
  name: string;
  quantity: string;
  quoteCurrency: string;
  packing: Packing | null;
  onUsePrice: (unitPrice: string, costSheetId: string | undefined) => void;
};

type Fields = Record<string, string>;

const defaults: Fields = {
  costCurrency: 'CNY', purchaseCostInclVat: '', vatRate: '0.13', rebateRate: '0.13', domesticExpensesFixed: '3000', domesticExpensesPerUnit: '0',
  freightMode: 'FCL', containerType: '40HQ', freightPerContainer: '2400', freightCurrency: 'USD', lclRatePerWm: '60', lclSurchargeRate: '0.15',
  insuranceCoverRate: '1.10', insurancePremiumRate: '0.003', commissionRate: '0', bankChargesRate: '0.002', profitBasis: 'SHARE_OF_PRICE', profitRate: '0.10', exchangeRate: '7.1050',
};

/** A workbench field keeps what was typed, without surrounding spaces. */
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
// A sheet costed without freight keeps the workbench's freight and insurance defaults, so CFR/CIF can be costed.
const freightKeys = ['freightMode', 'containerType', 'freightPerContainer', 'freightCurrency', 'lclRatePerWm', 'lclSurchargeRate', 'insuranceCoverRate', 'insurancePremiumRate'];

/** The export costing workbench (出口报价核算) for one line: inputs → build-up, FOB/CFR/CIF, indicators. */
export function CostingWorkbench({ productId, hsCode, name, quantity, quoteCurrency, packing, onUsePrice }: Props) {
  const { t, money, number } = useI18n();
  const sheets = useCostSheets(productId);
  const calc = useCalculateExportPrice();
  const save = useSaveCostSheet();
  const latest = sheets.data?.[0];
  const rates = useBuyingRates();
  const todaysRate = rates.data?.find((r) => r.base === quoteCurrency)?.rate;
  const taxDefaults = defaultTaxRates(hsCode);
  const { register, reset, getValues, control } = useForm<Fields>({
    defaultValues: { ...defaults, freightCurrency: quoteCurrency, vatRate: taxDefaults.vatRate, rebateRate: taxDefaults.rebateRate },
  });
  const fields = useWatch({ control }) as Fields;
  const [savedId, setSavedId] = useState<string | undefined>();
  // The sheet saved for exactly these inputs; a price used from it cites it on the quote line.
  const [loadedInput, setLoadedInput] = useState<string | null>(null);

  useEffect(() => {
    if (!latest) return;
    const input = latest.input as Record<string, unknown>;
    const keep = input.freightMode === 'NONE' || !input.freightMode ? freightKeys : [];
    const next = { ...getValues(), ...(Object.fromEntries(Object.entries(input).filter(([k, v]) => typeof v === 'string' && !keep.includes(k))) as Fields) };
    // A sheet made for another currency: today's buying rate for this one, and freight in it.
    if (input.quoteCurrency !== quoteCurrency) {
      if (todaysRate) next.exchangeRate = todaysRate;
      if (next.freightCurrency !== next.costCurrency) next.freightCurrency = quoteCurrency;
    }
    reset(next);
    setSavedId(undefined);
    setLoadedInput(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [latest?.id, todaysRate]);

  const input = useMemo<CostingInput>(() => {
    const f = fields;
    const fcl = f.freightMode === 'FCL';
    const lcl = f.freightMode === 'LCL';
    return {
      costCurrency: f.costCurrency!, quoteCurrency, purchaseCostInclVat: f.purchaseCostInclVat!, vatRate: f.vatRate!, rebateRate: f.rebateRate!,
      domesticExpensesFixed: f.domesticExpensesFixed!, domesticExpensesPerUnit: f.domesticExpensesPerUnit!, quantity,
      ...(packing && f.freightMode !== 'NONE' ? { packing } : {}),
      freightMode: f.freightMode as 'FCL',
      ...(fcl ? { containerType: f.containerType as '40HQ', freightPerContainer: f.freightPerContainer!, freightCurrency: f.freightCurrency! } : {}),
      ...(lcl ? { lclRatePerWm: f.lclRatePerWm!, lclSurchargeRate: f.lclSurchargeRate!, freightCurrency: f.freightCurrency! } : {}),
      insuranceCoverRate: f.insuranceCoverRate!, ...(f.insurancePremiumRate ? { insurancePremiumRate: f.insurancePremiumRate } : {}),
      commissionRate: f.commissionRate!, bankChargesRate: f.bankChargesRate!, profitBasis: f.profitBasis as 'SHARE_OF_PRICE', profitRate: f.profitRate!, exchangeRate: f.exchangeRate!,
    };
  }, [fields, quantity, quoteCurrency, packing]);

  // Recalculate as the clerk types (the function is fast; ~30 ms for a whole quote).
  const current = JSON.stringify(input);
  useEffect(() => {
    if (!fields.purchaseCostInclVat) return;
    const id = setTimeout(() => calc.mutate(input), 250);
    return () => clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  const fieldErrors = calc.error instanceof ApiError ? calc.error.byField() : {};
  // Errors on inputs the workbench shows appear beside them; any other goes into the alert.
  const shown = new Set(['purchaseCostInclVat', 'vatRate', 'rebateRate', 'domesticExpensesFixed', 'domesticExpensesPerUnit', 'exchangeRate', 'freightPerContainer', 'lclRatePerWm', 'lclSurchargeRate', 'insuranceCoverRate', 'insurancePremiumRate', 'profitRate', 'commissionRate', 'bankChargesRate']);
  const savedForThese = savedId && loadedInput === current ? savedId : undefined;

  /** Saves the inputs as the next version of the product's cost sheet, unless already saved. */
  async function saveSheet(): Promise<string> {
    if (savedForThese) return savedForThese;
    const sheet = await save.mutateAsync({ ...(latest ? { seriesId: latest.seriesId } : {}), name, ...(productId ? { productId } : {}), input });
    setSavedId(sheet.id);
    setLoadedInput(current);
    return sheet.id;
  }

  async function usePrice(unitPrice: string) {
    try {
      onUsePrice(unitPrice, await saveSheet());
    } catch {
      /* save.error is shown below */
    }
  }
  const input$ = (k: string, label: string, hint?: string) => (
    <label className="field field--compact">
      <span>{label}</span>
      <input inputMode="decimal" aria-invalid={Boolean(fieldErrors[k])} title={hint} {...register(k, { setValueAs: trimmed })} />
      {fieldErrors[k] && <span className="field__error">{fieldErrorText(fieldErrors[k], undefined, t)}</span>}
    </label>
  );
  const r: CostingResult | undefined = calc.data;

  return (
    <div className="workbench">
      <div className="workbench__inputs">
        <fieldset>
          <legend>{t('cost.cost')}</legend>
          {input$('purchaseCostInclVat', t('cost.purchase'))}
          {input$('vatRate', t('cost.vat'))}
          {input$('rebateRate', t('cost.rebate'))}
          {input$('domesticExpensesFixed', t('cost.domFixed'))}
          {input$('domesticExpensesPerUnit', t('cost.domUnit'))}
          {input$('exchangeRate', t('cost.rate', { cur: quoteCurrency }))}
        </fieldset>
        <fieldset>
          <legend>{t('cost.freight')}</legend>
          <label className="field field--compact"><span>{t('cost.mode')}</span>
            <select {...register('freightMode')}><option value="FCL">FCL</option><option value="LCL">LCL (W/M)</option><option value="NONE">{t('cost.noFreight')}</option></select>
          </label>
          {fields.freightMode !== 'NONE' && (
            <label className="field field--compact"><span>{t('cost.freightCurrency')}</span>
              <select {...register('freightCurrency')}>
                {[...new Set([quoteCurrency, fields.costCurrency ?? 'CNY'])].map((c) => <option key={c}>{c}</option>)}
              </select>
            </label>
          )}
          {fields.freightMode === 'FCL' && (
            <>
              <label className="field field--compact"><span>{t('cost.container')}</span>
                <select {...register('containerType')}><option>20GP</option><option>40GP</option><option>40HQ</option></select>
              </label>
              {input$('freightPerContainer', t('cost.perContainer', { cur: fields.freightCurrency ?? '' }))}
            </>
          )}
          {fields.freightMode === 'LCL' && (<>{input$('lclRatePerWm', t('cost.perWm', { cur: fields.freightCurrency ?? '' }))}{input$('lclSurchargeRate', t('cost.surcharge'))}</>)}
          {input$('insuranceCoverRate', t('cost.cover'))}
          {input$('insurancePremiumRate', t('cost.premium'))}
        </fieldset>
        <fieldset>
          <legend>{t('cost.margin')}</legend>
          <label className="field field--compact"><span>{t('cost.basis')}</span>
            <select {...register('profitBasis')}><option value="SHARE_OF_PRICE">{t('cost.shareOfPrice')}</option><option value="MARKUP_ON_COST">{t('cost.markup')}</option></select>
          </label>
          {input$('profitRate', t('cost.profit'))}
          {input$('commissionRate', t('cost.commission'))}
          {input$('bankChargesRate', t('cost.bank'))}
        </fieldset>
      </div>
      <p className="muted small">
        {t('cost.ratesHint')} {!latest && hsCode && (taxDefaults.matched ? t('cost.hsDefault', { hs: hsCode }) : t('cost.hsUnknown', { hs: hsCode }))} {!packing && t('cost.noPacking')}
      </p>
      {calc.error && <FormAlert message={Object.keys(fieldErrors).every((k) => shown.has(k)) && Object.keys(fieldErrors).length ? null : calc.error} />}
      {r && (
        <div className="workbench__result">
          <table className="table table--dense">
            <caption>{t('cost.buildUp', { cur: r.costCurrency })}</caption>
            <tbody>
              <tr><th scope="row">{t('cost.purchase')}</th><td className="num">{number(r.costs.purchaseCostInclVat, 4)}</td></tr>
              <tr><th scope="row">− {t('cost.rebateIncome')}</th><td className="num">{number(r.costs.rebateIncome, 4)}</td></tr>
              <tr><th scope="row">= {t('cost.actual')}</th><td className="num">{number(r.costs.actualCost, 4)}</td></tr>
              <tr><th scope="row">+ {t('cost.domestic')}</th><td className="num">{number(r.costs.domesticExpensesPerUnit, 4)}</td></tr>
              {r.costs.freightPerUnit && <tr><th scope="row">{t('cost.freightUnit')}</th><td className="num">{number(r.costs.freightPerUnit, 4)}</td></tr>}
            </tbody>
          </table>
          {r.freight && (
            <p className="small">
              {r.freight.fcl
                ? t('cost.fclSummary', { cartons: number(r.freight.cartons), per: number(r.freight.fcl.cartonsPerContainer), n: r.freight.fcl.containers, type: r.freight.fcl.containerType, limit: t(`cost.${r.freight.fcl.limitedBy}`) })
                : r.freight.lcl && t('cost.lclSummary', { wm: r.freight.lcl.chargeableWm, by: t(`cost.${r.freight.lcl.chargedBy}`) })}
            </p>
          )}
          <table className="table table--dense table--stack">
            <caption>{t('cost.prices', { cur: r.quoteCurrency, qty: number(r.quantity) })}</caption>
            <thead><tr><th scope="col">{t('catalog.incoterm')}</th><th scope="col" className="num">{t('catalog.unitPrice')}</th><th scope="col" className="num">{t('pi.amount')}</th><th scope="col" className="num">{t('cost.profitUnit', { cur: r.costCurrency })}</th><th scope="col"><span className="visually-hidden">{t('cost.use')}</span></th></tr></thead>
            <tbody>
              {(['FOB', 'CFR', 'CIF'] as const).map((term) => {
                const p = r.prices[term];
                if (!p) return null;
                return (
                  <tr key={term}>
                    <td className="cell--title">{term}</td>
                    <td className="num" data-label={t('catalog.unitPrice')}><strong>{money(p.unitPrice, r.quoteCurrency, 4)}</strong></td>
                    <td className="num" data-label={t('pi.amount')}>{money(p.amount, r.quoteCurrency)}</td>
                    <td className="num" data-label={t('cost.profitUnit', { cur: r.costCurrency })}>{number(p.profit, 4)}</td>
                    <td><button type="button" className="btn btn--small btn--secondary" disabled={save.isPending} onClick={() => void usePrice(p.unitPrice)}>{t('cost.use')}</button></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <dl className="details details--compact">
            <dt>{t('cost.fxCost')}</dt><dd>{r.indicators.fxCostOfExport ?? '—'} {r.costCurrency}/{r.quoteCurrency}</dd>
            <dt>{t('cost.profitLoss')}</dt><dd>{money(r.indicators.profitLoss, r.costCurrency)}</dd>
            <dt>{t('cost.profitLossRate')}</dt><dd>{percent(r.indicators.profitLossRate, 2)}</dd>
          </dl>
          <div className="form__actions">
            <button type="button" className="btn btn--secondary btn--small" disabled={save.isPending || Boolean(savedForThese)} onClick={() => void saveSheet().catch(() => {})}>
              {t('cost.save')}
            </button>
            {savedForThese && save.data && <span className="muted small">{t('cost.savedAs', { v: String(save.data.version) })}</span>}
          </div>
          <FormAlert message={save.error} />
          <PriceEvaluation input={input} onUsePrice={(price) => void usePrice(price)} />
        </div>
      )}
    </div>
  );
}
