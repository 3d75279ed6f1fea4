import { useState, type FormEvent } from 'react';
import { milestones, type RecordEventBody, type ShipmentView } from '@portal/schemas';
import { ApiError } from '../../../lib/api.ts';
import { useRecordEvent } from '../api/record-event.ts';
import { useShipmentsText, type ShipmentsTextKey } from '../messages.ts';

type Milestone = (typeof milestones)[number];
const perContainer = new Set<Milestone>(['CONTAINER_STUFFED', 'GATED_IN', 'LOADED', 'DISCHARGED', 'DELIVERED']);

/** A labelled input whose error comes from the API's field name. */
function Input({ name, label, errors, type = 'text', required, defaultValue }: { name: string; label: string; errors: Record<string, string>; type?: string; required?: boolean; defaultValue?: string }) {
  const id = `ev-${name}`;
  const error = errors[name];
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type={type} required={required} defaultValue={defaultValue} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} />
      {error && <p id={`${id}-error`} className="field__error" role="alert">{error}</p>}
    </div>
  );
}

/** Staff record a milestone of a shipment: the fields follow the milestone (booking details, container figures, B/L, batch); an actual corrects another only with a reason. */
export function MilestoneForm({ contractId, shipment, today }: { contractId: string; shipment: ShipmentView; today: string }) {
  const { s } = useShipmentsText();
  const record = useRecordEvent(contractId, shipment.id);
  const [milestone, setMilestone] = useState<Milestone>(shipment.status === 'PLANNED' ? 'BOOKING_CONFIRMED' : shipment.status === 'BOOKED' ? 'CONTAINER_STUFFED' : 'ARRIVED');
  const [classifier, setClassifier] = useState<'PLN' | 'EST' | 'ACT'>('ACT');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const actuals = shipment.events.filter((e) => e.classifier === 'ACT' && e.milestone === milestone && !e.supersededById);

  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget);
    const v = (k: string) => {
      const x = String(f.get(k) ?? '').trim();
      return x === '' ? undefined : x;
    };
    const body: Record<string, unknown> = {
      milestone, classifier, date: v('date'), containerNumber: v('containerNumber'), batchNo: v('batchNo'), onBoardDate: v('onBoardDate'), blNumber: v('blNumber'),
      location: v('location'), supersedesId: v('supersedesId'), reason: v('reason'), note: v('note'),
    };
    if (milestone === 'BOOKING_CONFIRMED' && classifier === 'ACT') {
      body.booking = { carrier: v('booking.carrier'), vessel: v('booking.vessel'), voyage: v('booking.voyage'), bookingNumber: v('booking.bookingNumber'), portOfLoadingCode: v('booking.portOfLoadingCode')?.toUpperCase(), portOfDischargeCode: v('booking.portOfDischargeCode')?.toUpperCase(), etd: v('booking.etd'), eta: v('booking.eta') };
    }
    if (milestone === 'CONTAINER_STUFFED' && classifier === 'ACT' && !v('supersedesId')) {
      body.container = { sizeType: v('container.sizeType'), sealNumber: v('container.sealNumber'), cartons: Number(v('container.cartons') ?? 0), cargoGrossKg: v('container.cargoGrossKg'), cbm: v('container.cbm'), vgmKg: v('container.vgmKg') };
    }
    setErrors({});
    setDone(false);
    record.mutate(JSON.parse(JSON.stringify(body)) as RecordEventBody, {
      onError: (e) => setErrors(e instanceof ApiError ? e.byField() : {}),
      onSuccess: () => setDone(true),
    });
  };

  const otherErrors = Object.entries(errors).filter(([k]) => !['date', 'containerNumber', 'batchNo', 'onBoardDate', 'blNumber', 'location', 'reason', 'supersedesId', 'note'].includes(k) && !k.startsWith('booking.') && !k.startsWith('container.'));
  return (
    <form className="form card card--flat" onSubmit={submit} aria-labelledby={`rec-${shipment.id}`} noValidate>
      <h3 id={`rec-${shipment.id}`}>{s('rec.title')}</h3>
      <div className="grid-3">
        <div className="field">
          <label htmlFor={`ms-${shipment.id}`}>{s('rec.milestone')}</label>
          <select id={`ms-${shipment.id}`} value={milestone} onChange={(e) => setMilestone(e.target.value as Milestone)}>
            {milestones.map((m) => <option key={m} value={m}>{s(`m.${m}` as ShipmentsTextKey)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`cl-${shipment.id}`}>{s('rec.classifier')}</label>
          <select id={`cl-${shipment.id}`} value={classifier} onChange={(e) => setClassifier(e.target.value as 'PLN' | 'EST' | 'ACT')}>
            {(['ACT', 'EST', 'PLN'] as const).map((c) => <option key={c} value={c}>{s(`c.${c}`)}</option>)}
          </select>
        </div>
        <Input name="date" type="date" label={milestone === 'BL_ISSUED' ? `${s('rec.date')} (B/L)` : s('rec.date')} errors={errors} defaultValue={today} required />
        {perContainer.has(milestone) && <Input name="containerNumber" label={s('rec.container')} errors={errors} />}
        {milestone === 'INSPECTION_PASSED' && <Input name="batchNo" label={s('rec.batch')} errors={errors} />}
        {milestone === 'BL_ISSUED' && <><Input name="blNumber" label={s('rec.blNumber')} errors={errors} /><Input name="onBoardDate" type="date" label={s('rec.onBoard')} errors={errors} defaultValue={today} /></>}
        {['DEPARTED', 'ARRIVED'].includes(milestone) && <Input name="location" label={s('rec.location')} errors={errors} />}
      </div>
      {milestone === 'BOOKING_CONFIRMED' && classifier === 'ACT' && (
        <fieldset className="grid-3">
          <legend>{s('m.BOOKING_CONFIRMED')}</legend>
          <Input name="booking.carrier" label={s('rec.carrier')} errors={errors} defaultValue={shipment.carrier ?? ''} />
          <Input name="booking.vessel" label={s('rec.vessel')} errors={errors} defaultValue={shipment.vessel ?? ''} />
          <Input name="booking.voyage" label={s('rec.voyage')} errors={errors} defaultValue={shipment.voyage ?? ''} />
          <Input name="booking.bookingNumber" label={s('rec.bookingNo')} errors={errors} defaultValue={shipment.bookingNumber ?? ''} />
          <Input name="booking.portOfLoadingCode" label={s('rec.pol')} errors={errors} defaultValue={shipment.portOfLoading?.code ?? ''} />
          <Input name="booking.portOfDischargeCode" label={s('rec.pod')} errors={errors} defaultValue={shipment.portOfDischarge?.code ?? ''} />
          <Input name="booking.etd" type="date" label={s('rec.etd')} errors={errors} defaultValue={shipment.etd ?? ''} />
          <Input name="booking.eta" type="date" label={s('rec.eta')} errors={errors} defaultValue={shipment.eta ?? ''} />
        </fieldset>
      )}
      {milestone === 'CONTAINER_STUFFED' && classifier === 'ACT' && (
        <fieldset className="grid-3">
          <legend>{s('ex.container')}</legend>
          <Input name="container.sizeType" label={s('rec.sizeType')} errors={errors} defaultValue="40HC" />
          <Input name="container.sealNumber" label={s('rec.seal')} errors={errors} />
          <Input name="container.cartons" label={s('rec.cartons')} errors={errors} />
          <Input name="container.cargoGrossKg" label={s('rec.gross')} errors={errors} />
          <Input name="container.cbm" label={s('rec.cbm')} errors={errors} />
          <Input name="container.vgmKg" label={s('rec.vgm')} errors={errors} />
        </fieldset>
      )}
      {classifier === 'ACT' && actuals.length > 0 && (
        <div className="grid-3">
          <div className="field">
            <label htmlFor={`sup-${shipment.id}`}>{s('rec.corrects')}</label>
            <select key={milestone} id={`sup-${shipment.id}`} name="supersedesId" defaultValue={perContainer.has(milestone) ? '' : actuals[0]!.id}>
              <option value="">{s('rec.new')}</option>
              {actuals.map((e) => <option key={e.id} value={e.id}>{e.date}{e.containerNumber ? ` · ${e.containerNumber}` : ''}</option>)}
            </select>
          </div>
          <Input name="reason" label={s('rec.reason')} errors={errors} />
        </div>
      )}
      <Input name="note" label={s('rec.note')} errors={errors} />
      {otherErrors.length > 0 && <p className="alert alert--error" role="alert">{otherErrors.map(([k, m]) => `${k}: ${m}`).join('; ')}</p>}
      {record.error && !(record.error instanceof ApiError && record.error.fieldErrors.length) && <p className="alert alert--error" role="alert">{record.error.message}</p>}
      {done && <p className="alert alert--success" role="status">{s('rec.saved')}</p>}
      <div className="form__actions"><button className="btn btn--primary" type="submit" disabled={record.isPending}>{s('rec.submit')}</button></div>
    </form>
  );
}
