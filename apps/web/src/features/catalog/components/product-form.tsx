import { useEffect, useId, useState, type FormEvent } from 'react';
import { useController, useFieldArray, useWatch, type Control } from 'react-hook-form';
import { ProductInput, incotermValues, type CategoryNode, type Incoterm, type ProductEditable } from '@portal/schemas';
import type { z } from 'zod';
import { FormAlert, SelectField, TextAreaField, TextField, blankAsUndefined, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { ImageUpload } from './image-upload.tsx';

const units = ['pc', 'set', 'pair', 'kg', 'MT', 'm', 'm2', 'carton', 'dozen'] as const;
/** As many pictures as ProductInput takes. */
const MAX_IMAGES = 12;
/** The currencies price tiers are usually set in. */
const tierCurrencies = ['USD', 'EUR', 'GBP', 'CNY'] as const;
const blankTier = { minQuantity: '', unitPrice: '', currency: 'USD', incoterm: 'FOB' as Incoterm };

/** An optional Chinese text left empty is none. */
const blankAsNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

/** Codes are written in capitals, whatever was typed. */
const upperCase = (value: unknown) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** The form's starting values: the product as saved, or a new product's defaults. */
function valuesOf(p: ProductEditable | undefined) {
  return {
    sku: p?.sku ?? '', categoryId: p?.categoryId ?? '', status: p?.status === 'DRAFT' ? ('DRAFT' as const) : ('ACTIVE' as const),
    nameEn: p?.nameEn ?? '', nameZh: p?.nameZh ?? '', material: p?.material ?? '', descriptionEn: p?.descriptionEn ?? '', descriptionZh: p?.descriptionZh ?? '',
    unit: (p?.unit ?? 'pc') as (typeof units)[number], moq: p?.moq ?? '', leadTimeDays: p?.leadTimeDays, hsCode: p?.hsCode ?? '', origin: p?.origin ?? 'CN',
    portOfLoadingCode: p ? (p.portOfLoadingCode ?? undefined) : 'CNNGB', certifications: p?.certifications ?? [], marginFloorRate: p?.marginFloorRate ?? undefined,
    // The API answers Incoterms as plain strings; they are the ones it accepted.
    incoterms: (p?.incoterms ?? ['FOB', 'CFR', 'CIF']) as Incoterm[],
    unitsPerCarton: p?.unitsPerCarton, cartonLengthCm: p?.cartonLengthCm ?? '', cartonWidthCm: p?.cartonWidthCm ?? '', cartonHeightCm: p?.cartonHeightCm ?? '',
    cartonGrossWeightKg: p?.cartonGrossWeightKg ?? '', cartonNetWeightKg: p?.cartonNetWeightKg ?? undefined,
    specifications: p?.specifications ?? [], images: p?.images ?? [],
    priceTiers: p ? p.priceTiers.map((x) => ({ ...x, incoterm: x.incoterm as Incoterm })) : [{ ...blankTier }],
  };
}

/** The positions of the rows a predicate picks, for `remove`. */
const rowsWhere = <T,>(rows: readonly T[] | undefined, pick: (row: T) => boolean) => (rows ?? []).flatMap((row, i) => (pick(row) ? [i] : []));

/** The staff product editor: every field buyers see, packing, images and price tiers. */
export function ProductForm({ product, categories, saving, error, onSave, canChangeFloor = false }: {
  product?: ProductEditable;
  /** Only managers set a product's margin floor; for others it is shown and kept as it is. */
  canChangeFloor?: boolean;
  categories: CategoryNode[];
  saving: boolean;
  /** The failed save, if any: its field errors are shown beside the fields. */
  error: unknown;
  onSave: (body: ProductInput) => void;
}) {
  const { t } = useI18n();
  const formId = useId();
  const { control, register, handleSubmit, getValues, setError, formState: { errors } } = useSchemaForm(ProductInput, { defaultValues: valuesOf(product) });
  const tiers = useFieldArray({ control, name: 'priceTiers' });
  const specs = useFieldArray({ control, name: 'specifications' });
  const images = useFieldArray({ control, name: 'images' });
  const shownImages = useWatch({ control, name: 'images' }) ?? [];
  useEffect(() => showServerErrors(setError, error), [error, setError]);
  const err = (name: string) => fieldError(errors, name);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    // An empty row is no tier, specification or picture: it is dropped, not refused.
    tiers.remove(rowsWhere(getValues('priceTiers'), (x) => !x.minQuantity && !x.unitPrice));
    specs.remove(rowsWhere(getValues('specifications'), (x) => !x.name && !x.value));
    images.remove(rowsWhere(getValues('images'), (x) => !x.url));
    return handleSubmit(onSave)(e);
  };

  return (
    <form className="form product-form" onSubmit={submit} noValidate>
      <section className="card">
        <h2>{t('products.basics')}</h2>
        <div className="grid-3">
          <TextField label="SKU" error={err('sku')} {...register('sku', { setValueAs: upperCase })} />
          <SelectField label={t('catalog.category')} error={err('categoryId')} {...register('categoryId')}>
            <option value="" disabled>—</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.parentId ? '— ' : ''}{c.nameEn} / {c.nameZh}</option>)}
          </SelectField>
          <SelectField label={t('products.status')} {...register('status')}>
            <option value="ACTIVE">{t('products.ACTIVE')}</option>
            <option value="DRAFT">{t('products.DRAFT')}</option>
          </SelectField>
          <TextField label={t('products.nameEn')} error={err('nameEn')} {...register('nameEn')} />
          <TextField label={t('products.nameZh')} error={err('nameZh')} {...register('nameZh')} />
          <TextField label={t('catalog.material')} optional error={err('material')} {...register('material')} />
        </div>
        <TextAreaField label={t('products.descriptionEn')} rows={3} error={err('descriptionEn')} {...register('descriptionEn')} />
        <TextAreaField label={t('products.descriptionZh')} rows={2} error={err('descriptionZh')} {...register('descriptionZh')} />
      </section>
      <section className="card">
        <h2>{t('products.trade')}</h2>
        <div className="grid-3">
          <SelectField label={t('products.unit')} {...register('unit')}>{units.map((u) => <option key={u} value={u}>{u}</option>)}</SelectField>
          <TextField label={t('catalog.moq')} inputMode="decimal" error={err('moq')} {...register('moq')} />
          <TextField label={t('products.leadTimeDays')} type="number" error={err('leadTimeDays')} {...register('leadTimeDays', { valueAsNumber: true })} />
          <TextField label={t('products.hsCode')} inputMode="numeric" error={err('hsCode')} {...register('hsCode')} />
          <TextField label={t('products.originCode')} maxLength={2} error={err('origin')} {...register('origin', { setValueAs: upperCase })} />
          <TextField label={t('products.port')} maxLength={5} optional error={err('portOfLoadingCode')} {...register('portOfLoadingCode', { setValueAs: (v) => blankAsUndefined(upperCase(v)) })} />
          <CertificationsField control={control} label={t('products.certsComma')} error={err('certifications')} />
          <TextField label={t('products.marginFloor')} inputMode="decimal" optional hint={canChangeFloor ? '0.08 = 8 %' : t('products.marginFloorManagers')} readOnly={!canChangeFloor} error={err('marginFloorRate')} {...register('marginFloorRate', { setValueAs: blankAsUndefined })} />
        </div>
        <fieldset className="checkbox-row">
          <legend>{t('catalog.incoterms')}</legend>
          {incotermValues.map((i) => (
            <label key={i}><input type="checkbox" value={i} {...register('incoterms')} /> {i}</label>
          ))}
          {err('incoterms') && <p className="field__error">{err('incoterms')}</p>}
        </fieldset>
      </section>
      <section className="card">
        <h2>{t('catalog.packing')}</h2>
        <div className="grid-3">
          <TextField label={t('catalog.unitsPerCarton')} type="number" error={err('unitsPerCarton')} {...register('unitsPerCarton', { valueAsNumber: true })} />
          <TextField label={t('products.lengthCm')} inputMode="decimal" error={err('cartonLengthCm')} {...register('cartonLengthCm')} />
          <TextField label={t('products.widthCm')} inputMode="decimal" error={err('cartonWidthCm')} {...register('cartonWidthCm')} />
          <TextField label={t('products.heightCm')} inputMode="decimal" error={err('cartonHeightCm')} {...register('cartonHeightCm')} />
          <TextField label={t('products.grossKg')} inputMode="decimal" error={err('cartonGrossWeightKg')} {...register('cartonGrossWeightKg')} />
          <TextField label={t('products.netKg')} inputMode="decimal" optional error={err('cartonNetWeightKg')} {...register('cartonNetWeightKg', { setValueAs: blankAsUndefined })} />
        </div>
      </section>
      <section className="card">
        <h2>{t('catalog.priceTiers')}</h2>
        <table className="table table--dense table--inputs">
          <thead><tr><th scope="col">{t('products.minQty')}</th><th scope="col">{t('catalog.unitPrice')}</th><th scope="col">{t('products.currency')}</th><th scope="col">{t('catalog.incoterm')}</th><th scope="col"><span className="visually-hidden">{t('products.remove')}</span></th></tr></thead>
          <tbody>
            {tiers.fields.map((row, i) => (
              <tr key={row.id}>
                <td><input aria-label={`${t('products.minQty')} ${i + 1}`} inputMode="decimal" aria-invalid={Boolean(err(`priceTiers.${i}.minQuantity`))} {...register(`priceTiers.${i}.minQuantity`)} />{err(`priceTiers.${i}.minQuantity`) && <p className="field__error">{err(`priceTiers.${i}.minQuantity`)}</p>}</td>
                <td><input aria-label={`${t('catalog.unitPrice')} ${i + 1}`} inputMode="decimal" aria-invalid={Boolean(err(`priceTiers.${i}.unitPrice`))} {...register(`priceTiers.${i}.unitPrice`)} />{err(`priceTiers.${i}.unitPrice`) && <p className="field__error">{err(`priceTiers.${i}.unitPrice`)}</p>}</td>
                <td><select aria-label={`${t('products.currency')} ${i + 1}`} {...register(`priceTiers.${i}.currency`)}>{tierCurrencies.map((c) => <option key={c}>{c}</option>)}</select></td>
                <td><select aria-label={`${t('catalog.incoterm')} ${i + 1}`} {...register(`priceTiers.${i}.incoterm`)}>{incotermValues.map((c) => <option key={c}>{c}</option>)}</select></td>
                <td><button type="button" className="btn btn--small btn--secondary" onClick={() => tiers.remove(i)}>{t('products.remove')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="btn btn--secondary btn--small" onClick={() => tiers.append({ ...blankTier })}>{t('products.addTier')}</button>
      </section>
      <div className="grid-2 grid-2--top">
        <section className="card">
          <h2>{t('catalog.specifications')}</h2>
          {specs.fields.map((row, i) => (
            <div key={row.id} className="pair-row pair-row--bilingual">
              <input aria-label={`${t('products.specName')} ${i + 1}`} placeholder={t('products.specName')} aria-invalid={Boolean(err(`specifications.${i}.name`))} {...register(`specifications.${i}.name`)} />
              <input aria-label={`${t('products.specValue')} ${i + 1}`} placeholder={t('products.specValue')} aria-invalid={Boolean(err(`specifications.${i}.value`))} {...register(`specifications.${i}.value`)} />
              {/* The Chinese is optional: buyers reading Chinese see the English where it is missing. */}
              <input lang="zh-CN" aria-label={`${t('products.specNameZh')} ${i + 1}`} placeholder={t('products.specNameZh')} aria-invalid={Boolean(err(`specifications.${i}.nameZh`))} {...register(`specifications.${i}.nameZh`, { setValueAs: blankAsNull })} />
              <input lang="zh-CN" aria-label={`${t('products.specValueZh')} ${i + 1}`} placeholder={t('products.specValueZh')} aria-invalid={Boolean(err(`specifications.${i}.valueZh`))} {...register(`specifications.${i}.valueZh`, { setValueAs: blankAsNull })} />
              <button type="button" className="btn btn--small btn--secondary" onClick={() => specs.remove(i)}>{t('products.remove')}</button>
            </div>
          ))}
          <button type="button" className="btn btn--secondary btn--small" onClick={() => specs.append({ name: '', value: '', nameZh: null, valueZh: null })}>{t('products.addSpec')}</button>
        </section>
        <section className="card">
          <h2>{t('catalog.gallery')}</h2>
          {images.fields.map((row, i) => {
            const shown = shownImages[i] ?? row;
            return (
              <div key={row.id} className="image-row">
                <span className="image-row__thumb">{shown.url.trim() && <img src={shown.url.trim()} alt={shown.alt} />}</span>
                <div className="image-row__fields">
                  <input
                    aria-label={`${t('products.imageUrl')} ${i + 1}`} placeholder="https://…"
                    aria-invalid={Boolean(err(`images.${i}.url`))} aria-describedby={err(`images.${i}.url`) ? `${formId}-url-${i}-error` : undefined}
                    {...register(`images.${i}.url`)}
                  />
                  {err(`images.${i}.url`) && <p id={`${formId}-url-${i}-error`} className="field__error">{err(`images.${i}.url`)}</p>}
                  <input
                    aria-label={`${t('products.imageAlt')} ${i + 1}`} placeholder={t('products.imageAlt')}
                    aria-invalid={Boolean(err(`images.${i}.alt`))} aria-describedby={err(`images.${i}.alt`) ? `${formId}-alt-${i}-error` : undefined}
                    {...register(`images.${i}.alt`)}
                  />
                  {err(`images.${i}.alt`) && <p id={`${formId}-alt-${i}-error`} className="field__error">{err(`images.${i}.alt`)}</p>}
                </div>
                <button type="button" className="btn btn--small btn--secondary" onClick={() => images.remove(i)}>{t('products.remove')}</button>
              </div>
            );
          })}
          <div className="image-actions">
            <button type="button" className="btn btn--secondary btn--small" disabled={images.fields.length >= MAX_IMAGES} onClick={() => images.append({ url: '', alt: '' })}>{t('products.addImage')}</button>
            <ImageUpload
              disabled={images.fields.length >= MAX_IMAGES}
              // After an upload the picture still needs its description: the cursor goes there.
              onUploaded={(image) => images.append({ url: image.url, alt: '' }, { focusName: `images.${images.fields.length}.alt` })}
            />
          </div>
        </section>
      </div>
      <FormAlert message={Object.keys(errors).length ? t('common.fixFields') : requestError(error)} />
      <div className="form__actions sticky-actions">
        <button type="submit" className="btn btn--primary" disabled={saving}>{saving ? t('common.saving') : t('common.save')}</button>
      </div>
    </form>
  );
}

/** Certifications typed as one line, "CE, LFGB"; the form holds them as a list. */
function CertificationsField({ control, label, error }: { control: Control<z.input<typeof ProductInput>, unknown, z.output<typeof ProductInput>>; label: string; error: string | undefined }) {
  const { field } = useController({ control, name: 'certifications' });
  const [text, setText] = useState(() => (field.value ?? []).join(', '));
  return (
    <TextField
      label={label}
      optional
      error={error}
      value={text}
      ref={field.ref}
      onBlur={field.onBlur}
      onChange={(e) => {
        setText(e.target.value);
        field.onChange(e.target.value.split(',').map((c) => c.trim()).filter(Boolean));
      }}
    />
  );
}
