import { useState } from 'react';
import { CreateStaffBody, staffRoles, type UserSummary } from '@portal/schemas';
import { FormAlert, SelectField, TextField, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { ErrorState, Loading, StatusBadge } from '../../../components/states.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCreateStaff } from '../api/create-staff.ts';
import { useStaff } from '../api/list-staff.ts';
import { useUpdateStaff } from '../api/update-staff.ts';

/** The administrator's list of staff accounts: roles, disabling, and new accounts. */
export function StaffManager({ currentUserId }: { currentUserId: string }) {
  const { t, dateTime } = useI18n();
  const { data, isPending, error, refetch } = useStaff();
  const update = useUpdateStaff();
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <div className="stack">
      <div className="table-wrap">
        <table className="table table--dense table--stack">
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('field.email')}</th>
              <th scope="col">{t('staff.role')}</th>
              <th scope="col">{t('companies.status')}</th>
              <th scope="col">{t('company.lastLogin')}</th>
              <th scope="col"><span className="visually-hidden">{t('users.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {data.map((u: UserSummary) => (
              <tr key={u.id}>
                <td className="cell--title">{u.name}</td>
                <td data-label={t('field.email')}>{u.email}</td>
                <td data-label={t('staff.role')}>
                  <select aria-label={`${t('staff.role')}: ${u.name}`} value={u.role} disabled={u.id === currentUserId || update.isPending} onChange={(e) => update.mutate({ userId: u.id, role: e.target.value as (typeof staffRoles)[number] })}>
                    {staffRoles.map((r) => (
                      <option key={r} value={r}>{t(`role.${r}`)}</option>
                    ))}
                  </select>
                </td>
                <td data-label={t('companies.status')}><StatusBadge status={u.status} /></td>
                <td data-label={t('company.lastLogin')}>{u.lastLoginAt ? dateTime(u.lastLoginAt) : t('company.never')}</td>
                <td>
                  <div className="actions">
                  {u.id !== currentUserId && (
                    <button type="button" className="btn btn--small btn--secondary" disabled={update.isPending} onClick={() => update.mutate({ userId: u.id, status: u.status === 'ACTIVE' ? 'DISABLED' : 'ACTIVE' })}>
                      {u.status === 'ACTIVE' ? t('company.disable') : t('company.enable')}
                    </button>
                  )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormAlert message={update.error} />
      <CreateStaffForm />
    </div>
  );
}

/** An administrator opens a staff account. */
function CreateStaffForm() {
  const { t } = useI18n();
  const create = useCreateStaff();
  const [done, setDone] = useState<string>();
  const { register, handleSubmit, setError, reset, formState: { errors } } = useSchemaForm(CreateStaffBody, { defaultValues: { name: '', email: '', role: 'CLERK', password: '' } });
  const submit = handleSubmit((body) => {
    setDone(undefined);
    create.mutate(body, {
      onSuccess: (u) => {
        setDone(t('staff.created', { email: u.email }));
        reset();
      },
      onError: (err) => showServerErrors(setError, err),
    });
  });
  const err = (name: string) => fieldError(errors, name);
  return (
    <form className="form card card--flat" onSubmit={submit} noValidate>
      <h3>{t('staff.create')}</h3>
      <div className="grid-2">
        <TextField label={t('field.name')} error={err('name')} {...register('name')} />
        <TextField label={t('field.email')} type="email" error={err('email')} {...register('email')} />
        <SelectField label={t('staff.role')} error={err('role')} {...register('role')}>
          {staffRoles.map((r) => (
            <option key={r} value={r}>{t(`role.${r}`)}</option>
          ))}
        </SelectField>
        <TextField label={t('register.password')} type="password" autoComplete="new-password" hint={t('register.passwordHint')} error={err('password')} {...register('password')} />
      </div>
      <FormAlert tone="success" message={done} />
      <FormAlert message={requestError(create.error)} />
      <button type="submit" className="btn btn--primary" disabled={create.isPending}>{t('staff.create')}</button>
    </form>
  );
}
