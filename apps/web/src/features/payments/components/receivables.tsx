import { Fragment, useState } from 'react';
import { Dec } from '@portal/domain/money';
import type { ReceiptView, ScheduleItemView } from '@portal/schemas';
import { FormAlert } from '../../../components/form.tsx';
import { ErrorState, Loading } from '../../../components/states.tsx';
import { useAllocateReceipt } from '../api/allocate-receipt.ts';
import { useReceivables } from '../api/list-receivables.ts';
import { useRecordReceipt } from '../api/record-receipt.ts';
import { useReverseEntry } from '../api/reverse-entry.ts';
import { usePayText } from '../messages.ts';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from './error-text.ts';
import { ItemStatus } from './payment-page.tsx';

/**
 * Finance's receivables with receipt entry: pick the open items a payment settles (one customer and
 * currency), type what arrived; the allocation proposes each item's open amount and can be changed.
 */
/** An allocation of a decimal amount above zero (a box left empty or mistyped allocates nothing). */
const isPositive = (a: { amount: string }) => /^\d+(\.\d+)?$/.test(a.amount) && new Dec(a.amount).gt(0);

export function Receivables({ items, today, canRecord }: { items: ScheduleItemView[]; today: string; canRecord: boolean }) {
  const { pt, money, day } = usePayText();
  const record = useRecordReceipt();
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [form, setForm] = useState({ amount: '', valueDate: today, bankReference: '', bankCharges: '', payerName: '', writeOffBankCharges: true });
  const chosen = items.filter((i) => i.id in picked);
  const first = chosen[0];
  const mixed = chosen.some((i) => i.customer.id !== first?.customer.id || i.amount.currency !== first?.amount.currency);
  const toggle = (i: ScheduleItemView) => {
    const next = { ...picked };
    if (i.id in next) delete next[i.id];
    else next[i.id] = i.open.amount;
    setPicked(next);
  };
  const submit = () => {
    if (!first) return;
    record.mutate(
      {
        companyId: first.customer.id, amount: form.amount, currency: first.amount.currency, valueDate: form.valueDate, bankReference: form.bankReference,
        ...(form.bankCharges ? { bankCharges: form.bankCharges } : {}), ...(form.payerName ? { payerName: form.payerName } : {}),
        allocations: chosen.map((i) => ({ itemId: i.id, amount: picked[i.id]! })).filter(isPositive), writeOffBankCharges: form.writeOffBankCharges,
      },
      { onSuccess: () => { setPicked({}); setForm({ ...form, amount: '', bankReference: '', bankCharges: '', payerName: '' }); } },
    );
  };
  return (
    <>
      <div className="table-wrap">
        <table className="table table--dense table--inputs table--stack payments-table">
          <thead><tr><th scope="col"><span className="visually-hidden">{pt('pay.allocate')}</span></th><th scope="col">{pt('pay.customer')}</th><th scope="col">{pt('pay.contract')}</th><th scope="col">{pt('pay.item')}</th><th scope="col">{pt('pay.dueDate')}</th><th scope="col" className="num">{pt('pay.open')}</th><th scope="col">{pt('pay.reference')}</th><th scope="col">{pt('pay.status')}</th><th scope="col" className="num">{pt('pay.allocate')}</th></tr></thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} className={i.status === 'OVERDUE' ? 'row--alert' : undefined}>
                <td data-label={pt('pay.allocate')}>{canRecord && <input type="checkbox" aria-label={`${pt('pay.allocate')} ${i.reference}`} checked={i.id in picked} disabled={i.open.amount === '0.00'} onChange={() => toggle(i)} />}</td>
                <td data-label={pt('pay.customer')}>{i.customer.name}</td>
                <td data-label={pt('pay.contract')}>{i.contractNumber}</td>
                <td data-label={pt('pay.item')}>{i.description}</td>
                <td data-label={pt('pay.dueDate')}>{day(i.dueDate)}</td>
                <td className="num" data-label={pt('pay.open')}>{money(i.open.amount, i.open.currency)}</td>
                <td data-label={pt('pay.reference')}><code>{i.reference}</code></td>
                <td data-label={pt('pay.status')}><ItemStatus item={i} /></td>
                <td className="num" data-label={pt('pay.amount')}>{i.id in picked && <input aria-label={`${pt('pay.amount')} ${i.reference}`} inputMode="decimal" value={picked[i.id]} onChange={(e) => setPicked({ ...picked, [i.id]: e.target.value })} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {first && (
        <section className="card" aria-labelledby="receipt-form">
          <h2 id="receipt-form">{pt('pay.recordReceipt')}: {first.customer.name} · {first.amount.currency}</h2>
          {mixed && <div className="alert alert--warning" role="alert">{pt('pay.customer')} / {pt('pay.currency')}: ≠</div>}
          <div className="grid-3">
            <label className="field"><span>{pt('pay.amount')} ({first.amount.currency})</span><input required inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} /></label>
            <label className="field"><span>{pt('pay.valueDate')}</span><input type="date" required value={form.valueDate} onChange={(e) => setForm({ ...form, valueDate: e.target.value })} /></label>
            <label className="field"><span>{pt('pay.bankReference')}</span><input required value={form.bankReference} onChange={(e) => setForm({ ...form, bankReference: e.target.value })} /></label>
            <label className="field"><span>{pt('pay.bankCharges')}</span><input inputMode="decimal" value={form.bankCharges} onChange={(e) => setForm({ ...form, bankCharges: e.target.value })} /></label>
            <label className="field"><span>{pt('pay.payer')}</span><input value={form.payerName} onChange={(e) => setForm({ ...form, payerName: e.target.value })} /></label>
          </div>
          <label className="checkbox-row"><input type="checkbox" checked={form.writeOffBankCharges} onChange={(e) => setForm({ ...form, writeOffBankCharges: e.target.checked })} /> {pt('pay.writeOffCharges')}</label>
          <FormAlert message={record.error ? errorText(record.error) : null} />
          {record.isSuccess && <FormAlert tone="success" message={pt('pay.saved')} />}
          <div className="form__actions"><button type="button" className="btn btn--primary" disabled={mixed || record.isPending || !form.amount || !form.bankReference} onClick={submit}>{pt('pay.save')}</button></div>
        </section>
      )}
    </>
  );
}

