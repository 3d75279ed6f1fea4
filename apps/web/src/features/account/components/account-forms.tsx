import { useState, type FormEvent } from 'react';
import { ChangePasswordBody, type SessionUser } from '@portal/schemas';
import { FormAlert, SelectField, TextField, validate } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n, type Locale } from '../../../lib/i18n.tsx';
import { useChangePassword } from '../api/change-password.ts';
import { useUpdateProfile } from '../api/update-profile.ts';

export function ProfileForm({ user }: { user: SessionUser }) {
  const { t, setLocale } = useI18n();
  const update = useUpdateProfile();
  const [errors, setErrors] = useState<Record<string, string>>({});
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    update.mutate(
      { name: f.name ?? '', locale: f.locale as Locale },
      { onSuccess: (u) => setLocale(u.locale), onError: (err) => err instanceof ApiError && setErrors(err.byField()) },
    );
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField label={t('field.email')} name="email" value={user.email} readOnly />
      <TextField label={t('field.name')} name="name" defaultValue={user.name} autoComplete="name" error={errors.name} />
      <SelectField label={t('lang.label')} name="locale" defaultValue={user.locale}>
        <option value="en">English</option>
        <option value="zh-CN">简体中文</option>
      </SelectField>
      <FormAlert tone="success" message={update.isSuccess ? t('common.saved') : null} />
      <button className="btn btn--primary" type="submit" disabled={update.isPending}>{update.isPending ? t('common.saving') : t('common.save')}</button>
    </form>
  );
}

export function PasswordForm() {
  const { t } = useI18n();
  const change = useChangePassword();
  const [errors, setErrors] = useState<Record<string, string>>({});
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const result = validate(ChangePasswordBody, f);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    change.mutate(result.data, { onSuccess: () => form.reset(), onError: (err) => err instanceof ApiError && setErrors(err.byField()) });
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField label={t('account.current')} name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} />
      <TextField label={t('account.new')} name="newPassword" type="password" autoComplete="new-password" hint={t('register.passwordHint')} error={errors.newPassword} />
      <FormAlert tone="success" message={change.isSuccess ? t('account.changed') : null} />
      <FormAlert message={change.error && !(change.error instanceof ApiError && change.error.fieldErrors.length) ? change.error.message : null} />
      <button className="btn btn--primary" type="submit" disabled={change.isPending}>{t('account.password')}</button>
    </form>
  );
}
