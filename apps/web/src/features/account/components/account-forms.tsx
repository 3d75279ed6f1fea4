import { ChangePasswordBody, UpdateProfileBody, type SessionUser } from '@portal/schemas';
import { FormAlert, SelectField, TextField, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useChangePassword } from '../api/change-password.ts';
import { useUpdateProfile } from '../api/update-profile.ts';

/** The user's own name and interface language. */
export function ProfileForm({ user }: { user: SessionUser }) {
  const { t, setLocale } = useI18n();
  const update = useUpdateProfile();
  const { register, handleSubmit, setError, formState: { errors } } = useSchemaForm(UpdateProfileBody, { defaultValues: { name: user.name, locale: user.locale } });
  const submit = handleSubmit((body) => update.mutate(body, { onSuccess: (u) => setLocale(u.locale), onError: (err) => showServerErrors(setError, err) }));
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField label={t('field.email')} name="email" value={user.email} readOnly />
      <TextField label={t('field.name')} autoComplete="name" error={fieldError(errors, 'name')} {...register('name')} />
      <SelectField label={t('lang.label')} {...register('locale')}>
        <option value="en">English</option>
        <option value="zh-CN">简体中文</option>
      </SelectField>
      <FormAlert tone="success" message={update.isSuccess ? t('common.saved') : null} />
      <button className="btn btn--primary" type="submit" disabled={update.isPending}>{update.isPending ? t('common.saving') : t('common.save')}</button>
    </form>
  );
}

/** A new password, with the current one asked again. */
export function PasswordForm() {
  const { t } = useI18n();
  const change = useChangePassword();
  const { register, handleSubmit, setError, reset, formState: { errors } } = useSchemaForm(ChangePasswordBody, { defaultValues: { currentPassword: '', newPassword: '' } });
  const submit = handleSubmit((body) => change.mutate(body, { onSuccess: () => reset(), onError: (err) => showServerErrors(setError, err) }));
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField label={t('account.current')} type="password" autoComplete="current-password" error={fieldError(errors, 'currentPassword')} {...register('currentPassword')} />
      <TextField label={t('account.new')} type="password" autoComplete="new-password" hint={t('register.passwordHint')} error={fieldError(errors, 'newPassword')} {...register('newPassword')} />
      <FormAlert tone="success" message={change.isSuccess ? t('account.changed') : null} />
      <FormAlert message={requestError(change.error)} />
      <button className="btn btn--primary" type="submit" disabled={change.isPending}>{t('account.password')}</button>
    </form>
  );
}
