import { ProposeAmendmentBody } from '@portal/schemas';
import { addDays, calendarDate } from '@portal/domain';
import { FormAlert, TextField, blankAsUndefined, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useProposeAmendment } from '../api/propose-amendment.ts';

/** Staff propose an amendment: a later shipment date or other shipping marks, and why. */
export function ProposeAmendmentForm({ contractId }: { contractId: string }) {
  const { t } = useI18n();
  const propose = useProposeAmendment(contractId);
  const { register, handleSubmit, setError, reset, formState: { errors } } = useSchemaForm(ProposeAmendmentBody, { defaultValues: { reason: '', changes: {} } });
  const submit = handleSubmit((body) => propose.mutate(body, { onSuccess: () => reset(), onError: (err) => showServerErrors(setError, err) }));
  const err = (name: string) => fieldError(errors, name);
  return (
    <form className="form inline-form" noValidate onSubmit={submit}>
      <h3>{t('sc.propose')}</h3>
      <div className="grid-3">
        <TextField label={t('sc.latestShipment')} type="date" min={addDays(calendarDate(new Date()), 1)} error={err('changes.latestShipmentDate')} {...register('changes.latestShipmentDate', { setValueAs: blankAsUndefined })} />
        <TextField label={t('sc.marks')} error={err('changes.shippingMarks')} {...register('changes.shippingMarks', { setValueAs: blankAsUndefined })} />
        <TextField label={t('sc.reason')} error={err('reason')} {...register('reason')} />
      </div>
      {err('changes') && <p className="field__error">{err('changes')}</p>}
      <FormAlert message={requestError(propose.error)} />
      <button type="submit" className="btn btn--secondary" disabled={propose.isPending}>{t('sc.proposeSend')}</button>
    </form>
  );
}
