import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { CounterOfferBody, incotermValues, type QuoteRevisionView } from '@portal/schemas';
import { FormAlert, validate } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useAcceptRevision, useChangeRequest, useCounterOffer, useDeclineRevision } from '../api/negotiation.ts';

type Mode = null | 'counter' | 'change' | 'decline';

/** What a buyer can do with the latest sent revision: accept it, counter, ask for changes, decline. */
export function BuyerActions({ inquiryId, quoteId, revision, contractLink }: { inquiryId: string; quoteId: string; revision: QuoteRevisionView; contractLink: (id: string) => string }) {
  const { t, money } = useI18n();
  const navigate = useNavigate();
  const accept = useAcceptRevision(inquiryId, quoteId);
  const decline = useDeclineRevision(inquiryId, quoteId);
  const counter = useCounterOffer(inquiryId);
  const change = useChangeRequest(inquiryId);
  const [mode, setMode] = useState<Mode>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [text, setText] = useState('');
  const [proposals, setProposals] = useState<Record<string, { price: string; qty: string; date: string }>>({});
  const [terms, setTerms] = useState('');
  const [incoterm, setIncoterm] = useState('');
  const err = (k: string) => errors[k];
  const fail = (e: unknown) => e instanceof ApiError && setErrors(e.byField());

  function submitCounter(e: FormEvent) {
    e.preventDefault();
    const lines = revision.lines
      .map((l) => ({ l, p: proposals[l.id] }))
      .filter(({ p }) => p && (p.price || p.qty || p.date))
      .map(({ l, p }) => ({ quoteLineId: l.id, ...(p!.price ? { proposedUnitPrice: p!.price } : {}), ...(p!.qty ? { proposedQuantity: p!.qty } : {}), ...(p!.date ? { proposedShipmentDate: p!.date } : {}) }));
    const body = {
      revisionNo: revision.revisionNo,
      lines,
      ...(terms.trim() ? { proposedPaymentTerms: terms.trim() } : {}),
      ...(incoterm ? { proposedIncoterm: incoterm as (typeof incotermValues)[number] } : {}),
      ...(text.trim() ? { message: text.trim() } : {}),
    };
    const result = validate(CounterOfferBody, body);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    counter.mutate(body, { onSuccess: () => { setMode(null); setProposals({}); setText(''); setTerms(''); setIncoterm(''); }, onError: fail });
  }

  const busy = accept.isPending || decline.isPending || counter.isPending || change.isPending;
  return (
    <div className="buyer-actions">
      <div className="form__actions">
        <button type="button" className="btn btn--primary" disabled={busy} onClick={() => window.confirm(t('neg.acceptConfirm', { total: money(revision.total.amount, revision.total.currency) })) && accept.mutate(revision.revisionNo, { onSuccess: (c) => navigate(contractLink(c.id)) })}>
          {t('neg.accept')}
        </button>
        <button type="button" className="btn btn--secondary" aria-expanded={mode === 'counter'} onClick={() => setMode(mode === 'counter' ? null : 'counter')}>{t('neg.counter')}</button>
        <button type="button" className="btn btn--secondary" aria-expanded={mode === 'change'} onClick={() => setMode(mode === 'change' ? null : 'change')}>{t('neg.askChanges')}</button>
        <button type="button" className="btn btn--danger" aria-expanded={mode === 'decline'} onClick={() => setMode(mode === 'decline' ? null : 'decline')}>{t('neg.decline')}</button>
      </div>
      <FormAlert message={accept.error?.message} />
      {mode === 'counter' && (
        <form className="card card--flat form" onSubmit={submitCounter} noValidate aria-label={t('neg.counter')}>
          <h3>{t('neg.counterTitle', { n: revision.revisionNo })}</h3>
          <div className="table-wrap">
            <table className="table table--dense table--inputs">
              <thead><tr><th scope="col">{t('rfq.product')}</th><th scope="col">{t('neg.yourPrice', { cur: revision.currency })}</th><th scope="col">{t('neg.yourQty')}</th><th scope="col">{t('neg.yourDate')}</th></tr></thead>
              <tbody>
                {revision.lines.map((l, i) => {
                  const p = proposals[l.id] ?? { price: '', qty: '', date: '' };
                  const set = (patch: Partial<typeof p>) => setProposals({ ...proposals, [l.id]: { ...p, ...patch } });
                  const idx = Object.keys(proposals).indexOf(l.id);
                  return (
                    <tr key={l.id}>
                      <td>{l.description}<br /><span className="muted small">{money(l.unitPrice.amount, l.unitPrice.currency, 4)} × {l.quantity} {l.unit}</span></td>
                      <td><input aria-label={`${t('neg.yourPrice', { cur: revision.currency })} ${i + 1}`} inputMode="decimal" value={p.price} onChange={(e) => set({ price: e.target.value.trim() })} aria-invalid={Boolean(err(`lines.${idx}.proposedUnitPrice`))} />{err(`lines.${idx}.proposedUnitPrice`) && <p className="field__error">{err(`lines.${idx}.proposedUnitPrice`)}</p>}</td>
                      <td><input aria-label={`${t('neg.yourQty')} ${i + 1}`} inputMode="decimal" value={p.qty} onChange={(e) => set({ qty: e.target.value.trim() })} aria-invalid={Boolean(err(`lines.${idx}.proposedQuantity`))} />{err(`lines.${idx}.proposedQuantity`) && <p className="field__error">{err(`lines.${idx}.proposedQuantity`)}</p>}</td>
                      <td><input aria-label={`${t('neg.yourDate')} ${i + 1}`} type="date" value={p.date} onChange={(e) => set({ date: e.target.value })} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="grid-2">
            <label className="field"><span>{t('neg.otherTerms')}</span><input value={terms} onChange={(e) => setTerms(e.target.value)} placeholder={t('rfq.paymentTermsExample')} /></label>
            <label className="field"><span>{t('neg.otherIncoterm', { current: `${revision.incoterm} ${revision.namedPlace}` })}</span>
              <select value={incoterm} onChange={(e) => setIncoterm(e.target.value)}>
                <option value="">—</option>
                {incotermValues.filter((i) => i !== revision.incoterm).map((i) => <option key={i}>{i}</option>)}
              </select>
            </label>
          </div>
          <label className="field"><span>{t('rfq.message')}</span><textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} /></label>
          {err('lines') && <p className="field__error" role="alert">{err('lines')}</p>}
          <FormAlert message={counter.error && !(counter.error instanceof ApiError && counter.error.fieldErrors.length) ? counter.error.message : null} />
          <button type="submit" className="btn btn--primary" disabled={busy}>{t('neg.sendCounter')}</button>
        </form>
      )}
      {(mode === 'change' || mode === 'decline') && (
        <form
          className="card card--flat form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return setErrors({ [mode === 'decline' ? 'reason' : 'body']: t('neg.required') });
            setErrors({});
            if (mode === 'decline') decline.mutate({ revisionNo: revision.revisionNo, reason: text.trim() }, { onSuccess: () => { setMode(null); setText(''); }, onError: fail });
            else change.mutate({ revisionNo: revision.revisionNo, body: text.trim() }, { onSuccess: () => { setMode(null); setText(''); }, onError: fail });
          }}
        >
          <label className="field">
            <span>{mode === 'decline' ? t('neg.declineReason') : t('neg.changesWanted')}</span>
            <textarea rows={3} maxLength={mode === 'decline' ? 1000 : 4000} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={Boolean(err('reason') ?? err('body'))} />
            {(err('reason') ?? err('body')) && <span className="field__error">{err('reason') ?? err('body')}</span>}
          </label>
          <FormAlert message={(mode === 'decline' ? decline.error : change.error)?.message} />
          <button type="submit" className={`btn ${mode === 'decline' ? 'btn--danger' : 'btn--primary'}`} disabled={busy}>{mode === 'decline' ? t('neg.decline') : t('neg.sendChanges')}</button>
        </form>
      )}
    </div>
  );
}
