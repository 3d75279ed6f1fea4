import { useState } from 'react';
import type { StatementImportView, StatementLineView } from '@portal/schemas';
import { FormAlert } from '../../../components/form.tsx';
import { errorText } from './error-text.ts';
import { useCollectionCustomers } from '../api/list-customers.ts';
import { useDecideStatementLine } from '../api/decide-statement-line.ts';
import { usePayText } from '../messages.ts';

const reasonTone: Record<string, string> = { STRUCTURED_REFERENCE: 'ok', REFERENCE_IN_TEXT: 'ok', DOCUMENT_NUMBER: 'info', AMOUNT_AND_PAYER: 'warn', UNMATCHED: 'muted' };

/** One statement line: what came in, why it matched, the allocations (editable), and the decision. */
function LineRow({ line }: { line: StatementLineView }) {
  const { pt, money, day } = usePayText();
  const decide = useDecideStatementLine();
  const customers = useCollectionCustomers();
  const [companyId, setCompanyId] = useState(line.customer?.id ?? '');
  const [amounts, setAmounts] = useState<Record<string, string>>(() => Object.fromEntries(line.allocations.map((a) => [a.itemId, a.amount])));
  const [reason, setReason] = useState('');
  const currency = line.amount.currency;
  const decided = line.status !== 'PROPOSED';
  const confirm = () =>
    decide.mutate({
      lineId: line.id,
      confirm: { companyId, allocations: line.allocations.map((a) => ({ itemId: a.itemId, amount: amounts[a.itemId] ?? a.amount })).filter((a) => a.amount && Number(a.amount) > 0), writeOffBankCharges: true },
    });
  return (
    <li className="card card--flat" data-testid="statement-line" aria-label={`${money(line.amount.amount, currency)} ${line.debtorName ?? ''}`}>
      <div className="page__title">
        <strong>{money(line.amount.amount, currency)}</strong>
        <span>{line.debtorName ?? '—'}</span>
        <span className="muted small">{day(line.valueDate)} · {line.bankReference}</span>
        <span className={`badge badge--${decided ? (line.status === 'CONFIRMED' ? 'ok' : 'muted') : 'info'}`}>{pt(`pay.line.${line.status}`)}</span>
      </div>
      <p className="small">
        <span className={`badge badge--${reasonTone[line.reason]}`}>{pt(`pay.reason.${line.reason}`)}</span> {line.detail}
        {line.alternatives > 0 && <span className="muted"> · {pt('pay.alternatives', { n: line.alternatives })}</span>}
      </p>
      {(line.creditorReference || line.remittance) && <p className="muted small"><code>{line.creditorReference ?? ''}</code> {line.remittance ?? ''}</p>}
      {line.allocations.length > 0 && (
        <div className="table-wrap">
          <table className="table table--dense table--inputs">
            <thead><tr><th scope="col">{pt('pay.contract')}</th><th scope="col">{pt('pay.reference')}</th><th scope="col" className="num">{pt('pay.open')}</th><th scope="col" className="num">{pt('pay.allocate')}</th></tr></thead>
            <tbody>
              {line.allocations.map((a) => (
                <tr key={a.itemId}>
                  <td>{a.contractNumber}</td>
                  <td><code>{a.reference}</code></td>
                  <td className="num">{money(a.open, currency)}</td>
                  <td className="num">
                    {decided ? money(a.amount, currency) : (
                      <input aria-label={`${pt('pay.allocate')} ${a.reference}`} inputMode="decimal" value={amounts[a.itemId] ?? ''} onChange={(e) => setAmounts({ ...amounts, [a.itemId]: e.target.value })} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {line.bankChargeWriteOffs.map((w) => <p key={w.itemId} className="small muted">{pt('pay.chargesWrittenOff', { amount: money(w.amount, currency) })}</p>)}
      {line.unallocated !== '0.00' && line.reason !== 'UNMATCHED' && <p className="small muted">{pt('pay.toCredit', { amount: money(line.unallocated, currency) })}</p>}
      {!decided && (
        <div className="toolbar">
          {!line.customer && (
            <label className="field field--compact">
              <span>{pt('pay.chooseCustomer')}</span>
              <select value={companyId} onChange={(e) => setCompanyId(e.target.value)}>
                <option value="">—</option>
                {customers.data?.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            </label>
          )}
          <button type="button" className="btn btn--primary btn--small" disabled={!companyId || decide.isPending} onClick={confirm}>{pt('pay.confirm')}</button>
          <input aria-label={pt('pay.ignoreReason')} size={28} placeholder={pt('pay.ignoreReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="btn btn--ghost btn--small" disabled={!reason.trim() || decide.isPending} onClick={() => decide.mutate({ lineId: line.id, ignore: reason })}>{pt('pay.ignore')}</button>
        </div>
      )}
      <FormAlert message={decide.error ? errorText(decide.error) : null} />
    </li>
  );
}

/** The review screen of a statement import: every credit with its proposed match and reason; finance confirms, corrects or ignores. */
export function StatementReview({ imp }: { imp: StatementImportView }) {
  const { pt, dateTime } = usePayText();
  const decide = useDecideStatementLine();
  const proposed = imp.lines.filter((l) => l.status === 'PROPOSED' && l.customer && l.allocations.length > 0);
  const confirmAll = async () => {
    for (const l of proposed) {
      await decide.mutateAsync({ lineId: l.id, confirm: { companyId: l.customer!.id, allocations: l.allocations.map((a) => ({ itemId: a.itemId, amount: a.amount })), writeOffBankCharges: true } });
    }
  };
  return (
    <>
      <p className="muted">{imp.fileName} · {imp.message} · {imp.account ?? ''} · {dateTime(imp.createdAt)} · {pt('pay.credits', { n: imp.credits, d: imp.duplicates })}</p>
      {proposed.length > 1 && <button type="button" className="btn btn--primary" disabled={decide.isPending} onClick={() => void confirmAll()}>{pt('pay.confirmAll')}</button>}
      <FormAlert message={decide.error ? errorText(decide.error) : null} />
      <ul className="plain-list stack">
        {imp.lines.map((l) => <LineRow key={`${l.id}-${l.status}`} line={l} />)}
      </ul>
    </>
  );
}
