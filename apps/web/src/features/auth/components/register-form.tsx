import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { RegisterCompanyBody } from '@portal/schemas';
import { countryCodes, tradeCurrencies } from '@portal/domain/reference';
import { FormAlert, SelectField, TextField, validate } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useRegisterCompany } from '../api/register-company.ts';

/** Registration of a buyer company and its first user, validated with the API's own contract. */
export function RegisterForm({ onRegistered }: { onRegistered: (email: string) => void }) {
  const { t, country, locale } = useI18n();
  const register = useRegisterCompany();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const countries = useMemo(
    () => countryCodes.map((code) => ({ code, name: country(code) })).sort((a, b) => a.name.localeCompare(b.name, locale)),
    [country, locale],
  );

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const body = {
      company: {
        name: f.companyName ?? '', country: f.country ?? '', addressLine1: f.addressLine1, addressLine2: f.addressLine2, city: f.city,
        postalCode: f.postalCode, taxId: f.taxId, website: f.website, phone: f.phone, defaultCurrency: f.defaultCurrency,
      },
      user: { name: f.name, email: f.email, password: f.password, locale },
    };
    const result = validate(RegisterCompanyBody, body);
    if (!result.ok) {
      // An unchosen country reads better as the prompt than as a code format.
      if (!f.country) result.errors['company.country'] = t('register.chooseCountry');
      setErrors(result.errors);
      focusFirstError(e.currentTarget);
      return;
    }
    setErrors({});
    register.mutate(result.data, {
      onSuccess: (res) => onRegistered(res.email),
      onError: (err) => err instanceof ApiError && setErrors(err.byField()),
    });
  }

  const err = (k: string) => errors[k];
  return (
    <form className="card wide form" onSubmit={submit} noValidate>
      <h1>{t('register.title')}</h1>
      <p className="muted">{t('register.subtitle')}</p>
      <fieldset>
        <legend>{t('register.company')}</legend>
        <div className="grid-2">
          <TextField label={t('register.companyName')} name="companyName" autoComplete="organization" required error={err('company.name')} />
          <SelectField label={t('register.country')} name="country" required defaultValue="" error={err('company.country')}>
            <option value="" disabled>{t('register.chooseCountry')}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>{c.name}</option>
            ))}
          </SelectField>
          <TextField label={t('register.address1')} name="addressLine1" autoComplete="address-line1" required error={err('company.addressLine1')} />
          <TextField label={t('register.address2')} name="addressLine2" autoComplete="address-line2" optional error={err('company.addressLine2')} />
          <TextField label={t('register.city')} name="city" autoComplete="address-level2" required error={err('company.city')} />
          <TextField label={t('register.postalCode')} name="postalCode" autoComplete="postal-code" optional error={err('company.postalCode')} />
          <TextField label={t('register.taxId')} name="taxId" optional error={err('company.taxId')} />
          <SelectField label={t('register.currency')} name="defaultCurrency" defaultValue="USD" error={err('company.defaultCurrency')}>
            {tradeCurrencies.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </SelectField>
          <TextField label={t('register.website')} name="website" type="url" optional error={err('company.website')} />
          <TextField label={t('register.phone')} name="phone" type="tel" autoComplete="tel" optional error={err('company.phone')} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('register.you')}</legend>
        <div className="grid-2">
          <TextField label={t('register.name')} name="name" autoComplete="name" required error={err('user.name')} />
          <TextField label={t('register.email')} name="email" type="email" autoComplete="email" required error={err('user.email')} />
          <TextField label={t('register.password')} name="password" type="password" autoComplete="new-password" required hint={t('register.passwordHint')} error={err('user.password')} />
        </div>
      </fieldset>
      <FormAlert message={Object.keys(errors).length ? t('common.fixFields') : register.error && !(register.error instanceof ApiError && register.error.fieldErrors.length) ? register.error.message : null} />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={register.isPending}>
          {register.isPending ? t('register.submitting') : t('register.submit')}
        </button>
        <span>
          {t('register.haveAccount')} <Link to="/login">{t('login.submit')}</Link>
        </span>
      </div>
    </form>
  );
}

function focusFirstError(form: HTMLFormElement) {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
