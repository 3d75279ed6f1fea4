import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Pagination } from '../../../components/pagination.tsx';
import { EmptyState, ErrorState, Loading } from '../../../components/states.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useStaffProducts } from '../api/list-staff-products.ts';
import { staffProductQuery } from '../utils/staff-product-query.ts';

const statuses = ['ACTIVE', 'DRAFT', 'ARCHIVED'] as const;
const tone = { ACTIVE: 'ok', DRAFT: 'warn', ARCHIVED: 'muted' } as const;

/** Staff's product list: by status, searched by name or SKU; its state lives in the URL. */
export function StaffProductList({ params, onParams }: { params: URLSearchParams; onParams: (next: URLSearchParams) => void }) {
  const { t, money, dateTime, number, locale } = useI18n();
  const { data, isPending, error, refetch } = useStaffProducts(staffProductQuery(params));
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  const set = (k: string, v?: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    onParams(next);
  };
  return (
    <>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('products.status')}>
          <button type="button" aria-pressed={!params.get('status')} onClick={() => set('status')}>{t('companies.all')}</button>
          {statuses.map((s) => <button key={s} type="button" aria-pressed={params.get('status') === s} onClick={() => set('status', s)}>{t(`products.${s}`)}</button>)}
        </div>
        <form role="search" onSubmit={(e) => { e.preventDefault(); set('q', search.trim() || undefined); }}>
          <label htmlFor="product-q" className="visually-hidden">{t('products.search')}</label>
          <input id="product-q" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('products.search')} maxLength={100} />
        </form>
      </div>
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : data.items.length === 0 ? <EmptyState>{t('products.empty')}</EmptyState> : (
        <>
          <div className="table-wrap">
            <table className="table table--dense">
              <thead><tr><th scope="col">SKU</th><th scope="col">{t('products.name')}</th><th scope="col">{t('catalog.category')}</th><th scope="col">{t('products.status')}</th><th scope="col" className="num">{t('catalog.moq')}</th><th scope="col" className="num">{t('products.lowestPrice')}</th><th scope="col">{t('products.updated')}</th></tr></thead>
              <tbody>
                {data.items.map((p) => (
                  <tr key={p.id}>
                    <td><Link to={`/staff/products/${p.id}`}>{p.sku}</Link></td>
                    <td>{p.nameEn}<br /><span className="muted" lang="zh-CN">{p.nameZh}</span></td>
                    <td>{locale === 'zh-CN' ? p.category.nameZh : p.category.nameEn}</td>
                    <td><span className={`badge badge--${tone[p.status]}`}>{t(`products.${p.status}`)}</span></td>
                    <td className="num">{number(p.moq)} {p.unit}</td>
                    <td className="num">{p.priceFrom ? money(p.priceFrom.amount, p.priceFrom.currency, 4) : '—'}</td>
                    <td>{dateTime(p.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => set('page', String(p))} />
        </>
      )}
    </>
  );
}
