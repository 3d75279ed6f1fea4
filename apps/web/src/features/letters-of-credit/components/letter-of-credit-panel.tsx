import { RecordLetterOfCreditBody, ReviewLetterOfCreditBody, type SalesContractView } from '@portal/schemas';
import { FormAlert, TextField, blankAsUndefined, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useRecordLetterOfCredit } from '../api/record-letter-of-credit.ts';
import { useReviewLetterOfCredit } from '../api/review-letter-of-credit.ts';

type Lc = NonNullable<SalesContractView['lc']>;

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
      case 'PRESENTATION_DAYS': return t('lc.d.PRESENTATION_DAYS', { days: Number(p.days), max: Number(p.max) });
      case 'SHIPMENT_EARLIER': return t('lc.d.SHIPMENT_EARLIER', { credit: day('credit'), contract: day('contract') });
      default: return x.message;
    }
  };
  const lc = c.lc!;
  const d = (v: string | null) => (v ? date(`${v}T00:00:00Z`) : '—');
  const live = c.status !== 'ISSUED' && c.status !== 'CANCELLED' && c.status !== 'COMPLETED';
  const canRecord = side === 'buyer' && live && lc.status !== 'ACCEPTED';
  const flagged = new Set(lc.discrepancies.map((x) => x.field));
  const row = (field: string, label: string, value: string) => (
    <><dt>{label}</dt><dd className={flagged.has(field) ? 'changed' : undefined}>{value}</dd></>
  );

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
      {side === 'reviewer' && lc.status === 'RECEIVED' && <ReviewForm contractId={c.id} />}
      {canRecord && <RecordForm contract={c} />}
    </section>
  );
}

/** The buyer records the credit as the issuing bank opened it; it starts from the contract's figures. */
function RecordForm({ contract: c }: { contract: SalesContractView }) {
  const { t } = useI18n();
  const lc = c.lc!;
  const record = useRecordLetterOfCredit(c.id);
  const { register, handleSubmit, setError, formState: { errors } } = useSchemaForm(RecordLetterOfCreditBody, {
    defaultValues: {
      number: lc.number ?? '', issuingBank: lc.issuingBank ?? '', issuingBankBic: lc.issuingBankBic ?? undefined, issueDate: lc.issueDate ?? '', expiryDate: lc.expiryDate ?? '',
      latestShipmentDate: lc.latestShipmentDate ?? c.latestShipmentDate, presentationDays: lc.presentationDays ?? 21,
      amount: lc.amount?.amount ?? lc.requiredAmount.amount, currency: lc.amount?.currency ?? c.currency,
    },
  });
  const submit = handleSubmit((body) => record.mutate(body, { onError: (err) => showServerErrors(setError, err) }));
  const err = (name: string) => fieldError(errors, name);
  return (
    <form className="form" noValidate onSubmit={submit} aria-label={t('lc.title')}>
      <p className="muted">{t('lc.help')}</p>
      <div className="grid-3">
        <TextField label={t('lc.number')} maxLength={35} error={err('number')} {...register('number')} />
        <TextField label={t('lc.issuingBank')} error={err('issuingBank')} {...register('issuingBank')} />
        <TextField label={t('lc.bic')} optional hint={t('lc.bicHint')} error={err('issuingBankBic')} {...register('issuingBankBic', { setValueAs: blankAsUndefined })} />
        <TextField label={t('lc.issueDate')} type="date" error={err('issueDate')} {...register('issueDate')} />
        <TextField label={t('lc.latestShipment')} type="date" error={err('latestShipmentDate')} {...register('latestShipmentDate')} />
        <TextField label={t('lc.expiryDate')} type="date" error={err('expiryDate')} {...register('expiryDate')} />
        <TextField label={t('lc.presentationDays')} type="number" min={1} max={21} error={err('presentationDays')} {...register('presentationDays', { valueAsNumber: true })} />
        <TextField label={t('lc.amount')} inputMode="decimal" error={err('amount')} {...register('amount')} />
        <TextField label={t('lc.currency')} maxLength={3} error={err('currency')} {...register('currency')} />
      </div>
      <FormAlert message={requestError(record.error)} />
      {record.isSuccess && <FormAlert tone="success" message={t('lc.saved')} />}
      <button type="submit" className="btn btn--primary" disabled={record.isPending}>{t('lc.save')}</button>
    </form>
  );
}

/** Staff accept the received credit, or ask for an amendment saying what must change. */
function ReviewForm({ contractId }: { contractId: string }) {
  const { t } = useI18n();
  const review = useReviewLetterOfCredit(contractId);
  const { register, handleSubmit, setValue, setError, formState: { errors } } = useSchemaForm(ReviewLetterOfCreditBody, {
    defaultValues: { decision: 'ACCEPT', note: '' },
    messages: { note: t('lc.noteRequired') },
  });
  const decide = (decision: 'ACCEPT' | 'REQUEST_AMENDMENT') => {
    setValue('decision', decision);
    void handleSubmit((body) => review.mutate(body, { onError: (err) => showServerErrors(setError, err) }))();
  };
  return (
    <div className="form inline-form">
      <TextField label={t('lc.reviewNote')} hint={t('lc.reviewNoteHint')} error={fieldError(errors, 'note')} {...register('note')} />
      <FormAlert message={requestError(review.error)} />
      <div className="form__actions">
        <button type="button" className="btn btn--primary" disabled={review.isPending} onClick={() => decide('ACCEPT')}>{t('lc.accept')}</button>
        <button type="button" className="btn btn--secondary" disabled={review.isPending} onClick={() => decide('REQUEST_AMENDMENT')}>{t('lc.requestAmendment')}</button>
      </div>
    </div>
  );
}
