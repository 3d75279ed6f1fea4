import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BusinessSettings } from '@portal/schemas';
import { useSession } from '../../features/auth/api/get-session.ts';
import { FormAlert, TextField, validate } from '../../components/form.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';

export default function StaffSettingsRoute() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { data: user } = useSession();
  const settings = useQuery({ queryKey: ['settings'], queryFn: ({ signal }) => api<BusinessSettings>('/api/settings', { signal }) });
  const save = useMutation({ mutationFn: (body: BusinessSettings) => api<BusinessSettings>('/api/settings', { method: 'PUT', body }), onSuccess: (s) => qc.setQueryData(['settings'], s) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorState error={settings.error} />;
  const canEdit = user!.role === 'MANAGER' || user!.role === 'ADMIN';
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const pct = Number(f.marginFloorPct);
    const body = { responseTargetHours: Number(f.responseTargetHours), marginFloorRate: Number.isFinite(pct) ? (pct / 100).toFixed(4).replace(/0+$/, '').replace(/\.$/, '') : String(f.marginFloorPct), quoteValidityDays: Number(f.quoteValidityDays) };
    const result = validate(BusinessSettings, body);
    if (!result.ok) return setErrors({ ...result.errors, ...(result.errors.marginFloorRate ? { marginFloorPct: result.errors.marginFloorRate } : {}) });
    setErrors({});
    save.mutate(result.data, { onError: (err) => err instanceof ApiError && setErrors(err.byField()) });
  }
  const s = settings.data;
  return (
    <div className="page">
      <h1>{t('settings.title')}</h1>
      <form className="card form narrow-form" onSubmit={submit} noValidate>
        <TextField label={t('settings.responseTarget')} name="responseTargetHours" type="number" min={1} max={720} defaultValue={s.responseTargetHours} hint={t('settings.responseTargetHint')} error={errors.responseTargetHours} readOnly={!canEdit} />
        <TextField label={t('settings.marginFloor')} name="marginFloorPct" type="number" step="0.1" min={0} max={99} defaultValue={(Number(s.marginFloorRate) * 100).toString()} hint={t('settings.marginFloorHint')} error={errors.marginFloorPct} readOnly={!canEdit} />
        <TextField label={t('settings.validity')} name="quoteValidityDays" type="number" min={1} max={365} defaultValue={s.quoteValidityDays} error={errors.quoteValidityDays} readOnly={!canEdit} />
        <FormAlert tone="success" message={save.isSuccess ? t('common.saved') : null} />
        <FormAlert message={save.error && !(save.error instanceof ApiError && save.error.fieldErrors.length) ? save.error.message : null} />
        {canEdit && <button type="submit" className="btn btn--primary" disabled={save.isPending}>{t('common.save')}</button>}
      </form>
    </div>
  );
}
