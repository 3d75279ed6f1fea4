import { useMemo } from 'react';
import { Link } from 'react-router';
import { RegisterCompanyBody } from '@portal/schemas';
import { countryCodes, tradeCurrencies } from '@portal/domain/reference';
import { FormAlert, SelectField, TextField, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useRegisterCompany } from '../api/register-company.ts';

/** Registration of a buyer company and its first user, validated with the API's own contract. */
export function RegisterForm({ onRegistered }: { onRegistered: (email: string) => void }) {
  const { t, country, locale } = useI18n();
  const registration = useRegisterCompany();
  const { register, handleSubmit, setError, formState: { errors } } = useSchemaForm(RegisterCompanyBody, {
    defaultValues: {
      company: { name: '', country: '', addressLine1: '', addressLine2: '', city: '', postalCode: '', taxId: '', website: '', phone: '', defaultCurrency: 'USD' },
      user: { name: '', email: '', password: '' },
    },
    // An unchosen country reads better as the prompt than as a code format.
    messages: { 'company.country': t('register.chooseCountry') },
  });
  const countries = useMemo(
    () => countryCodes.map((code) => ({ code, name: country(code) })).sort((a, b) => a.name.localeCompare(b.name, locale)),
    [country, locale],
  );

  // The account speaks the language the form was filled in.
  const submit = handleSubmit((body) =>
    registration.mutate({ ...body, user: { ...body.user, locale } }, { onSuccess: (res) => onRegistered(res.email), onError: (err) => showServerErrors(setError, err) }),
  );

  const err = (name: string) => fieldError(errors, name);
  return (
    <form className="card wide form" onSubmit={submit} noValidate>
      <h1>{t('register.title')}</h1>
      <p className="muted">{t('register.subtitle')}</p>
      <fieldset>
        <legend>{t('register.company')}</legend>
        <div className="grid-2">
          <TextField label={t('register.companyName')} autoComplete="organization" required error={err('company.name')} {...register('company.name')} />
          <SelectField label={t('register.country')} required error={err('company.country')} {...register('company.country')}>
            <option value="" disabled>{t('register.chooseCountry')}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>{c.name}</option>
            ))}
          </SelectField>
          <TextField label={t('register.address1')} autoComplete="address-line1" required error={err('company.addressLine1')} {...register('company.addressLine1')} />
          <TextField label={t('register.address2')} autoComplete="address-line2" optional error={err('company.addressLine2')} {...register('company.addressLine2')} />
          <TextField label={t('register.city')} autoComplete="address-level2" required error={err('company.city')} {...register('company.city')} />
          <TextField label={t('register.postalCode')} autoComplete="postal-code" optional error={err('company.postalCode')} {...register('company.postalCode')} />
          <TextField label={t('register.taxId')} optional error={err('company.taxId')} {...register('company.taxId')} />
          <SelectField label={t('register.currency')} error={err('company.defaultCurrency')} {...register('company.defaultCurrency')}>
            {tradeCurrencies.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </SelectField>
          <TextField label={t('register.website')} type="url" optional error={err('company.website')} {...register('company.website')} />
          <TextField label={t('register.phone')} type="tel" autoComplete="tel" optional error={err('company.phone')} {...register('company.phone')} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('register.you')}</legend>
        <div className="grid-2">
          <TextField label={t('register.name')} autoComplete="name" required error={err('user.name')} {...register('user.name')} />
          <TextField label={t('register.email')} type="email" autoComplete="email" required error={err('user.email')} {...register('user.email')} />
          <TextField label={t('register.password')} type="password" autoComplete="new-password" required hint={t('register.passwordHint')} error={err('user.password')} {...register('user.password')} />
        </div>
      </fieldset>
      <FormAlert message={Object.keys(errors).length ? t('common.fixFields') : requestError(registration.error)} />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={registration.isPending}>
          {registration.isPending ? t('register.submitting') : t('register.submit')}
        </button>
        <span>
          {t('register.haveAccount')} <Link to="/login">{t('login.submit')}</Link>
        </span>
      </div>
    </form>
  );
}
