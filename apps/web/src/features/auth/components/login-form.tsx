import { Link } from 'react-router';
import { LoginBody, type SessionUser } from '@portal/schemas';
import { FormAlert, TextField, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useLogin } from '../api/login.ts';

/** Sign-in with email and password, checked with the API's own schema first. */
export function LoginForm({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const { t } = useI18n();
  const login = useLogin();
  const { register, handleSubmit, setError, formState: { errors } } = useSchemaForm(LoginBody, { defaultValues: { email: '', password: '' } });
  const submit = handleSubmit((body) => login.mutate(body, { onSuccess: (res) => onSignedIn(res.user), onError: (err) => showServerErrors(setError, err) }));

  return (
    <form className="card narrow form" onSubmit={submit} noValidate>
      <h1>{t('login.title')}</h1>
      <p className="muted">{t('login.subtitle')}</p>
      <TextField label={t('login.email')} type="email" autoComplete="username" required error={fieldError(errors, 'email')} autoFocus {...register('email')} />
      <TextField label={t('login.password')} type="password" autoComplete="current-password" required error={fieldError(errors, 'password')} {...register('password')} />
      {/* A 401 here is the sign-in itself refused, not a session that ended. */}
      <FormAlert message={login.error instanceof ApiError && login.error.status === 401 ? t('login.badCredentials') : requestError(login.error)} />
      <button type="submit" className="btn btn--primary btn--block" disabled={login.isPending}>
        {login.isPending ? t('login.submitting') : t('login.submit')}
      </button>
      <p className="form__footer">
        {t('login.noAccount')} <Link to="/register">{t('login.register')}</Link>
      </p>
    </form>
  );
}
