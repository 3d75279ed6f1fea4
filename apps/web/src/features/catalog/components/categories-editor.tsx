import { useState } from 'react';
import { z } from 'zod';
import { CategoryInput, type CategoryNode } from '@portal/schemas';
import { FormAlert, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { ErrorState, Loading } from '../../../components/states.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCreateCategory } from '../api/create-category.ts';
import { useCategories } from '../api/list-categories.ts';
import { useUpdateCategory } from '../api/update-category.ts';

/** The editor's parent select says '' for "at the top"; the contract says null. */
const CategoryFields = CategoryInput.extend({ parentId: z.preprocess((v) => (v === '' ? null : v), CategoryInput.shape.parentId) });
const empty = { slug: '', nameEn: '', nameZh: '', parentId: '', sortOrder: 0 };

/** The category tree: rename, move or add categories; products below a renamed one are re-indexed. */
export function CategoriesEditor({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const { data, isPending, error } = useCategories();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const [editing, setEditing] = useState<CategoryNode | null>(null);
  const { register, handleSubmit, reset, setError, formState: { errors } } = useSchemaForm(CategoryFields, { defaultValues: empty });
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} />;
  const roots = data.filter((c) => !c.parentId);
  const childrenOf = (id: string) => data.filter((c) => c.parentId === id);

  function edit(c: CategoryNode | null) {
    setEditing(c);
    create.reset();
    update.reset();
    reset(c ? { slug: c.slug, nameEn: c.nameEn, nameZh: c.nameZh, parentId: c.parentId ?? '', sortOrder: c.sortOrder } : empty);
  }
  const done = { onSuccess: () => edit(null), onError: (err: Error) => showServerErrors(setError, err) };
  const submit = handleSubmit((body) => (editing ? update.mutate({ id: editing.id, body }, done) : create.mutate(body, done)));
  const err = (name: string) => fieldError(errors, name);

  const row = (c: CategoryNode, depth: number) => (
    <tr key={c.id}>
      <td style={{ paddingLeft: 12 + depth * 18 }}>{c.nameEn}</td>
      <td lang="zh-CN">{c.nameZh}</td>
      <td><code>{c.slug}</code></td>
      <td className="num">{c.productCount}</td>
      <td>{canEdit && <button type="button" className="btn btn--small btn--secondary" onClick={() => edit(c)}>{t('categories.edit')}</button>}</td>
    </tr>
  );

  return (
    <div className="stack">
      <div className="table-wrap">
        <table className="table table--dense">
          <thead><tr><th scope="col">{t('products.nameEn')}</th><th scope="col">{t('products.nameZh')}</th><th scope="col">{t('categories.slug')}</th><th scope="col" className="num">{t('categories.products')}</th><th scope="col"><span className="visually-hidden">{t('categories.edit')}</span></th></tr></thead>
          <tbody>{roots.flatMap((r) => [row(r, 0), ...childrenOf(r.id).map((c) => row(c, 1))])}</tbody>
        </table>
      </div>
      {canEdit && (
        <form className="inline-form" onSubmit={submit} noValidate aria-label={editing ? t('categories.edit') : t('categories.add')}>
          <h3>{editing ? t('categories.editing', { name: editing.nameEn }) : t('categories.add')}</h3>
          <div className="grid-3">
            <label className="field"><span>{t('products.nameEn')}</span><input aria-invalid={Boolean(err('nameEn'))} {...register('nameEn')} />{err('nameEn') && <span className="field__error">{err('nameEn')}</span>}</label>
            <label className="field"><span>{t('products.nameZh')}</span><input aria-invalid={Boolean(err('nameZh'))} {...register('nameZh')} />{err('nameZh') && <span className="field__error">{err('nameZh')}</span>}</label>
            <label className="field"><span>{t('categories.slug')}</span><input aria-invalid={Boolean(err('slug'))} {...register('slug', { setValueAs: (v: string) => v.toLowerCase() })} />{err('slug') && <span className="field__error">{err('slug')}</span>}</label>
            <label className="field"><span>{t('categories.parent')}</span>
              <select {...register('parentId')}>
                <option value="">{t('categories.top')}</option>
                {roots.filter((r) => r.id !== editing?.id).map((r) => <option key={r.id} value={r.id}>{r.nameEn}</option>)}
              </select>
              {err('parentId') && <span className="field__error">{err('parentId')}</span>}
            </label>
            <label className="field"><span>{t('categories.order')}</span><input type="number" min={0} {...register('sortOrder', { valueAsNumber: true })} /></label>
          </div>
          <FormAlert message={requestError(editing ? update.error : create.error)} />
          <div className="form__actions">
            <button type="submit" className="btn btn--primary" disabled={create.isPending || update.isPending}>{t('common.save')}</button>
            {editing && <button type="button" className="btn btn--secondary" onClick={() => edit(null)}>{t('common.cancel')}</button>}
          </div>
        </form>
      )}
    </div>
  );
}
