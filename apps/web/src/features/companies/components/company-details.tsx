import { useState } from 'react';
import { UpdateCompanyBody, type CompanyDetail } from '@portal/schemas';
import { FormAlert, TextField, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { StatusBadge } from '../../../components/states.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useUpdateCompany } from '../api/update-company.ts';
import { PendingIdentityNotice } from './identity-change.tsx';

/** A buyer company's details; company admins (and portal admins) can edit them in place. */
export function CompanyDetails({ company, canEdit, ownCompany = false }: { company: CompanyDetail; canEdit: boolean; /** The buyer's own company: their pending change is shown. */ ownCompany?: boolean }) {
  const { t, country, date } = useI18n();
  const [editing, setEditing] = useState(false);
  if (editing) return <CompanyDetailsForm company={company} onDone={() => setEditing(false)} />;

  const dash = t('common.none');
  return (
    <div>
      {ownCompany && <PendingIdentityNotice company={company} />}
      <dl className="details">
        <dt>{t('register.companyName')}</dt><dd>{company.name}</dd>
        <dt>{t('companies.status')}</dt><dd><StatusBadge status={company.status} /></dd>
        <dt>{t('register.address1')}</dt>
        <dd>
          {company.addressLine1}
          {company.addressLine2 && <><br />{company.addressLine2}</>}
          <br />
          {[company.postalCode, company.city].filter(Boolean).join(' ')}, {country(company.country)}
        </dd>
        <dt>{t('register.taxId')}</dt><dd>{company.taxId ?? dash}</dd>
        <dt>{t('register.currency')}</dt><dd>{company.defaultCurrency}</dd>
        <dt>{t('review.creditTerms')}</dt><dd>{company.creditTermsDays ?? dash}</dd>
        <dt>{t('register.website')}</dt><dd>{company.website ? <a href={company.website} rel="noopener noreferrer" target="_blank">{company.website}</a> : dash}</dd>
        <dt>{t('register.phone')}</dt><dd>{company.phone ?? dash}</dd>
        <dt>{t('companies.registered')}</dt><dd>{date(company.createdAt)}</dd>
        {company.reviewedAt && (<><dt>{t('review.title')}</dt><dd>{t('review.reviewedBy', { name: company.reviewedBy ?? dash, date: new Date(company.reviewedAt) })}{company.statusReason && <> — {company.statusReason}</>}</dd></>)}
      </dl>
      {canEdit && (
        <button type="button" className="btn btn--secondary" onClick={() => setEditing(true)}>
          {t('company.edit')}
        </button>
      )}
    </div>
  );
}

function CompanyDetailsForm({ company, onDone }: { company: CompanyDetail; onDone: () => void }) {
  const { t } = useI18n();
  const update = useUpdateCompany(company.id);
  const { register, handleSubmit, setError, formState: { errors } } = useSchemaForm(UpdateCompanyBody, {
    defaultValues: {
      name: company.name, addressLine1: company.addressLine1, addressLine2: company.addressLine2 ?? '', city: company.city,
      postalCode: company.postalCode ?? '', taxId: company.taxId ?? '', website: company.website ?? '', phone: company.phone ?? '',
    },
  });
  const submit = handleSubmit((body) => update.mutate(body, { onSuccess: onDone, onError: (err) => showServerErrors(setError, err) }));
  const err = (name: string) => fieldError(errors, name);
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="grid-2">
        <TextField label={t('register.companyName')} error={err('name')} {...register('name')} />
        <TextField label={t('register.city')} error={err('city')} {...register('city')} />
        <TextField label={t('register.address1')} error={err('addressLine1')} {...register('addressLine1')} />
        <TextField label={t('register.address2')} optional error={err('addressLine2')} {...register('addressLine2')} />
        <TextField label={t('register.postalCode')} optional error={err('postalCode')} {...register('postalCode')} />
        <TextField label={t('register.taxId')} optional error={err('taxId')} {...register('taxId')} />
        <TextField label={t('register.website')} optional error={err('website')} {...register('website')} />
        <TextField label={t('register.phone')} optional error={err('phone')} {...register('phone')} />
      </div>
      <FormAlert message={requestError(update.error)} />
      <div className="form__actions">
        <button className="btn btn--primary" type="submit" disabled={update.isPending}>{update.isPending ? t('common.saving') : t('common.save')}</button>
        <button className="btn btn--secondary" type="button" onClick={onDone}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
