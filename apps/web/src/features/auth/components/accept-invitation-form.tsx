import { useState, type FormEvent } from 'react';
import { AcceptInvitationBody, type SessionUser } from '@portal/schemas';
import { FormAlert, TextField, validate } from '../../../components/form.tsx';
import { ErrorState, Loading } from '../../../components/states.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useAcceptInvitation } from '../api/accept-invitation.ts';
import { useInvitation } from '../api/get-invitation.ts';

export function AcceptInvitationForm({ token, onJoined }: { token: string; onJoined: (user: SessionUser) => void }) {
  const { t, locale } = useI18n();
  const preview = useInvitation(token);
  const accept = useAcceptInvitation();
  const [errors, setErrors] = useState<Record<string, string>>({});

  if (preview.isPending) return <Loading />;
  if (preview.error) {
    return (
      <div className="card narrow">
        <h1>{t('invite.invalid')}</h1>
        <ErrorState error={preview.error} />
      </div>
    );
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const body = { token, name: f.name ?? '', password: f.password ?? '', locale };
    const result = validate(AcceptInvitationBody, body);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    accept.mutate(body, { onSuccess: (res) => onJoined(res.user), onError: (err) => err instanceof ApiError && setErrors(err.byField()) });
  }

  const i = preview.data;
  return (
    <form className="card narrow form" onSubmit={submit} noValidate>
      <h1>{t('invite.title', { company: i.companyName })}</h1>
      <p className="muted">{t('invite.subtitle', { inviter: i.invitedBy, email: i.email })}</p>
      <TextField label={t('field.email')} name="email" value={i.email} readOnly />
      <TextField label={t('register.name')} name="name" autoComplete="name" required error={errors.name} autoFocus />
      <TextField label={t('register.password')} name="password" type="password" autoComplete="new-password" required hint={t('register.passwordHint')} error={errors.password} />
      <FormAlert message={accept.error && !(accept.error instanceof ApiError && accept.error.fieldErrors.length) ? accept.error.message : null} />
      <button type="submit" className="btn btn--primary btn--block" disabled={accept.isPending}>
        {accept.isPending ? t('common.saving') : t('invite.submit')}
      </button>
    </form>
  );
}
