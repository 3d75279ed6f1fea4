import { useEffect, useId, useState, type FormEvent } from 'react';
import { ProductInput, incotermValues, type CategoryNode, type ProductEditable } from '@portal/schemas';
import { FormAlert, SelectField, TextField, validate } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { ImageUpload } from './image-upload.tsx';

type Tier = { minQuantity: string; unitPrice: string; currency: string; incoterm: string };
type Row = { name: string; value: string };
const units = ['pc', 'set', 'pair', 'kg', 'MT', 'm', 'm2', 'carton', 'dozen'];
/** As many pictures as ProductInput takes. */
const MAX_IMAGES = 12;

/** The staff product editor: every field buyers see, packing, images and price tiers. */
export function ProductForm({ product, categories, saving, error, onSave, canChangeFloor = false }: {
  product?: ProductEditable;
  /** Only managers set a product's margin floor; for others it is shown and kept as it is. */
  canChangeFloor?: boolean;
  categories: CategoryNode[];
  saving: boolean;
  error: unknown;
  onSave: (body: ProductInput) => void;
}) {
  const { t } = useI18n();
  const formId = useId();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [tiers, setTiers] = useState<Tier[]>(product?.priceTiers ?? [{ minQuantity: '', unitPrice: '', currency: 'USD', incoterm: 'FOB' }]);
  const [specs, setSpecs] = useState<Row[]>(product?.specifications ?? []);
  const [images, setImages] = useState<{ url: string; alt: string }[]>(product?.images ?? []);
  // After an upload the picture still needs its description: the cursor goes there.
  const [focusNewAlt, setFocusNewAlt] = useState(false);
  useEffect(() => {
    if (!focusNewAlt) return;
    document.getElementById(`${formId}-alt-${images.length - 1}`)?.focus();
    setFocusNewAlt(false);
  }, [focusNewAlt, formId, images.length]);
  const [incoterms, setIncoterms] = useState<string[]>(product?.incoterms ?? ['FOB', 'CFR', 'CIF']);
  const serverErrors = error instanceof ApiError ? error.byField() : {};
  const err = (k: string) => errors[k] ?? serverErrors[k];

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const body = {
      sku: (f.sku ?? '').trim().toUpperCase(), categoryId: f.categoryId, nameEn: f.nameEn, nameZh: f.nameZh, descriptionEn: f.descriptionEn,
      descriptionZh: f.descriptionZh, material: f.material, unit: f.unit, moq: f.moq, unitsPerCarton: Number(f.unitsPerCarton),
      cartonLengthCm: f.cartonLengthCm, cartonWidthCm: f.cartonWidthCm, cartonHeightCm: f.cartonHeightCm, cartonGrossWeightKg: f.cartonGrossWeightKg,
      cartonNetWeightKg: f.cartonNetWeightKg || undefined, hsCode: f.hsCode, origin: (f.origin ?? '').toUpperCase(),
      certifications: (f.certifications ?? '').split(',').map((c) => c.trim()).filter(Boolean), leadTimeDays: Number(f.leadTimeDays),
      incoterms, portOfLoadingCode: f.portOfLoadingCode || undefined, status: f.status === 'DRAFT' ? 'DRAFT' : 'ACTIVE',
      marginFloorRate: f.marginFloorRate || undefined,
      specifications: specs.filter((s) => s.name || s.value), images: images.filter((i) => i.url),
      priceTiers: tiers.filter((x) => x.minQuantity || x.unitPrice),
    };
    const result = validate(ProductInput, body);
    if (!result.ok) {
      setErrors(result.errors);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    onSave(body as ProductInput);
  }

  const p = product;
  return (
    <form className="form product-form" onSubmit={submit} noValidate>
      <section className="card">
        <h2>{t('products.basics')}</h2>
        <div className="grid-3">
          <TextField label="SKU" name="sku" defaultValue={p?.sku} error={err('sku')} />
          <SelectField label={t('catalog.category')} name="categoryId" defaultValue={p?.categoryId ?? ''} error={err('categoryId')}>
            <option value="" disabled>—</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.parentId ? '— ' : ''}{c.nameEn} / {c.nameZh}</option>)}
          </SelectField>
          <SelectField label={t('products.status')} name="status" defaultValue={p?.status === 'DRAFT' ? 'DRAFT' : 'ACTIVE'}>
            <option value="ACTIVE">{t('products.ACTIVE')}</option>
            <option value="DRAFT">{t('products.DRAFT')}</option>
          </SelectField>
          <TextField label={t('products.nameEn')} name="nameEn" defaultValue={p?.nameEn} error={err('nameEn')} />
          <TextField label={t('products.nameZh')} name="nameZh" defaultValue={p?.nameZh} error={err('nameZh')} />
          <TextField label={t('catalog.material')} name="material" defaultValue={p?.material ?? ''} optional error={err('material')} />
        </div>
        <label className="field"><span>{t('products.descriptionEn')}</span><textarea name="descriptionEn" rows={3} defaultValue={p?.descriptionEn} aria-invalid={Boolean(err('descriptionEn'))} /></label>
        {err('descriptionEn') && <p className="field__error">{err('descriptionEn')}</p>}
        <label className="field"><span>{t('products.descriptionZh')}</span><textarea name="descriptionZh" rows={2} defaultValue={p?.descriptionZh ?? ''} /></label>
      </section>
      <section className="card">
        <h2>{t('products.trade')}</h2>
        <div className="grid-3">
          <SelectField label={t('products.unit')} name="unit" defaultValue={p?.unit ?? 'pc'}>{units.map((u) => <option key={u} value={u}>{u}</option>)}</SelectField>
          <TextField label={t('catalog.moq')} name="moq" inputMode="decimal" defaultValue={p?.moq} error={err('moq')} />
          <TextField label={t('products.leadTimeDays')} name="leadTimeDays" type="number" defaultValue={p?.leadTimeDays} error={err('leadTimeDays')} />
          <TextField label={t('products.hsCode')} name="hsCode" inputMode="numeric" defaultValue={p?.hsCode} error={err('hsCode')} />
          <TextField label={t('products.originCode')} name="origin" maxLength={2} defaultValue={p?.origin ?? 'CN'} error={err('origin')} />
          <TextField label={t('products.port')} name="portOfLoadingCode" maxLength={5} defaultValue={p?.portOfLoadingCode ?? 'CNNGB'} optional error={err('portOfLoadingCode')} />
          <TextField label={t('products.certsComma')} name="certifications" defaultValue={p?.certifications.join(', ')} optional error={err('certifications')} />
          <TextField label={t('products.marginFloor')} name="marginFloorRate" inputMode="decimal" defaultValue={p?.marginFloorRate ?? ''} optional hint={canChangeFloor ? '0.08 = 8 %' : t('products.marginFloorManagers')} readOnly={!canChangeFloor} error={err('marginFloorRate')} />
        </div>
        <fieldset className="checkbox-row">
          <legend>{t('catalog.incoterms')}</legend>
          {incotermValues.map((i) => (
            <label key={i}><input type="checkbox" checked={incoterms.includes(i)} onChange={() => setIncoterms((cur) => (cur.includes(i) ? cur.filter((x) => x !== i) : [...cur, i]))} /> {i}</label>
          ))}
          {err('incoterms') && <p className="field__error">{err('incoterms')}</p>}
        </fieldset>
      </section>
      <section className="card">
        <h2>{t('catalog.packing')}</h2>
        <div className="grid-3">
          <TextField label={t('catalog.unitsPerCarton')} name="unitsPerCarton" type="number" defaultValue={p?.unitsPerCarton} error={err('unitsPerCarton')} />
          <TextField label={t('products.lengthCm')} name="cartonLengthCm" inputMode="decimal" defaultValue={p?.cartonLengthCm} error={err('cartonLengthCm')} />
          <TextField label={t('products.widthCm')} name="cartonWidthCm" inputMode="decimal" defaultValue={p?.cartonWidthCm} error={err('cartonWidthCm')} />
          <TextField label={t('products.heightCm')} name="cartonHeightCm" inputMode="decimal" defaultValue={p?.cartonHeightCm} error={err('cartonHeightCm')} />
          <TextField label={t('products.grossKg')} name="cartonGrossWeightKg" inputMode="decimal" defaultValue={p?.cartonGrossWeightKg} error={err('cartonGrossWeightKg')} />
          <TextField label={t('products.netKg')} name="cartonNetWeightKg" inputMode="decimal" defaultValue={p?.cartonNetWeightKg ?? ''} optional error={err('cartonNetWeightKg')} />
        </div>
      </section>
      <section className="card">
        <h2>{t('catalog.priceTiers')}</h2>
        <table className="table table--dense table--inputs">
          <thead><tr><th scope="col">{t('products.minQty')}</th><th scope="col">{t('catalog.unitPrice')}</th><th scope="col">{t('products.currency')}</th><th scope="col">{t('catalog.incoterm')}</th><th scope="col"><span className="visually-hidden">{t('products.remove')}</span></th></tr></thead>
          <tbody>
            {tiers.map((tier, i) => (
              <tr key={i}>
                <td><input aria-label={`${t('products.minQty')} ${i + 1}`} inputMode="decimal" value={tier.minQuantity} aria-invalid={Boolean(err(`priceTiers.${i}.minQuantity`))} onChange={(e) => setTiers(tiers.map((x, j) => (j === i ? { ...x, minQuantity: e.target.value } : x)))} />{err(`priceTiers.${i}.minQuantity`) && <p className="field__error">{err(`priceTiers.${i}.minQuantity`)}</p>}</td>
                <td><input aria-label={`${t('catalog.unitPrice')} ${i + 1}`} inputMode="decimal" value={tier.unitPrice} aria-invalid={Boolean(err(`priceTiers.${i}.unitPrice`))} onChange={(e) => setTiers(tiers.map((x, j) => (j === i ? { ...x, unitPrice: e.target.value } : x)))} />{err(`priceTiers.${i}.unitPrice`) && <p className="field__error">{err(`priceTiers.${i}.unitPrice`)}</p>}</td>
                <td><select aria-label={`${t('products.currency')} ${i + 1}`} value={tier.currency} onChange={(e) => setTiers(tiers.map((x, j) => (j === i ? { ...x, currency: e.target.value } : x)))}>{['USD', 'EUR', 'GBP', 'CNY'].map((c) => <option key={c}>{c}</option>)}</select></td>
                <td><select aria-label={`${t('catalog.incoterm')} ${i + 1}`} value={tier.incoterm} onChange={(e) => setTiers(tiers.map((x, j) => (j === i ? { ...x, incoterm: e.target.value } : x)))}>{incotermValues.map((c) => <option key={c}>{c}</option>)}</select></td>
                <td><button type="button" className="btn btn--small btn--secondary" onClick={() => setTiers(tiers.filter((_, j) => j !== i))}>{t('products.remove')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="btn btn--secondary btn--small" onClick={() => setTiers([...tiers, { minQuantity: '', unitPrice: '', currency: 'USD', incoterm: 'FOB' }])}>{t('products.addTier')}</button>
      </section>
      <div className="grid-2 grid-2--top">
        <section className="card">
          <h2>{t('catalog.specifications')}</h2>
          {specs.map((s, i) => (
            <div key={i} className="pair-row">
              <input aria-label={`${t('products.specName')} ${i + 1}`} value={s.name} placeholder={t('products.specName')} onChange={(e) => setSpecs(specs.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
              <input aria-label={`${t('products.specValue')} ${i + 1}`} value={s.value} placeholder={t('products.specValue')} onChange={(e) => setSpecs(specs.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
              <button type="button" className="btn btn--small btn--secondary" onClick={() => setSpecs(specs.filter((_, j) => j !== i))}>{t('products.remove')}</button>
            </div>
          ))}
          <button type="button" className="btn btn--secondary btn--small" onClick={() => setSpecs([...specs, { name: '', value: '' }])}>{t('products.addSpec')}</button>
        </section>
        <section className="card">
          <h2>{t('catalog.gallery')}</h2>
          {images.map((img, i) => (
            <div key={i} className="image-row">
              <span className="image-row__thumb">{img.url.trim() && <img src={img.url.trim()} alt={img.alt} />}</span>
              <div className="image-row__fields">
                <input
                  aria-label={`${t('products.imageUrl')} ${i + 1}`} value={img.url} placeholder="https://…"
                  aria-invalid={Boolean(err(`images.${i}.url`))} aria-describedby={err(`images.${i}.url`) ? `${formId}-url-${i}-error` : undefined}
                  onChange={(e) => setImages(images.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)))}
                />
                {err(`images.${i}.url`) && <p id={`${formId}-url-${i}-error`} className="field__error">{err(`images.${i}.url`)}</p>}
                <input
                  id={`${formId}-alt-${i}`} aria-label={`${t('products.imageAlt')} ${i + 1}`} value={img.alt} placeholder={t('products.imageAlt')}
                  aria-invalid={Boolean(err(`images.${i}.alt`))} aria-describedby={err(`images.${i}.alt`) ? `${formId}-alt-${i}-error` : undefined}
                  onChange={(e) => setImages(images.map((x, j) => (j === i ? { ...x, alt: e.target.value } : x)))}
                />
                {err(`images.${i}.alt`) && <p id={`${formId}-alt-${i}-error`} className="field__error">{err(`images.${i}.alt`)}</p>}
              </div>
              <button type="button" className="btn btn--small btn--secondary" onClick={() => setImages(images.filter((_, j) => j !== i))}>{t('products.remove')}</button>
            </div>
          ))}
          <div className="image-actions">
            <button type="button" className="btn btn--secondary btn--small" disabled={images.length >= MAX_IMAGES} onClick={() => setImages([...images, { url: '', alt: '' }])}>{t('products.addImage')}</button>
            <ImageUpload
              disabled={images.length >= MAX_IMAGES}
              onUploaded={(image) => {
                setImages((cur) => [...cur, { url: image.url, alt: '' }]);
                setFocusNewAlt(true);
              }}
            />
          </div>
        </section>
      </div>
      <FormAlert message={Object.keys(errors).length ? t('common.fixFields') : error instanceof Error && !(error instanceof ApiError && error.fieldErrors.length) ? error.message : null} />
      <div className="form__actions sticky-actions">
        <button type="submit" className="btn btn--primary" disabled={saving}>{saving ? t('common.saving') : t('common.save')}</button>
      </div>
    </form>
  );
}
