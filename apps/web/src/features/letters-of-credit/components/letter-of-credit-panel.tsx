import { useState, type ChangeEvent, type FormEvent } from 'react';
import { RecordLetterOfCreditBody, type SalesContractView } from '@portal/schemas';
import { FormAlert, TextField, validate } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useRecordLetterOfCredit, useReviewLetterOfCredit } from '../api/contracts.ts';

type Lc = NonNullable<SalesContractView['lc']>;
type Draft = Record<'number' | 'issuingBank' | 'issuingBankBic' | 'issueDate' | 'expiryDate' | 'latestShipmentDate' | 'presentationDays' | 'amount' | 'currency', string>;

const draftOf = (lc: Lc, c: SalesContractView): Draft => ({
  number: lc.number ?? '', issuingBank: lc.issuingBank ?? '', issuingBankBic: lc.issuingBankBic ?? '', issueDate: lc.issueDate ?? '', expiryDate: lc.expiryDate ?? '',
  latestShipmentDate: lc.latestShipmentDate ?? c.latestShipmentDate, presentationDays: String(lc.presentationDays ?? 21),
  amount: lc.amount?.amount ?? lc.requiredAmount.amount, currency: lc.amount?.currency ?? c.currency,
});

/**
 * The letter of credit of an L/C contract: the buyer records it (again, after an amendment request);
 * staff see it with the discrepancies against the contract and accept it or ask for an amendment.
 */
