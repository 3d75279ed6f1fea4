import type { ProductSearchResult } from '@portal/schemas';
import { useI18n } from '../../../lib/i18n.tsx';
import { setValue, toggleValue, type ListFacet } from '../utils/search-state.ts';

type Props = { result: ProductSearchResult; params: URLSearchParams; onChange: (next: URLSearchParams) => void };

/** Facets with counts; each choice changes the URL. */
export function FacetPanel({ result, params, onChange }: Props) {
  const { t, locale, country } = useI18n();
  const category = params.get('category');
  const roots = result.facets.category.filter((c) => !c.parent);
  const children = (slug: string) => result.facets.category.filter((c) => c.parent === slug);

  const list = (key: ListFacet, title: string, values: { value: string; count: number }[], label: (v: string) => string = (v) => v) =>
    values.length > 0 && (
      <fieldset className="facet">
        <legend>{title}</legend>
        {values.map((v) => {
          const checked = params.getAll(key).includes(v.value);
          return (
            <label key={v.value} className="facet__option">
              <input type="checkbox" checked={checked} onChange={() => onChange(toggleValue(params, key, v.value))} />
              <span>{label(v.value)}</span>
              <span className="facet__count">{v.count}</span>
            </label>
          );
        })}
      </fieldset>
    );

  return (
    <aside className="facets" aria-label={t('catalog.filters')}>
      <fieldset className="facet">
        <legend>{t('catalog.category')}</legend>
        <ul className="facet__tree">
          <li>
            <button type="button" className={`facet__link${!category ? ' is-active' : ''}`} onClick={() => onChange(setValue(params, 'category', undefined))}>
              {t('catalog.allCategories')}
            </button>
          </li>
          {roots.map((c) => (
            <li key={c.value}>
              <button type="button" className={`facet__link${category === c.value ? ' is-active' : ''}`} aria-pressed={category === c.value} onClick={() => onChange(setValue(params, 'category', c.value))}>
                {locale === 'zh-CN' ? c.nameZh : c.nameEn} <span className="facet__count">{c.count}</span>
              </button>
              {children(c.value).length > 0 && (
                <ul>
                  {children(c.value).map((k) => (
                    <li key={k.value}>
                      <button type="button" className={`facet__link${category === k.value ? ' is-active' : ''}`} aria-pressed={category === k.value} onClick={() => onChange(setValue(params, 'category', k.value))}>
                        {locale === 'zh-CN' ? k.nameZh : k.nameEn} <span className="facet__count">{k.count}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
      {list('cert', t('catalog.certifications'), result.facets.cert)}
      {list('material', t('catalog.material'), result.facets.material)}
      {list('origin', t('catalog.origin'), result.facets.origin, country)}
      {list('incoterm', t('catalog.incoterms'), result.facets.incoterm)}
      <fieldset className="facet">
        <legend>{t('catalog.limits')}</legend>
        <NumberFilter label={t('catalog.moqMax')} name="moqMax" params={params} onChange={onChange} />
        <NumberFilter label={t('catalog.leadMax')} name="leadMax" params={params} onChange={onChange} />
        {result.pricesVisible && (
          <div className="facet__range">
            <NumberFilter label={t('catalog.priceMin')} name="priceMin" params={params} onChange={onChange} step="0.01" />
            <NumberFilter label={t('catalog.priceMax')} name="priceMax" params={params} onChange={onChange} step="0.01" />
          </div>
        )}
      </fieldset>
    </aside>
  );
}

function NumberFilter({ label, name, params, onChange, step = '1' }: { label: string; name: string; params: URLSearchParams; onChange: (p: URLSearchParams) => void; step?: string }) {
  return (
    <label className="facet__number">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        step={step}
        inputMode="decimal"
        defaultValue={params.get(name) ?? ''}
        key={params.get(name) ?? ''}
        onBlur={(e) => e.target.value !== (params.get(name) ?? '') && onChange(setValue(params, name, e.target.value))}
        onKeyDown={(e) => e.key === 'Enter' && onChange(setValue(params, name, (e.target as HTMLInputElement).value))}
      />
    </label>
  );
}
