import { useState, type FormEvent } from 'react';
import type { ContractExecutionView } from '@portal/schemas';
import { ApiError } from '../../../lib/api.ts';
import { useCreateShipment } from '../api/create-shipment.ts';
import { useShipmentsText } from '../messages.ts';

/** Staff plan a shipment: a quantity per contract line (the remaining by default) and the planned departure. */
export function PlanShipmentForm({ execution }: { execution: ContractExecutionView }) {
  const { s } = useShipmentsText();
  const create = useCreateShipment(execution.contract.id);
  const open = execution.lines.filter((l) => Number(l.mayStillShip) > 0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (open.length === 0) return null;

  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const form = new FormData(ev.currentTarget);
    const lines = open.map((l) => ({ contractLineNo: l.contractLineNo, quantity: String(form.get(`qty-${l.contractLineNo}`) ?? '').trim() })).filter((l) => l.quantity !== '' && l.quantity !== '0');
    const plannedDeparture = String(form.get('plannedDeparture') ?? '');
    setErrors({});
    create.mutate({ lines, ...(plannedDeparture ? { plannedDeparture } : {}) }, { onError: (e) => setErrors(e instanceof ApiError ? e.byField() : {}) });
  };

  return (
    <form className="form card card--flat" onSubmit={submit} aria-labelledby="plan-title" noValidate>
      <h3 id="plan-title">{s('plan.title')}</h3>
      <div className="grid-3">
        {open.map((l, i) => (
          <div className={`field${errors[`lines.${i}.quantity`] ? ' field--invalid' : ''}`} key={l.contractLineNo}>
            <label htmlFor={`qty-${l.contractLineNo}`}>{s('plan.line', { n: l.contractLineNo, description: l.description })} — {s('plan.qty', { unit: l.unit, max: Number(l.mayStillShip) })}</label>
            <input id={`qty-${l.contractLineNo}`} name={`qty-${l.contractLineNo}`} inputMode="decimal" defaultValue={Number(l.remaining) > 0 ? Number(l.remaining).toString() : ''} aria-invalid={Boolean(errors[`lines.${i}.quantity`])} />
            {errors[`lines.${i}.quantity`] && <p className="field__error" role="alert">{errors[`lines.${i}.quantity`]}</p>}
          </div>
        ))}
        <div className="field">
          <label htmlFor="plannedDeparture">{s('plan.departure')}</label>
          <input id="plannedDeparture" name="plannedDeparture" type="date" defaultValue={execution.contract.latestShipmentDate} />
        </div>
      </div>
      {errors.lines && <p className="field__error" role="alert">{errors.lines}</p>}
      {create.error && !(create.error instanceof ApiError && create.error.fieldErrors.length) && <p className="alert alert--error" role="alert">{create.error.message}</p>}
      <div className="form__actions"><button className="btn btn--primary" type="submit" disabled={create.isPending}>{s('plan.submit')}</button></div>
    </form>
  );
}
