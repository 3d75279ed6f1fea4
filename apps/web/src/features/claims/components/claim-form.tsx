import { useMemo, useState } from 'react';
import { ClaimKind, type AttachmentInfo, type ClaimFilingTerms, type ClaimView } from '@portal/schemas';
import { Dec } from '@portal/domain';
import { FormAlert, SelectField, TextAreaField, TextField, requestError } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import type { MessageKey } from '../../../lib/messages.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useFileClaim } from '../api/change-claim.ts';
import { EvidencePicker, useEvidence } from './evidence-picker.tsx';

type Props = {
  terms: ClaimFilingTerms;
  /** A complaint's draft (staff): its words, kind and files. */
  draft?: { sourceTicketId: string; kind: ClaimKind; description: string; evidence: AttachmentInfo[] } | undefined;
  onFiled: (claim: ClaimView) => void;
};

/** The fields this form shows an error beside; any other (the contract, the complaint) is said above the button. */
const shownFields = /^(kind|shipmentId|lines|amount|currency|description|evidenceIds)/;

type LineState = { on: boolean; quantity: string; batchNo: string };

/** The deadline of the chosen kind, as the buyer reads it before filing. */
function Deadline({ terms, kind }: { terms: ClaimFilingTerms; kind: ClaimKind }) {
  const { t, date } = useI18n();
  const d = terms.deadlines.find((x) => x.kind === kind);
  if (!d) return null;
  if (!d.deadline) return <p className={d.open ? 'alert alert--info' : 'alert alert--warning'} role="status">{t(d.open ? 'claims.deadline.beforeArrival' : 'claims.deadline.notArrived')}</p>;
  if (!d.open) return <p className="alert alert--error" role="status">{t('claims.deadline.closed', { date: date(d.deadline) })}</p>;
  return <p className="alert alert--info" role="status">{t('claims.deadline.open', { date: date(d.deadline), days: d.days, arrived: date(terms.shipment.arrivedOn ?? ''), left: d.daysLeft ?? 0 })}</p>;
}

/** A claim on a shipment: kind (with its deadline), the lines and quantities, the amount, what happened, the evidence. */
export function ClaimForm({ terms, draft, onFiled }: Props) {
  const { t, money, number } = useI18n();
  const file = useFileClaim();
  const evidence = useEvidence();
  const [kind, setKind] = useState<ClaimKind>(draft?.kind ?? 'DAMAGE');
  const [description, setDescription] = useState(draft?.description ?? '');
  const [amount, setAmount] = useState('');
  const [lines, setLines] = useState<Record<string, LineState>>(() => Object.fromEntries(terms.lines.map((l) => [l.contractLineId, { on: terms.lines.length === 1, quantity: '', batchNo: '' }])));
  const currency = terms.contract.currency;
  const chosen = terms.lines.filter((l) => lines[l.contractLineId]?.on);
  const max = useMemo(() => chosen.reduce((sum, l) => sum.plus(l.value.amount), new Dec(0)).toFixed(2), [chosen]);
  const errors = file.error instanceof ApiError ? file.error.byField() : {};
  const set = (id: string, patch: Partial<LineState>) => setLines((ls) => ({ ...ls, [id]: { ...ls[id]!, ...patch } }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    file.mutate(
      {
        contractId: terms.contract.id, shipmentId: terms.shipment.id, kind, description, currency, amount: amount.trim(),
        lines: chosen.map((l) => ({ contractLineId: l.contractLineId, quantity: lines[l.contractLineId]!.quantity.trim(), ...(lines[l.contractLineId]!.batchNo.trim() ? { batchNo: lines[l.contractLineId]!.batchNo.trim() } : {}) })),
        evidenceIds: evidence.files.map((f) => f.id),
        ...(draft ? { sourceTicketId: draft.sourceTicketId } : {}),
      },
      { onSuccess: onFiled },
    );
  };
  const lineError = (i: number, name: string) => errors[`lines.${i}.${name}`];
  const indexOf = (id: string) => chosen.findIndex((l) => l.contractLineId === id);

  return (
    <form className="form card" onSubmit={submit} noValidate aria-label={t('claims.new')}>
      <SelectField label={t('claims.kind')} value={kind} error={errors.kind} onChange={(e) => setKind(e.target.value as ClaimKind)}>
        {ClaimKind.options.map((k) => <option key={k} value={k}>{t(`claims.kind.${k}` as MessageKey)}</option>)}
      </SelectField>
      <Deadline terms={terms} kind={kind} />
      {errors.shipmentId && <p className="field__error" role="alert">{errors.shipmentId}</p>}
      <fieldset className="claim-lines">
        <legend>{t('claims.lines')}</legend>
        {errors.lines && <p className="field__error" role="alert">{errors.lines}</p>}
        {terms.lines.map((l) => {
          const st = lines[l.contractLineId]!;
          const i = indexOf(l.contractLineId);
          return (
            <div key={l.contractLineId} className="claim-line">
              <label className="checkbox">
                <input type="checkbox" checked={st.on} onChange={(e) => set(l.contractLineId, { on: e.target.checked })} />
                {t('claims.line.include', { lineNo: l.lineNo, description: l.description })}
                <span className="muted small"> · {t('claims.line.shipped')} {number(l.shippedQuantity)} {l.unit} · {money(l.value.amount, l.value.currency)}</span>
              </label>
              {st.on && (
                <div className="claim-line__fields">
                  <TextField label={t('claims.line.claimed')} inputMode="decimal" value={st.quantity} hint={t('claims.line.claimedHint', { max: number(l.shippedQuantity), unit: l.unit })} error={i >= 0 ? (lineError(i, 'quantity') ?? lineError(i, 'contractLineId')) : undefined} onChange={(e) => set(l.contractLineId, { quantity: e.target.value })} />
                  <TextField label={t('claims.line.batch')} optional maxLength={60} value={st.batchNo} onChange={(e) => set(l.contractLineId, { batchNo: e.target.value })} />
                </div>
              )}
            </div>
          );
        })}
      </fieldset>
      <TextField label={t('claims.amount')} inputMode="decimal" value={amount} hint={t('claims.amountHint', { currency, max: money(max, currency) })} error={errors.amount ?? errors.currency} onChange={(e) => setAmount(e.target.value)} />
      <TextAreaField label={t('claims.description')} rows={5} maxLength={4000} value={description} hint={t('claims.description.hint')} error={errors.description} onChange={(e) => setDescription(e.target.value)} />
      {draft && draft.evidence.length > 0 && <ul className="plain-list small">{draft.evidence.map((f) => <li key={f.id}>{f.fileName}</li>)}</ul>}
      <EvidencePicker state={evidence} error={Object.entries(errors).find(([k]) => k.startsWith('evidenceIds'))?.[1]} />
      {terms.contract.claimsClause && (
        <details className="small"><summary>{t('claims.clause')}</summary><p>{terms.contract.claimsClause}</p></details>
      )}
      <FormAlert message={requestError(file.error)} />
      {Object.entries(errors).filter(([k]) => !shownFields.test(k)).map(([k, m]) => <p key={k} className="field__error" role="alert">{k}: {m}</p>)}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={file.isPending || evidence.uploading}>{t('claims.submit')}</button>
      </div>
    </form>
  );
}
