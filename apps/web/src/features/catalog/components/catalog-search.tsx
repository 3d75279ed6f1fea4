import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Pagination } from '../../../components/pagination.tsx';
import { EmptyState, ErrorState, Loading } from '../../../components/states.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useProductSearch } from '../api/search-products.ts';
import { apiSearch, setValue } from '../utils/search-state.ts';
import { FacetPanel } from './facet-panel.tsx';
import { PricesHiddenNotice } from './prices-hidden.tsx';
import { ProductCardView } from './product-card.tsx';

/** Breadth search: typo-tolerant, as you type, facets with counts, all state in the URL. */
export function CatalogSearch() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { data, isPending, isFetching, error, refetch } = useProductSearch(apiSearch(params));

  // Back/forward and pasted links change q from outside.
  useEffect(() => setText(params.get('q') ?? ''), [params]);

  function onType(value: string) {
    setText(value);
    clearTimeout(typing.current);
    typing.current = setTimeout(() => setParams(setValue(params, 'q', value.trim() || undefined), { replace: true }), 200);
  }

  const change = (next: URLSearchParams) => setParams(next);
  const activeFilters = [...params.keys()].filter((k) => k !== 'q' && k !== 'sort' && k !== 'page').length;
  const filtered = activeFilters > 0;
  const [filtersOpen, setFiltersOpen] = useState(false);

  // A page past the last (a stale link, ?page=2 of a 17-product result): the API answers the last
  // page there is, and the address follows it, so it never names a page that is not shown.
  const lastPage = data ? data.pageCount : 1;
  const asked = Number(params.get('page') ?? '1');
  const shown = data ? Math.min(data.page, lastPage) : asked;
  const pastTheEnd = Boolean(data && !isFetching && asked !== shown);
  useEffect(() => {
    if (pastTheEnd) setParams(setValue(params, 'page', shown > 1 ? String(shown) : undefined), { replace: true });
  }, [pastTheEnd, shown, params, setParams]);

  return (
    <div className="page catalog">
      <div className="catalog__head">
        <h1>{t('catalog.title')}</h1>
        <Link to="/supplier">{t('catalog.aboutSupplier')}</Link>
      </div>
      <form role="search" className="catalog__search" onSubmit={(e) => { e.preventDefault(); clearTimeout(typing.current); setParams(setValue(params, 'q', text.trim() || undefined)); }}>
        <label htmlFor="catalog-q" className="visually-hidden">{t('catalog.searchLabel')}</label>
        <input id="catalog-q" type="search" value={text} onChange={(e) => onType(e.target.value)} placeholder={t('catalog.placeholder')} maxLength={200} autoComplete="off" />
        <button type="submit" className="btn btn--primary">{t('catalog.search')}</button>
      </form>
      {data?.degraded && <p className="notice" role="status">{t('catalog.degraded')}</p>}
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        <Loading />
      ) : (
        <div className="catalog__body">
          {/* On a phone the facets wait in a drawer behind this button, which counts the filters in force. */}
          <button type="button" className="btn btn--secondary catalog__filters-toggle" aria-expanded={filtersOpen} aria-controls="catalog-facets" onClick={() => setFiltersOpen(true)}>
            {t('catalog.filtersButton', { count: activeFilters })}
          </button>
          <div id="catalog-facets" className={`catalog__facets${filtersOpen ? ' is-open' : ''}`} role={filtersOpen ? 'dialog' : undefined} aria-modal={filtersOpen || undefined} aria-label={t('catalog.filters')}>
            <div className="catalog__facets-head">
              <strong>{t('catalog.filters')}</strong>
              <button type="button" className="btn btn--primary" onClick={() => setFiltersOpen(false)}>{t('catalog.showResults', { count: data.total })}</button>
            </div>
            <FacetPanel result={data} params={params} onChange={change} />
          </div>
          <section className="catalog__results" aria-busy={isFetching} aria-labelledby="results-count">
            <div className="catalog__toolbar">
              <p id="results-count" aria-live="polite">{t('catalog.results', { count: data.total })}</p>
              {filtered && <button type="button" className="link-button" onClick={() => setParams(params.get('q') ? new URLSearchParams({ q: params.get('q')! }) : new URLSearchParams())}>{t('catalog.clearFilters')}</button>}
              <label className="catalog__sort">
                <span>{t('catalog.sort')}</span>
                <select value={params.get('sort') ?? 'relevance'} onChange={(e) => change(setValue(params, 'sort', e.target.value === 'relevance' ? undefined : e.target.value))}>
                  <option value="relevance">{t('catalog.sortRelevance')}</option>
                  {data.pricesVisible && <option value="price_asc">{t('catalog.sortPriceAsc')}</option>}
                  {data.pricesVisible && <option value="price_desc">{t('catalog.sortPriceDesc')}</option>}
                  <option value="lead_time">{t('catalog.sortLeadTime')}</option>
                  <option value="newest">{t('catalog.sortNewest')}</option>
                </select>
              </label>
            </div>
            {!data.pricesVisible && <PricesHiddenNotice />}
            {pastTheEnd && data.items.length === 0 ? (
              <EmptyState>{t('catalog.pastLastPage', { page: data.page, pages: lastPage })}</EmptyState>
            ) : data.items.length === 0 ? (
              <EmptyState>{t('catalog.noResults')}</EmptyState>
            ) : (
              <div className="product-grid">
                {data.items.map((p) => <ProductCardView key={p.id} product={p} />)}
              </div>
            )}
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => change(setValue(params, 'page', String(p)))} />
          </section>
        </div>
      )}
    </div>
  );
}
