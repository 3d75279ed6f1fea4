import { useState } from 'react';
import { ResponsibleParty, SettlementKind, type ClaimAction, type ClaimView } from '@portal/schemas';
import { FormAlert, SelectField, TextAreaField, TextField, requestError } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import type { MessageKey } from '../../../lib/messages.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useClaimNote, useClaimStep, useUseCreditNote } from '../api/change-claim.ts';
import { EvidencePicker, useEvidence } from './evidence-picker.tsx';

/** The steps that need a reason (the buyer is told why), and those that carry other input. */
const needsReason: ReadonlySet<ClaimAction> = new Set(['REQUEST_EVIDENCE', 'RETURN_SETTLEMENT', 'DISPUTE', 'REJECT']);

/** The caller's next steps on a claim: one button each, then the step's own fields and its confirmation. */
export function ClaimActions({ claim }: { claim: ClaimView }) {
  const { t } = useI18n();
  const step = useClaimStep(claim.id);
  const evidence = useEvidence();
  const [action, setAction] = useState<ClaimAction | null>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [party, setParty] = useState<ResponsibleParty>('EXPORTER');
  const [kind, setKind] = useState<SettlementKind>('CREDIT_NOTE');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const errors = step.error instanceof ApiError ? step.error.byField() : {};
  if (claim.actions.length === 0) return null;

  const choose = (a: ClaimAction) => {
    setAction(a);
    step.reset();
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!action) return;
    step.mutate(
      {
        action, ...(note.trim() ? { note } : {}), ...(reason.trim() ? { reason } : {}),
        ...(action === 'DETERMINE_RESPONSIBILITY' ? { responsibleParty: party } : {}),
        ...(action === 'OFFER_SETTLEMENT' ? { settlement: { kind, amount: amount.trim() } } : {}),
        ...(action === 'RECORD_SETTLEMENT' ? { settlementReference: reference } : {}),
        evidenceIds: action === 'ADD_EVIDENCE' ? evidence.files.map((f) => f.id) : [],
      },
      { onSuccess: () => { setAction(null); setNote(''); setReason(''); setAmount(''); setReference(''); evidence.clear(); } },
    );
  };

  return (
    <section className="card" aria-labelledby="claim-actions">
      <h2 id="claim-actions">{t('claims.actions')}</h2>
      <div className="claim-step-buttons" role="group" aria-label={t('claims.actions')}>
        {claim.actions.map((a) => (
          <button key={a} type="button" className={`btn btn--small ${action === a ? 'btn--primary' : 'btn--secondary'}`} aria-pressed={action === a} onClick={() => choose(a)}>
            {t(`claims.action.${a}` as MessageKey)}
          </button>
        ))}
      </div>
      {action && (
        <form className="claim-step-form" onSubmit={submit} noValidate aria-label={t(`claims.action.${action}` as MessageKey)}>
          {action === 'DETERMINE_RESPONSIBILITY' && (
            <SelectField label={t('claims.party')} value={party} error={errors.responsibleParty} onChange={(e) => setParty(e.target.value as ResponsibleParty)}>
              {ResponsibleParty.options.map((p) => <option key={p} value={p}>{t(`claims.party.${p}` as MessageKey)}</option>)}
            </SelectField>
          )}
          {action === 'OFFER_SETTLEMENT' && (
            <>
              <SelectField label={t('claims.settlement.kind')} value={kind} error={errors['settlement.kind']} onChange={(e) => setKind(e.target.value as SettlementKind)}>
                {SettlementKind.options.map((k) => <option key={k} value={k}>{t(`claims.settlement.${k}` as MessageKey)}</option>)}
              </SelectField>
              <TextField label={t('claims.settlement.amount', { currency: claim.amount.currency })} inputMode="decimal" value={amount} error={errors['settlement.amount']} onChange={(e) => setAmount(e.target.value)} />
            </>
          )}
          {action === 'RECORD_SETTLEMENT' && (
            <TextField label={t('claims.settlement.reference')} hint={t('claims.settlement.referenceHint')} maxLength={100} value={reference} error={errors.settlementReference} onChange={(e) => setReference(e.target.value)} />
          )}
          {action === 'ADD_EVIDENCE' && <EvidencePicker state={evidence} id="claim-more-evidence" error={Object.entries(errors).find(([k]) => k.startsWith('evidenceIds'))?.[1]} />}
          {needsReason.has(action)
            ? <TextAreaField label={t('claims.reason')} rows={3} maxLength={2000} value={reason} error={errors.reason} onChange={(e) => setReason(e.target.value)} />
            : <TextAreaField label={t('claims.note')} optional rows={2} maxLength={4000} value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} />}
          <FormAlert message={requestError(step.error)} />
          <div className="form__actions">
            <button type="submit" className="btn btn--primary" disabled={step.isPending || evidence.uploading}>{t(`claims.action.${action}` as MessageKey)}</button>
          </div>
        </form>
      )}
    </section>
  );
}

/** A staff-only note on the claim. */
export function ClaimNoteForm({ claim }: { claim: ClaimView }) {
  const { t } = useI18n();
  const save = useClaimNote(claim.id);
  const [body, setBody] = useState('');
  if (claim.status === 'CLOSED') return null;
  const errors = save.error instanceof ApiError ? save.error.byField() : {};
  return (
    <form className="card form" noValidate onSubmit={(e) => { e.preventDefault(); save.mutate({ body }, { onSuccess: () => setBody('') }); }}>
      <TextAreaField label={t('claims.notes.add')} hint={t('claims.notes.hint')} rows={2} maxLength={4000} value={body} error={errors.body} onChange={(e) => setBody(e.target.value)} />
      <FormAlert message={requestError(save.error)} />
      <div className="form__actions"><button type="submit" className="btn btn--secondary btn--small" disabled={save.isPending}>{t('claims.notes.save')}</button></div>
    </form>
  );
}

/** Finance deducts an open credit note from a later contract of the customer. */
export function UseCreditNoteForm({ claim }: { claim: ClaimView }) {
  const { t } = useI18n();
  const use = useUseCreditNote(claim.id);
  const [contractNumber, setContractNumber] = useState('');
  if (!claim.settlementDetail?.creditNoteOpen) return null;
  const errors = use.error instanceof ApiError ? use.error.byField() : {};
  return (
    <form className="card form" noValidate aria-label={t('claims.creditNote.use')} onSubmit={(e) => { e.preventDefault(); use.mutate({ contractNumber }); }}>
      <TextField label={t('claims.creditNote.contract')} hint={t('claims.creditNote.hint')} value={contractNumber} error={errors.contractNumber} onChange={(e) => setContractNumber(e.target.value)} />
      <FormAlert message={requestError(use.error)} />
      <div className="form__actions"><button type="submit" className="btn btn--secondary btn--small" disabled={use.isPending}>{t('claims.creditNote.use')}</button></div>
    </form>
  );
}
