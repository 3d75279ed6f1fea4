import { useState } from 'react';
import { InviteBody } from '@portal/schemas';
import { FormAlert, TextField, fieldError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { EmptyState, ErrorState, Loading, StatusBadge } from '../../../components/states.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCompanyUsers } from '../api/get-company-users.ts';
import { useInviteUser } from '../api/invite-user.ts';
import { useUpdateCompanyUser } from '../api/update-company-user.ts';
import { useWithdrawInvitation } from '../api/withdraw-invitation.ts';

/** The users of a buyer company, their open invitations, and (for admins) the controls. */
export function CompanyUsers({ companyId, currentUserId, canManage }: { companyId: string; currentUserId: string; canManage: boolean }) {
  const { t, date, dateTime } = useI18n();
  const { data, isPending, error, refetch } = useCompanyUsers(companyId);
  const update = useUpdateCompanyUser(companyId);
  const withdraw = useWithdrawInvitation(companyId);

  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;

  return (
    <div className="stack">
      <div className="table-wrap">
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('field.email')}</th>
              <th scope="col">{t('companies.status')}</th>
              <th scope="col">{t('company.lastLogin')}</th>
              {canManage && <th scope="col"><span className="visually-hidden">{t('users.actions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {data.users.map((u) => (
              <tr key={u.id}>
                <td className="cell--title">
                  {u.name}
                  {u.id === currentUserId && <span className="muted"> ({t('company.you')})</span>}
                  {u.isCompanyAdmin && <span className="badge badge--info">{t('company.admin')}</span>}
                </td>
                <td data-label={t('field.email')}>{u.email}</td>
                <td data-label={t('companies.status')}><StatusBadge status={u.status} /></td>
                <td data-label={t('company.lastLogin')}>{u.lastLoginAt ? dateTime(u.lastLoginAt) : t('company.never')}</td>
                {canManage && (
                  <td>
                    <div className="actions">
                    {u.id !== currentUserId && (
                      <>
                        <button type="button" className="btn btn--small btn--secondary" disabled={update.isPending} onClick={() => update.mutate({ userId: u.id, isCompanyAdmin: !u.isCompanyAdmin })}>
                          {u.isCompanyAdmin ? t('company.removeAdmin') : t('company.makeAdmin')}
                        </button>
                        <button type="button" className="btn btn--small btn--secondary" disabled={update.isPending} onClick={() => update.mutate({ userId: u.id, status: u.status === 'ACTIVE' ? 'DISABLED' : 'ACTIVE' })}>
                          {u.status === 'ACTIVE' ? t('company.disable') : t('company.enable')}
                        </button>
                      </>
                    )}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormAlert message={update.error} />
      {data.invitations.length > 0 && (
        <section>
          <h3>{t('company.pendingInvites')}</h3>
          <ul className="plain-list">
            {data.invitations.map((i) => (
              <li key={i.id}>
                <span>{i.email}</span> <span className="muted">· {t('company.expires', { date: new Date(i.expiresAt) })}</span>
                {canManage && (
                  <button type="button" className="link-button" onClick={() => withdraw.mutate(i.id)}>
                    {t('company.withdraw')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {canManage ? <InviteForm companyId={companyId} /> : <EmptyState>{t('company.onlyAdmins')}</EmptyState>}
    </div>
  );
}

/** A company admin invites a colleague by email. */
function InviteForm({ companyId }: { companyId: string }) {
  const { t } = useI18n();
  const invite = useInviteUser(companyId);
  const [sent, setSent] = useState<string>();
  const { register, handleSubmit, setError, reset, formState: { errors } } = useSchemaForm(InviteBody, { defaultValues: { email: '' } });
  const submit = handleSubmit(({ email }) => {
    setSent(undefined);
    invite.mutate(email, {
      onSuccess: (inv) => {
        setSent(t('company.invited', { email: inv.email }));
        reset();
      },
      onError: (err) => (err instanceof ApiError && err.fieldErrors.length ? showServerErrors(setError, err) : setError('email', { type: 'server', message: err.message })),
    });
  });

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <h3>{t('company.invite')}</h3>
      <div className="inline-form__row">
        <TextField label={t('company.inviteEmail')} type="email" error={fieldError(errors, 'email')} {...register('email')} />
        <button type="submit" className="btn btn--primary" disabled={invite.isPending}>{t('company.inviteSend')}</button>
      </div>
      <FormAlert tone="success" message={sent} />
    </form>
  );
}
