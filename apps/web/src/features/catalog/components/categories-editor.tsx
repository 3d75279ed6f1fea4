import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CategoryInput, type CategoryNode } from '@portal/schemas';
import { FormAlert, validate } from '../../../components/form.tsx';
import { ErrorState, Loading } from '../../../components/states.tsx';
import { api, ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCategories } from '../api/staff-products.ts';

type Draft = { id: string | null; slug: string; nameEn: string; nameZh: string; parentId: string; sortOrder: string };
const empty: Draft = { id: null, slug: '', nameEn: '', nameZh: '', parentId: '', sortOrder: '0' };

/** The category tree: rename, move or add categories; products below a renamed one are re-indexed. */
export function CategoriesEditor({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { data, isPending, error } = useCategories();
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: ({ id, ...body }: { id: string | null } & Record<string, unknown>) =>
      id ? api<CategoryNode[]>(`/api/categories/${id}`, { method: 'PUT', body }) : api<CategoryNode[]>('/api/categories', { method: 'POST', body }),
    onSuccess: (list) => {
      qc.setQueryData(['categories'], list);
      void qc.invalidateQueries({ queryKey: ['catalog-search'] });
      setDraft(empty);
    },
    onError: (err) => err instanceof ApiError && setErrors(err.byField()),
  });
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} />;
  const roots = data.filter((c) => !c.parentId);
  const childrenOf = (id: string) => data.filter((c) => c.parentId === id);

  function submit(e: FormEvent) {
    e.preventDefault();
    const body = { slug: draft.slug.trim(), nameEn: draft.nameEn, nameZh: draft.nameZh, parentId: draft.parentId || null, sortOrder: Number(draft.sortOrder) || 0 };
    const result = validate(CategoryInput, body);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    save.mutate({ id: draft.id, ...body });
  }

  const row = (c: CategoryNode, depth: number) => (
    <tr key={c.id}>
      <td style={{ paddingLeft: 12 + depth * 18 }}>{c.nameEn}</td>
      <td lang="zh-CN">{c.nameZh}</td>
      <td><code>{c.slug}</code></td>
      <td className="num">{c.productCount}</td>
      <td>{canEdit && <button type="button" className="btn btn--small btn--secondary" onClick={() => { setErrors({}); setDraft({ id: c.id, slug: c.slug, nameEn: c.nameEn, nameZh: c.nameZh, parentId: c.parentId ?? '', sortOrder: String(c.sortOrder) }); }}>{t('categories.edit')}</button>}</td>
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
        <form className="inline-form" onSubmit={submit} noValidate aria-label={draft.id ? t('categories.edit') : t('categories.add')}>
          <h3>{draft.id ? t('categories.editing', { name: draft.nameEn }) : t('categories.add')}</h3>
          <div className="grid-3">
            <label className="field"><span>{t('products.nameEn')}</span><input value={draft.nameEn} onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })} aria-invalid={Boolean(errors.nameEn)} />{errors.nameEn && <span className="field__error">{errors.nameEn}</span>}</label>
            <label className="field"><span>{t('products.nameZh')}</span><input value={draft.nameZh} onChange={(e) => setDraft({ ...draft, nameZh: e.target.value })} aria-invalid={Boolean(errors.nameZh)} />{errors.nameZh && <span className="field__error">{errors.nameZh}</span>}</label>
            <label className="field"><span>{t('categories.slug')}</span><input value={draft.slug} onChange={(e) => setDraft({ ...draft, slug: e.target.value.toLowerCase() })} aria-invalid={Boolean(errors.slug)} />{errors.slug && <span className="field__error">{errors.slug}</span>}</label>
            <label className="field"><span>{t('categories.parent')}</span>
              <select value={draft.parentId} onChange={(e) => setDraft({ ...draft, parentId: e.target.value })}>
                <option value="">{t('categories.top')}</option>
                {roots.filter((r) => r.id !== draft.id).map((r) => <option key={r.id} value={r.id}>{r.nameEn}</option>)}
              </select>
              {errors.parentId && <span className="field__error">{errors.parentId}</span>}
            </label>
            <label className="field"><span>{t('categories.order')}</span><input type="number" min={0} value={draft.sortOrder} onChange={(e) => setDraft({ ...draft, sortOrder: e.target.value })} /></label>
          </div>
          <FormAlert message={save.error && !(save.error instanceof ApiError && save.error.fieldErrors.length) ? save.error.message : null} />
          <div className="form__actions">
            <button type="submit" className="btn btn--primary" disabled={save.isPending}>{t('common.save')}</button>
            {draft.id && <button type="button" className="btn btn--secondary" onClick={() => setDraft(empty)}>{t('common.cancel')}</button>}
          </div>
        </form>
      )}
    </div>
  );
}
