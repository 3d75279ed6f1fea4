import { z } from 'zod';
import { SupplierProfileInput, type SupplierProfile } from '@portal/schemas';
import { FormAlert, TextAreaField, TextField, blankAsUndefined, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useUpdateSupplier } from '../api/update-supplier.ts';

/** A list typed one item per line (or separated by commas) → the items. */
const listOf = (item: z.ZodType<string, string>) => z.string().transform((v) => v.split(/[\n,]/).map((x) => x.trim()).filter(Boolean)).pipe(z.array(item).max(30));
/** A whole number typed in a field, or nothing. */
const count = (inner: z.ZodType<number | null, number | null>) => z.union([z.number(), z.nan(), z.null()]).transform((v) => (v === null || Number.isNaN(v) ? null : v)).pipe(inner);

/** The form's values: lists as text, numbers possibly blank; checked with the API's own rules. */
const SupplierFields = SupplierProfileInput.extend({
  markets: listOf(SupplierProfileInput.shape.markets.element),
  certifications: listOf(SupplierProfileInput.shape.certifications.element),
  productLines: listOf(SupplierProfileInput.shape.productLines.element),
  yearEstablished: count(SupplierProfileInput.shape.yearEstablished),
  employees: count(SupplierProfileInput.shape.employees),
  factoryAreaM2: count(SupplierProfileInput.shape.factoryAreaM2),
  mainPortCode: z.string().trim().transform((v) => (v ? v.toUpperCase() : null)).pipe(SupplierProfileInput.shape.mainPortCode),
});

/** Managers keep the supplier profile buyers read, with its headline and description in Chinese too. */
export function SupplierForm({ supplier }: { supplier: SupplierProfile }) {
  const { t } = useI18n();
  const save = useUpdateSupplier();
  const { register, handleSubmit, setError, formState: { errors } } = useSchemaForm(SupplierFields, {
    defaultValues: {
      headline: supplier.headline, headlineZh: supplier.headlineZh ?? '', description: supplier.description, descriptionZh: supplier.descriptionZh ?? '',
      yearEstablished: supplier.yearEstablished, employees: supplier.employees, factoryAreaM2: supplier.factoryAreaM2, productionCapacity: supplier.productionCapacity ?? '',
      markets: supplier.markets.join('\n'), certifications: supplier.certifications.join('\n'), productLines: supplier.productLines.join('\n'), mainPortCode: supplier.mainPort?.code ?? '',
    } as never,
  });
  const submit = handleSubmit((body) => save.mutate(body as SupplierProfileInput, { onError: (err) => showServerErrors(setError, err) }));
  const err = (name: string) => fieldError(errors, name);
  const number = { valueAsNumber: true } as const;
  return (
    <form className="card form" onSubmit={submit} noValidate aria-label={t('supplier.edit')}>
      <div className="grid-2">
        <TextField label={t('supplier.headline')} error={err('headline')} {...register('headline')} />
        <TextField label={t('supplier.headlineZh')} optional error={err('headlineZh')} {...register('headlineZh', { setValueAs: blankAsUndefined })} />
        <TextAreaField label={t('supplier.description')} rows={6} error={err('description')} {...register('description')} />
        <TextAreaField label={t('supplier.descriptionZh')} rows={6} optional error={err('descriptionZh')} {...register('descriptionZh', { setValueAs: blankAsUndefined })} />
      </div>
      <div className="grid-3">
        <TextField label={t('supplier.founded')} type="number" optional error={err('yearEstablished')} {...register('yearEstablished', number)} />
        <TextField label={t('supplier.employees')} type="number" optional error={err('employees')} {...register('employees', number)} />
        <TextField label={`${t('supplier.area')} (m²)`} type="number" optional error={err('factoryAreaM2')} {...register('factoryAreaM2', number)} />
        <TextField label={t('supplier.capacity')} optional error={err('productionCapacity')} {...register('productionCapacity', { setValueAs: blankAsUndefined })} />
        <TextField label={t('supplier.mainPort')} optional hint="CNNGB" error={err('mainPortCode')} {...register('mainPortCode')} />
      </div>
      <div className="grid-3">
        <TextAreaField label={t('supplier.markets')} rows={5} hint={t('supplier.onePerLine')} error={err('markets')} {...register('markets')} />
        <TextAreaField label={t('supplier.certifications')} rows={5} hint={t('supplier.onePerLine')} error={err('certifications')} {...register('certifications')} />
        <TextAreaField label={t('supplier.productLines')} rows={5} hint={t('supplier.onePerLine')} error={err('productLines')} {...register('productLines')} />
      </div>
      <FormAlert tone="success" message={save.isSuccess ? t('common.saved') : null} />
      <FormAlert message={requestError(save.error)} />
      <div className="form__actions"><button type="submit" className="btn btn--primary" disabled={save.isPending}>{t('common.save')}</button></div>
    </form>
  );
}