/**
 * Receipts with their ledger entries; an entry can be reversed with a reason. A receipt with money not
 * yet allocated can be allocated here to its customer's open items in its currency (the home page's
 * "allocate receipts" item leads here).
 */
export function ReceiptsList({ receipts, canAllocate = false }: { receipts: ReceiptView[]; canAllocate?: boolean }) {
  const { pt, money, day } = usePayText();
  const reverse = useReverseEntry();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <FormAlert message={reverse.error ? errorText(reverse.error) : null} />
      <div className="table-wrap">
        <table className="table table--dense table--stack payments-table">
          <thead><tr><th scope="col">{pt('pay.valueDate')}</th><th scope="col">{pt('pay.customer')}</th><th scope="col" className="num">{pt('pay.amount')}</th><th scope="col" className="num">{pt('pay.unallocated')}</th><th scope="col">{pt('pay.bankReference')}</th><th scope="col">{pt('pay.entries')}</th></tr></thead>
          <tbody>
            {receipts.map((r) => {
              const unallocated = new Dec(r.unallocated.amount).gt(0);
              return (
                <Fragment key={r.id}>
                  <tr>
                    <td data-label={pt('pay.valueDate')}>{day(r.valueDate)}</td>
                    <td data-label={pt('pay.customer')}>{r.customer.name}</td>
                    <td className="num" data-label={pt('pay.amount')}>{money(r.amount.amount, r.amount.currency)}</td>
                    <td className="num" data-label={pt('pay.unallocated')}>
                      {money(r.unallocated.amount, r.unallocated.currency)}
                      {canAllocate && unallocated && open !== r.id && (
                        <> <button type="button" className="btn btn--secondary btn--small" aria-label={`${pt('pay.allocate')} ${r.bankReference}`} onClick={() => setOpen(r.id)}>{pt('pay.allocate')}</button></>
                      )}
                    </td>
                    <td data-label={pt('pay.bankReference')}>{r.bankReference}</td>
                    <td data-label={pt('pay.entries')}>
                      <ul className="plain-list small">
                        {r.entries.map((e) => (
                          <li key={e.id}>
                            {pt(`pay.entry.${e.kind}`)} {e.contractNumber} <code>{e.itemReference}</code> {money(e.amount.amount, e.amount.currency)}
                            {e.reversed ? <span className="muted"> · {pt('pay.reversed')}</span> : e.kind !== 'REVERSAL' && (
                              <> · <button type="button" className="link-button" onClick={() => { const reason = window.prompt(pt('pay.reverseReason')); if (reason?.trim()) reverse.mutate({ entryId: e.id, reason }); }}>{pt('pay.reverse')}</button></>
                            )}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                  {open === r.id && (
                    <tr><td colSpan={6}><AllocateReceipt receipt={r} onDone={() => setOpen(null)} /></td></tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** A refusal because an allocation would leave more of an item open than the bank charge tolerance writes off. */
const aboveTolerance = (err: unknown) => err instanceof ApiError && err.fieldErrors.some((f) => /allocations\.\d+\.amount$/.test(f.field));

/** Allocating what is left of a receipt to the customer's open items in its currency; ticking an item proposes what it can take. */
function AllocateReceipt({ receipt, onDone }: { receipt: ReceiptView; onDone: () => void }) {
  const { pt, money, day } = usePayText();
  const allocate = useAllocateReceipt(receipt.id);
  const items = useReceivables({ companyId: receipt.customer.id, currency: receipt.unallocated.currency, status: 'OPEN' });
  const [picked, setPicked] = useState<Record<string, string>>({});
  // Off by default: money left on a receipt usually pays part of an item, and a write-off would then
  // have to settle the rest within the bank charge tolerance.
  const [writeOff, setWriteOff] = useState(false);
  const currency = receipt.unallocated.currency;
  const candidates = (items.data ?? []).filter((i) => i.customer.id === receipt.customer.id && i.open.currency === currency && new Dec(i.open.amount).gt(0));
  const left = () => Object.values(picked).reduce((rest, a) => rest.minus(/^\d+(\.\d+)?$/.test(a) ? a : 0), new Dec(receipt.unallocated.amount));
  const toggle = (i: ScheduleItemView) => {
    const next = { ...picked };
    if (i.id in next) delete next[i.id];
    else next[i.id] = Dec.max(0, Dec.min(i.open.amount, left())).toFixed(2);
    setPicked(next);
  };
  const allocations = Object.entries(picked).map(([itemId, amount]) => ({ itemId, amount })).filter(isPositive);
  const submit = () => allocate.mutate({ allocations, writeOffBankCharges: writeOff }, { onSuccess: onDone });
  return (
    <section aria-label={pt('pay.allocateReceipt', { amount: money(receipt.unallocated.amount, currency), customer: receipt.customer.name })}>
      <p><strong>{pt('pay.allocateReceipt', { amount: money(receipt.unallocated.amount, currency), customer: receipt.customer.name })}</strong></p>
      {items.isPending ? <Loading /> : items.error ? <ErrorState error={items.error} onRetry={() => void items.refetch()} /> : candidates.length === 0 ? <p className="muted">{pt('pay.noOpenItems', { currency })}</p> : (
        <ul className="plain-list allocate-lines">
          {candidates.map((i) => (
            <li key={i.id}>
              <input type="checkbox" aria-label={`${pt('pay.allocate')} ${i.reference}`} checked={i.id in picked} onChange={() => toggle(i)} />
              <span>{i.contractNumber} · {i.description} · {day(i.dueDate)} · {pt('pay.open')} {money(i.open.amount, i.open.currency)} <code>{i.reference}</code></span>
              {i.id in picked && <input aria-label={`${pt('pay.amount')} ${i.reference}`} inputMode="decimal" value={picked[i.id]} onChange={(e) => setPicked({ ...picked, [i.id]: e.target.value })} />}
            </li>
          ))}
        </ul>
      )}
      <label className="checkbox-row"><input type="checkbox" checked={writeOff} onChange={(e) => setWriteOff(e.target.checked)} /> {pt('pay.writeOffCharges')}</label>
      <FormAlert message={aboveTolerance(allocate.error) ? pt('pay.shortAboveTolerance') : allocate.error ? errorText(allocate.error) : null} />
      <div className="form__actions">
        <button type="button" className="btn btn--ghost" onClick={onDone}>{pt('pay.cancel')}</button>
        <button type="button" className="btn btn--primary" disabled={allocations.length === 0 || allocate.isPending} onClick={submit}>{pt('pay.allocateSave')}</button>
      </div>
    </section>
  );
}
