import { AcceptInvitationBody, type SessionUser } from '@portal/schemas';
import { FormAlert, TextField, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { ErrorState, Loading } from '../../../components/states.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useAcceptInvitation } from '../api/accept-invitation.ts';
import { useInvitation } from '../api/get-invitation.ts';

/** The invited colleague names themselves and chooses a password; the account joins the inviting company. */
export function AcceptInvitationForm({ token, onJoined }: { token: string; onJoined: (user: SessionUser) => void }) {
  const { t, locale } = useI18n();
  const preview = useInvitation(token);
  const accept = useAcceptInvitation();
  const { register, handleSubmit, setError, formState: { errors } } = useSchemaForm(AcceptInvitationBody, { defaultValues: { token, name: '', password: '', locale } });

  if (preview.isPending) return <Loading />;
  if (preview.error) {
    return (
      <div className="card narrow">
        <h1>{t('invite.invalid')}</h1>
        <ErrorState error={preview.error} />
      </div>
    );
  }

  const submit = handleSubmit((body) => accept.mutate(body, { onSuccess: (res) => onJoined(res.user), onError: (err) => showServerErrors(setError, err) }));
  const i = preview.data;
  return (
    <form className="card narrow form" onSubmit={submit} noValidate>
      <h1>{t('invite.title', { company: i.companyName })}</h1>
      <p className="muted">{t('invite.subtitle', { inviter: i.invitedBy, email: i.email })}</p>
      <TextField label={t('field.email')} name="email" value={i.email} readOnly />
      <TextField label={t('register.name')} autoComplete="name" required error={fieldError(errors, 'name')} autoFocus {...register('name')} />
      <TextField label={t('register.password')} type="password" autoComplete="new-password" required hint={t('register.passwordHint')} error={fieldError(errors, 'password')} {...register('password')} />
      <FormAlert message={requestError(accept.error)} />
      <button type="submit" className="btn btn--primary btn--block" disabled={accept.isPending}>
        {accept.isPending ? t('common.saving') : t('invite.submit')}
      </button>
    </form>
  );
}
