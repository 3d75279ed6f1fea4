import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useFieldArray } from 'react-hook-form';
import { z } from 'zod';
import { ChangeRequestBody, CounterOfferBody, CounterOfferLineInput, DeclineBody, Id, incotermValues, type QuoteRevisionView } from '@portal/schemas';
import { FormAlert, SelectField, TextAreaField, TextField, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useAcceptQuote } from '../api/accept-quote.ts';
import { useDeclineQuote } from '../api/decline-quote.ts';
import { useRequestChanges } from '../api/request-changes.ts';
import { useSendCounterOffer } from '../api/send-counter-offer.ts';

type Mode = null | 'counter' | 'change' | 'decline';

const blank = (v: unknown) => (v === '' ? undefined : v);
const line = CounterOfferLineInput.shape;

/**
 * The counter-offer as the form holds it: one row per line of the revision, most left empty; the
 * rows with a proposal become the contract's lines, and the contract checks the whole.
 */
const CounterOfferFields = z
  .object({
    revisionNo: z.number(),
    lines: z.array(
      z.object({
        quoteLineId: Id,
        proposedUnitPrice: z.preprocess(blank, line.proposedUnitPrice),
        proposedQuantity: z.preprocess(blank, line.proposedQuantity),
        proposedShipmentDate: z.preprocess(blank, line.proposedShipmentDate),
      }),
    ),
    proposedPaymentTerms: z.string(),
    proposedIncoterm: z.preprocess(blank, z.enum(incotermValues).optional()),
    message: z.string(),
  })
  .transform(({ lines, ...rest }): z.input<typeof CounterOfferBody> => ({ ...rest, lines: lines.filter((l) => l.proposedUnitPrice ?? l.proposedQuantity ?? l.proposedShipmentDate) }))
  .pipe(CounterOfferBody);

/** What a buyer can do with the latest sent revision: accept it, counter, ask for changes, decline. */
export function BuyerActions({ inquiryId, quoteId, revision, contractLink }: { inquiryId: string; quoteId: string; revision: QuoteRevisionView; contractLink: (id: string) => string }) {
  const { t, money } = useI18n();
  const navigate = useNavigate();
  const accept = useAcceptQuote(inquiryId, quoteId);
  const [mode, setMode] = useState<Mode>(null);
  const toggle = (next: Mode) => setMode(mode === next ? null : next);
  const closed = () => setMode(null);

  return (
    <div className="buyer-actions">
      <div className="form__actions">
        <button type="button" className="btn btn--primary" disabled={accept.isPending} onClick={() => window.confirm(t('neg.acceptConfirm', { total: money(revision.total.amount, revision.total.currency) })) && accept.mutate(revision.revisionNo, { onSuccess: (c) => navigate(contractLink(c.id)) })}>
          {t('neg.accept')}
        </button>
        <button type="button" className="btn btn--secondary" aria-expanded={mode === 'counter'} onClick={() => toggle('counter')}>{t('neg.counter')}</button>
        <button type="button" className="btn btn--secondary" aria-expanded={mode === 'change'} onClick={() => toggle('change')}>{t('neg.askChanges')}</button>
        <button type="button" className="btn btn--danger" aria-expanded={mode === 'decline'} onClick={() => toggle('decline')}>{t('neg.decline')}</button>
      </div>
      <FormAlert message={accept.error} />
      {mode === 'counter' && <CounterOfferForm inquiryId={inquiryId} revision={revision} onSent={closed} />}
      {mode === 'change' && <ChangeRequestForm inquiryId={inquiryId} revisionNo={revision.revisionNo} onSent={closed} />}
      {mode === 'decline' && <DeclineForm inquiryId={inquiryId} quoteId={quoteId} revisionNo={revision.revisionNo} onSent={closed} />}
    </div>
  );
}

