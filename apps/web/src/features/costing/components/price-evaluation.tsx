import { useId, useState, type KeyboardEvent } from 'react';
import type { CostingEvaluationInput, CostingInput } from '@portal/schemas';
import { FormAlert } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { fieldErrorText } from '../../../lib/errors.ts';
import { percent } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useEvaluateExportPrice } from '../api/evaluate-export-price.ts';

type Term = CostingEvaluationInput['term'];

/**
 * The workbench's "evaluate a given price" mode (还价核算): a term and a unit price (the buyer's
 * counter, or a price to try) with the workbench's costs → net FX income, FX cost of export,
 * profit/loss and its rate, the profit rate the price leaves, and the purchase cost that would
 * allow the price at a target profit. Costed by the API's /costing/evaluate (the domain's
 * evaluateExportPrice), the function the thread's counter costing uses.
 */
export function PriceEvaluation({ input, initialTerm = 'FOB', onUsePrice }: { input: CostingInput; initialTerm?: Term; onUsePrice?: (unitPrice: string) => void }) {
  const { t, money, number } = useI18n();
  const evaluate = useEvaluateExportPrice();
  const id = useId();
  const [term, setTerm] = useState<Term>(initialTerm);
  const [unitPrice, setUnitPrice] = useState('');
  const [target, setTarget] = useState(input.profitRate);
  const errors = evaluate.error instanceof ApiError ? evaluate.error.byField() : {};

  // Not a <form>: the workbench sits inside the quote editor's form; Enter evaluates instead of saving the draft.
  const onEnter = (e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); submit(); } };
  function submit() {
    if (!unitPrice) return;
    const { profitBasis, profitRate: _rate, ...costs } = input;
    evaluate.mutate({ ...costs, term, unitPrice, ...(target ? { targetProfitBasis: profitBasis, targetProfitRate: target } : {}) });
  }
  const r = evaluate.data;
  const err = (k: string) => errors[k] && <span className="field__error">{fieldErrorText(errors[k], undefined, t)}</span>;

  return (
    <section className="workbench__evaluate stack" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('cost.eval.title')}</h4>
      <div className="workbench__eval-inputs">
        <label className="field field--compact"><span>{t('cost.eval.term')}</span>
          <select value={term} onChange={(e) => setTerm(e.target.value as Term)}>{(['FOB', 'CFR', 'CIF', 'FCA', 'CPT', 'CIP'] as const).map((x) => <option key={x}>{x}</option>)}</select>
        </label>
        <label className="field field--compact"><span>{t('cost.eval.price', { cur: input.quoteCurrency })}</span>
          <input inputMode="decimal" value={unitPrice} onKeyDown={onEnter} aria-invalid={Boolean(errors.unitPrice)} onChange={(e) => setUnitPrice(e.target.value.trim())} />
          {err('unitPrice')}
        </label>
        <label className="field field--compact"><span>{t('cost.eval.target')}</span>
          <input inputMode="decimal" value={target} onKeyDown={onEnter} aria-invalid={Boolean(errors.targetProfitRate)} onChange={(e) => setTarget(e.target.value.trim())} />
          {err('targetProfitRate')}
        </label>
        <div className="form__actions"><button type="button" className="btn btn--secondary btn--small" onClick={submit} disabled={evaluate.isPending || !unitPrice}>{t('cost.eval.run')}</button></div>
      </div>
      <FormAlert message={evaluate.error && !errors.unitPrice && !errors.targetProfitRate ? evaluate.error : null} />
      {r && (
        <dl className="details details--compact" aria-live="polite">
          <dt>{t('cost.eval.netFx')}</dt><dd>{money(r.indicators.netFxIncome, r.quoteCurrency)} · {t('cost.eval.netFxUnit', { amount: money(r.indicators.netFxIncomePerUnit, r.quoteCurrency, 4) })}</dd>
          <dt>{t('cost.fxCost')}</dt><dd>{r.indicators.fxCostOfExport ?? '—'} {r.costCurrency}/{r.quoteCurrency}</dd>
          <dt>{t('cost.profitLoss')}</dt><dd className={r.indicators.profitLoss.startsWith('-') ? 'text-bad' : undefined}>{money(r.indicators.profitLoss, r.costCurrency)}</dd>
          <dt>{t('cost.profitLossRate')}</dt><dd>{percent(r.indicators.profitLossRate, 2)}</dd>
          <dt>{t('cost.eval.profitRate')}</dt><dd>{percent(r.indicators.profitRateOfPrice, 2)}{r.indicators.profitMarkupOnCost && ` · ${t('cost.eval.markup')} ${percent(r.indicators.profitMarkupOnCost, 2)}`}</dd>
          {r.target && (
            <>
              <dt>{r.target.purchaseCostInclVat ? t('cost.eval.targetCost', { rate: percent(r.target.profitRate, 2) }) : t('cost.eval.targetNone', { rate: percent(r.target.profitRate, 2) })}</dt>
              <dd>{r.target.purchaseCostInclVat ? <>{money(r.target.purchaseCostInclVat, r.costCurrency, 4)}{r.target.reduction && ` (${t('cost.eval.reduction', { amount: number(r.target.reduction, 4) })})`}</> : '—'}</dd>
            </>
          )}
          <dt>{t('cost.eval.equivalents')}</dt>
          <dd>{(['FOB', 'CFR', 'CIF'] as const).filter((x) => x !== r.term && r.equivalents[x]).map((x) => `${x} ${money(r.equivalents[x]!, r.quoteCurrency, 4)}`).join(' · ') || '—'}</dd>
        </dl>
      )}
      {r && onUsePrice && <div className="form__actions"><button type="button" className="btn btn--small btn--secondary" onClick={() => onUsePrice(r.unitPrice)}>{t('cost.use')}</button></div>}
    </section>
  );
}
