import { z } from 'zod';
import { BusinessSettings } from '@portal/schemas';
import { Dec, incoterms } from '@portal/domain';
import { FormAlert, TextField, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useUpdateSettings } from '../api/update-settings.ts';

/** "8" (percent, as managers think of it) → "0.08" (the rate the API keeps); anything else is left for the schema to refuse. */
function percentAsRate(percent: string): string {
  return /^\d+(\.\d+)?$/.test(percent) ? new Dec(percent).div(100).toFixed() : percent;
}

/** The settings as the form holds them: the margin floor in percent, checked as the contract's rate. */
const SettingsFields = BusinessSettings.extend({
  marginFloorRate: z.string().trim().transform(percentAsRate).pipe(BusinessSettings.shape.marginFloorRate),
});

/** The business settings; managers and admins change them, other staff read them. */
export function SettingsForm({ settings, canEdit }: { settings: BusinessSettings; canEdit: boolean }) {
  const { t } = useI18n();
  const save = useUpdateSettings();
  const { register, handleSubmit, setError, formState: { errors } } = useSchemaForm(SettingsFields, {
    defaultValues: { ...settings, marginFloorRate: new Dec(settings.marginFloorRate).times(100).toFixed() },
  });
  const submit = handleSubmit((body) => save.mutate(body, { onError: (err) => showServerErrors(setError, err) }));
  return (
    <form className="card form narrow-form" onSubmit={submit} noValidate>
      <TextField label={t('settings.responseTarget')} type="number" min={1} max={720} hint={t('settings.responseTargetHint')} error={fieldError(errors, 'responseTargetHours')} readOnly={!canEdit} {...register('responseTargetHours', { valueAsNumber: true })} />
      <TextField label={t('settings.marginFloor')} type="number" step="0.1" min={0} max={99} hint={t('settings.marginFloorHint')} error={fieldError(errors, 'marginFloorRate')} readOnly={!canEdit} {...register('marginFloorRate')} />
      <TextField label={t('settings.validity')} type="number" min={1} max={365} error={fieldError(errors, 'quoteValidityDays')} readOnly={!canEdit} {...register('quoteValidityDays', { valueAsNumber: true })} />
      <fieldset className="checkbox-row" disabled={!canEdit} aria-describedby="quoted-incoterms-hint">
        <legend>{t('settings.incoterms')}</legend>
        {incoterms.map((term) => (
          <label key={term}><input type="checkbox" value={term} {...register('quotedIncoterms')} /> {term}</label>
        ))}
        <small className="field__hint" id="quoted-incoterms-hint">{t('settings.incotermsHint')}</small>
        {fieldError(errors, 'quotedIncoterms') && <p className="field__error" role="alert">{fieldError(errors, 'quotedIncoterms')}</p>}
      </fieldset>
      <FormAlert tone="success" message={save.isSuccess ? t('common.saved') : null} />
      <FormAlert message={requestError(save.error)} />
      {canEdit && <button type="submit" className="btn btn--primary" disabled={save.isPending}>{t('common.save')}</button>}
    </form>
  );
}