/** Other prices, quantities or dates per line, other payment terms or another Incoterm, and a message. */
function CounterOfferForm({ inquiryId, revision, onSent }: { inquiryId: string; revision: QuoteRevisionView; onSent: () => void }) {
  const { t, money } = useI18n();
  const counter = useSendCounterOffer(inquiryId);
  const { control, register, handleSubmit, setError, formState: { errors } } = useSchemaForm(CounterOfferFields, {
    defaultValues: {
      revisionNo: revision.revisionNo,
      lines: revision.lines.map((l) => ({ quoteLineId: l.id, proposedUnitPrice: '', proposedQuantity: '', proposedShipmentDate: '' })),
      proposedPaymentTerms: '', proposedIncoterm: '', message: '',
    },
  });
  const rows = useFieldArray({ control, name: 'lines' });
  const submit = handleSubmit((body) => counter.mutate(body, { onSuccess: onSent, onError: (err) => showServerErrors(setError, err) }));
  const err = (name: string) => fieldError(errors, name);
  const yourPrice = t('neg.yourPrice', { cur: revision.currency });

  return (
    <form className="card card--flat form" onSubmit={submit} noValidate aria-label={t('neg.counter')}>
      <h3>{t('neg.counterTitle', { n: revision.revisionNo })}</h3>
      <div className="table-wrap">
        <table className="table table--dense table--inputs">
          <thead><tr><th scope="col">{t('rfq.product')}</th><th scope="col">{yourPrice}</th><th scope="col">{t('neg.yourQty')}</th><th scope="col">{t('neg.yourDate')}</th></tr></thead>
          <tbody>
            {rows.fields.map((row, i) => {
              const l = revision.lines[i]!;
              return (
                <tr key={row.id}>
                  <td>{l.description}<br /><span className="muted small">{money(l.unitPrice.amount, l.unitPrice.currency, 4)} × {l.quantity} {l.unit}</span></td>
                  <td><input aria-label={`${yourPrice} ${i + 1}`} inputMode="decimal" aria-invalid={Boolean(err(`lines.${i}.proposedUnitPrice`))} {...register(`lines.${i}.proposedUnitPrice`, { setValueAs: (v: string) => v.trim() })} />{err(`lines.${i}.proposedUnitPrice`) && <p className="field__error">{err(`lines.${i}.proposedUnitPrice`)}</p>}</td>
                  <td><input aria-label={`${t('neg.yourQty')} ${i + 1}`} inputMode="decimal" aria-invalid={Boolean(err(`lines.${i}.proposedQuantity`))} {...register(`lines.${i}.proposedQuantity`, { setValueAs: (v: string) => v.trim() })} />{err(`lines.${i}.proposedQuantity`) && <p className="field__error">{err(`lines.${i}.proposedQuantity`)}</p>}</td>
                  <td><input aria-label={`${t('neg.yourDate')} ${i + 1}`} type="date" aria-invalid={Boolean(err(`lines.${i}.proposedShipmentDate`))} {...register(`lines.${i}.proposedShipmentDate`)} />{err(`lines.${i}.proposedShipmentDate`) && <p className="field__error">{err(`lines.${i}.proposedShipmentDate`)}</p>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="grid-2">
        <TextField label={t('neg.otherTerms')} placeholder={t('rfq.paymentTermsExample')} error={err('proposedPaymentTerms')} {...register('proposedPaymentTerms')} />
        <SelectField label={t('neg.otherIncoterm', { current: `${revision.incoterm} ${revision.namedPlace}` })} error={err('proposedIncoterm')} {...register('proposedIncoterm')}>
          <option value="">—</option>
          {incotermValues.filter((i) => i !== revision.incoterm).map((i) => <option key={i}>{i}</option>)}
        </SelectField>
      </div>
      <TextAreaField label={t('rfq.message')} rows={2} error={err('message')} {...register('message')} />
      {err('lines') && <p className="field__error" role="alert">{err('lines')}</p>}
      <FormAlert message={requestError(counter.error)} />
      <button type="submit" className="btn btn--primary" disabled={counter.isPending}>{t('neg.sendCounter')}</button>
    </form>
  );
}

/** Changes asked for in words. */
function ChangeRequestForm({ inquiryId, revisionNo, onSent }: { inquiryId: string; revisionNo: number; onSent: () => void }) {
  const { t } = useI18n();
  const change = useRequestChanges(inquiryId);
  const { register, handleSubmit, setError, formState: { errors } } = useSchemaForm(ChangeRequestBody, { defaultValues: { revisionNo, body: '' }, messages: { body: t('neg.required') } });
  const submit = handleSubmit((body) => change.mutate(body, { onSuccess: onSent, onError: (err) => showServerErrors(setError, err) }));
  return (
    <form className="card card--flat form" noValidate onSubmit={submit}>
      <TextAreaField label={t('neg.changesWanted')} rows={3} maxLength={4000} error={fieldError(errors, 'body')} {...register('body')} />
      <FormAlert message={requestError(change.error)} />
      <button type="submit" className="btn btn--primary" disabled={change.isPending}>{t('neg.sendChanges')}</button>
    </form>
  );
}

/** Declining the revision, with the reason the exporter reads. */
function DeclineForm({ inquiryId, quoteId, revisionNo, onSent }: { inquiryId: string; quoteId: string; revisionNo: number; onSent: () => void }) {
  const { t } = useI18n();
  const decline = useDeclineQuote(inquiryId, quoteId, revisionNo);
  const { register, handleSubmit, setError, formState: { errors } } = useSchemaForm(DeclineBody, { defaultValues: { revisionNo, reason: '' }, messages: { reason: t('neg.required') } });
  const submit = handleSubmit((body) => decline.mutate(body, { onSuccess: onSent, onError: (err) => showServerErrors(setError, err) }));
  return (
    <form className="card card--flat form" noValidate onSubmit={submit}>
      <TextAreaField label={t('neg.declineReason')} rows={3} maxLength={1000} error={fieldError(errors, 'reason')} {...register('reason')} />
      <FormAlert message={requestError(decline.error)} />
      <button type="submit" className="btn btn--danger" disabled={decline.isPending}>{t('neg.decline')}</button>
    </form>
  );
}
