import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { SessionUser } from '@portal/schemas';
import { FormAlert, TextField } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useLogin } from '../api/login.ts';

export function LoginForm({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const { t } = useI18n();
  const login = useLogin();
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const missing: Record<string, string> = {};
    if (!email) missing.email = t('login.email') + ' ✱';
    if (!password) missing.password = t('login.password') + ' ✱';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    login.mutate({ email, password }, { onSuccess: (res) => onSignedIn(res.user), onError: (err) => err instanceof ApiError && setErrors(err.byField()) });
  }

  return (
    <form className="card narrow form" onSubmit={submit} noValidate>
      <h1>{t('login.title')}</h1>
      <p className="muted">{t('login.subtitle')}</p>
      <TextField label={t('login.email')} name="email" type="email" autoComplete="username" required error={errors.email} autoFocus />
      <TextField label={t('login.password')} name="password" type="password" autoComplete="current-password" required error={errors.password} />
      <FormAlert message={login.error && !(login.error instanceof ApiError && login.error.fieldErrors.length) ? login.error.message : null} />
      <button type="submit" className="btn btn--primary btn--block" disabled={login.isPending}>
        {login.isPending ? t('login.submitting') : t('login.submit')}
      </button>
      <p className="form__footer">
        {t('login.noAccount')} <Link to="/register">{t('login.register')}</Link>
      </p>
    </form>
  );
}
