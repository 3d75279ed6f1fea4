import { useState, type FormEvent } from 'react';
import { UpdateCompanyBody, type CompanyDetail } from '@portal/schemas';
import { FormAlert, TextField, validate } from '../../../components/form.tsx';
import { StatusBadge } from '../../../components/states.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useUpdateCompany } from '../api/update-company.ts';
import { PendingIdentityNotice } from './identity-change.tsx';

/** A buyer company's details; company admins (and portal admins) can edit them in place. */
export function CompanyDetails({ company, canEdit, ownCompany = false }: { company: CompanyDetail; canEdit: boolean; /** The buyer's own company: their pending change is shown. */ ownCompany?: boolean }) {
  const { t, country, date } = useI18n();
  const [editing, setEditing] = useState(false);
  const update = useUpdateCompany(company.id);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const body = { name: f.name, addressLine1: f.addressLine1, addressLine2: f.addressLine2 ?? '', city: f.city, postalCode: f.postalCode ?? '', taxId: f.taxId ?? '', website: f.website ?? '', phone: f.phone ?? '' };
    const result = validate(UpdateCompanyBody, body);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    update.mutate(body, { onSuccess: () => setEditing(false), onError: (err) => err instanceof ApiError && setErrors(err.byField()) });
  }

  if (editing) {
    return (
      <form className="form" onSubmit={submit} noValidate>
        <div className="grid-2">
          <TextField label={t('register.companyName')} name="name" defaultValue={company.name} error={errors.name} />
          <TextField label={t('register.city')} name="city" defaultValue={company.city} error={errors.city} />
          <TextField label={t('register.address1')} name="addressLine1" defaultValue={company.addressLine1} error={errors.addressLine1} />
          <TextField label={t('register.address2')} name="addressLine2" defaultValue={company.addressLine2 ?? ''} optional error={errors.addressLine2} />
          <TextField label={t('register.postalCode')} name="postalCode" defaultValue={company.postalCode ?? ''} optional error={errors.postalCode} />
          <TextField label={t('register.taxId')} name="taxId" defaultValue={company.taxId ?? ''} optional error={errors.taxId} />
          <TextField label={t('register.website')} name="website" defaultValue={company.website ?? ''} optional error={errors.website} />
          <TextField label={t('register.phone')} name="phone" defaultValue={company.phone ?? ''} optional error={errors.phone} />
        </div>
        <FormAlert message={update.error && !(update.error instanceof ApiError && update.error.fieldErrors.length) ? update.error.message : null} />
        <div className="form__actions">
          <button className="btn btn--primary" type="submit" disabled={update.isPending}>{update.isPending ? t('common.saving') : t('common.save')}</button>
          <button className="btn btn--secondary" type="button" onClick={() => setEditing(false)}>{t('common.cancel')}</button>
        </div>
      </form>
    );
  }

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
        {company.reviewedAt && (<><dt>{t('review.title')}</dt><dd>{t('review.reviewedBy', { name: company.reviewedBy ?? dash, date: date(company.reviewedAt) })}{company.statusReason && <> — {company.statusReason}</>}</dd></>)}
      </dl>
      {canEdit && (
        <button type="button" className="btn btn--secondary" onClick={() => setEditing(true)}>
          {t('company.edit')}
        </button>
      )}
    </div>
  );
}