export function LetterOfCreditPanel({ contract: c, side }: { contract: SalesContractView; side: 'buyer' | 'reviewer' | 'reader' }) {
  const { t, money, date, dateTime } = useI18n();
  /** A discrepancy in the reader's language, dates and amounts formatted for them. */
  const discrepancyText = (x: Lc['discrepancies'][number]) => {
    const p = x.params;
    const day = (k: string) => date(String(p[k]));
    const cur = String(p.currency ?? '');
    switch (x.code) {
      case 'CURRENCY': return t('lc.d.CURRENCY', { credit: String(p.credit), contract: String(p.contract) });
      case 'AMOUNT_SHORT': return t('lc.d.AMOUNT_SHORT', { amount: money(String(p.amount), cur), share: money(String(p.share), cur) });
      case 'EXPIRES_BEFORE_SHIPMENT': return t('lc.d.EXPIRES_BEFORE_SHIPMENT', { expiry: day('expiry'), shipment: day('shipment') });
      case 'EXPIRES_BEFORE_PRESENTATION': return t('lc.d.EXPIRES_BEFORE_PRESENTATION', { expiry: day('expiry'), shipment: day('shipment'), last: day('lastPresentation') });
      case 'PRESENTATION_DAYS': return t('lc.d.PRESENTATION_DAYS', { days: String(p.days), max: String(p.max) });
      case 'SHIPMENT_EARLIER': return t('lc.d.SHIPMENT_EARLIER', { credit: day('credit'), contract: day('contract') });
      default: return x.message;
    }
  };
  const lc = c.lc!;
  const record = useRecordLetterOfCredit(c.id);
  const review = useReviewLetterOfCredit(c.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(lc, c));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const d = (v: string | null) => (v ? date(`${v}T00:00:00Z`) : '—');
  const live = c.status !== 'ISSUED' && c.status !== 'CANCELLED' && c.status !== 'COMPLETED';
  const canRecord = side === 'buyer' && live && lc.status !== 'ACCEPTED';
  const serverErrors = record.error instanceof ApiError ? record.error.byField() : {};
  const errors = { ...serverErrors, ...local };
  const set = (k: keyof Draft) => (e: ChangeEvent<HTMLInputElement>) => setDraft((v) => ({ ...v, [k]: e.target.value }));
  const flagged = new Set(lc.discrepancies.map((x) => x.field));
  const row = (field: string, label: string, value: string) => (
    <><dt>{label}</dt><dd className={flagged.has(field) ? 'changed' : undefined}>{value}</dd></>
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...draft, issuingBankBic: draft.issuingBankBic.trim() || undefined, presentationDays: Number(draft.presentationDays) };
    const checked = validate(RecordLetterOfCreditBody, body);
    if (!checked.ok) return setLocal(checked.errors);
    setLocal({});
    record.mutate(body);
  };
  const decide = (decision: 'ACCEPT' | 'REQUEST_AMENDMENT') => {
    if (decision === 'REQUEST_AMENDMENT' && !note.trim()) return setNoteError(t('lc.noteRequired'));
    setNoteError(null);
    review.mutate({ decision, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: () => setNote('') });
  };
  const reviewErrors = review.error instanceof ApiError ? review.error.byField() : {};

  return (
    <section className="card" aria-labelledby="lc-title">
      <div className="page__title">
        <h2 id="lc-title">{t('lc.title')}</h2>
        <span className={`badge badge--${lc.status === 'ACCEPTED' ? 'ok' : lc.status ? 'warn' : 'muted'}`}>{lc.status ? t(`lc.${lc.status}`) : t('lc.none')}</span>
      </div>
      <p className="muted">{t('lc.required', { amount: money(lc.requiredAmount.amount, lc.requiredAmount.currency) })}</p>
      {lc.status && (
        <dl className="details">
          {row('number', t('lc.number'), lc.number ?? '—')}
          {row('issuingBank', t('lc.issuingBank'), `${lc.issuingBank ?? '—'}${lc.issuingBankBic ? ` (${lc.issuingBankBic})` : ''}`)}
          {row('issueDate', t('lc.issueDate'), d(lc.issueDate))}
          {row('amount', t('lc.amount'), lc.amount ? money(lc.amount.amount, lc.amount.currency) : '—')}
          {row('currency', t('lc.currency'), lc.amount?.currency ?? '—')}
          {row('latestShipmentDate', t('lc.latestShipment'), d(lc.latestShipmentDate))}
          {row('expiryDate', t('lc.expiryDate'), d(lc.expiryDate))}
          {row('presentationDays', t('lc.presentationDays'), String(lc.presentationDays ?? '—'))}
          {lc.reviewedAt && (<><dt>{t('lc.review')}</dt><dd>{t('lc.reviewedBy', { name: lc.reviewedBy ?? '—', at: dateTime(lc.reviewedAt) })}{lc.reviewNote && <p className="prewrap">{lc.reviewNote}</p>}</dd></>)}
        </dl>
      )}
      {lc.status && (lc.discrepancies.length === 0
        ? <p className="alert alert--success" role="status">{t('lc.noDiscrepancies')}</p>
        : (
          <div className="alert alert--error" role="region" aria-label={t('lc.discrepancies')}>
            <strong>{t('lc.discrepancies')}</strong>
            <ul>{lc.discrepancies.map((x) => <li key={`${x.field}-${x.code}`}>{discrepancyText(x)}</li>)}</ul>
          </div>
        ))}
      {side === 'buyer' && lc.status === 'AMENDMENT_REQUESTED' && <p className="card notice-card">{t('lc.amendHelp')}</p>}
      {side === 'reviewer' && lc.status === 'RECEIVED' && (
        <div className="form inline-form">
          <TextField label={t('lc.reviewNote')} hint={t('lc.reviewNoteHint')} value={note} onChange={(e) => { setNote(e.target.value); if (e.target.value.trim()) setNoteError(null); }} error={noteError ?? reviewErrors.note} />
          <FormAlert message={review.error && !(review.error instanceof ApiError && review.error.fieldErrors.length) ? review.error.message : null} />
          <div className="form__actions">
            <button type="button" className="btn btn--primary" disabled={review.isPending} onClick={() => decide('ACCEPT')}>{t('lc.accept')}</button>
            <button type="button" className="btn btn--secondary" disabled={review.isPending} onClick={() => decide('REQUEST_AMENDMENT')}>{t('lc.requestAmendment')}</button>
          </div>
        </div>
      )}
      {canRecord && (
        <form className="form" noValidate onSubmit={submit} aria-label={t('lc.title')}>
          <p className="muted">{t('lc.help')}</p>
          <div className="grid-3">
            <TextField label={t('lc.number')} value={draft.number} onChange={set('number')} maxLength={35} error={errors.number} />
            <TextField label={t('lc.issuingBank')} value={draft.issuingBank} onChange={set('issuingBank')} error={errors.issuingBank} />
            <TextField label={t('lc.bic')} optional hint={t('lc.bicHint')} value={draft.issuingBankBic} onChange={set('issuingBankBic')} error={errors.issuingBankBic} />
            <TextField label={t('lc.issueDate')} type="date" value={draft.issueDate} onChange={set('issueDate')} error={errors.issueDate} />
            <TextField label={t('lc.latestShipment')} type="date" value={draft.latestShipmentDate} onChange={set('latestShipmentDate')} error={errors.latestShipmentDate} />
            <TextField label={t('lc.expiryDate')} type="date" value={draft.expiryDate} onChange={set('expiryDate')} error={errors.expiryDate} />
            <TextField label={t('lc.presentationDays')} type="number" min={1} max={21} value={draft.presentationDays} onChange={set('presentationDays')} error={errors.presentationDays} />
            <TextField label={t('lc.amount')} inputMode="decimal" value={draft.amount} onChange={set('amount')} error={errors.amount} />
            <TextField label={t('lc.currency')} value={draft.currency} onChange={set('currency')} maxLength={3} error={errors.currency} />
          </div>
          <FormAlert message={record.error && !(record.error instanceof ApiError && record.error.fieldErrors.length) ? record.error.message : null} />
          {record.isSuccess && <FormAlert tone="success" message={t('lc.saved')} />}
          <button type="submit" className="btn btn--primary" disabled={record.isPending}>{t('lc.save')}</button>
        </form>
      )}
    </section>
  );
}
