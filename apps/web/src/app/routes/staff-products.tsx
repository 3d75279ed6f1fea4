import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { useStaffProducts } from '../../features/products/api/staff-products.ts';
import { CategoriesEditor } from '../../features/products/components/categories-editor.tsx';
import { SynonymsEditor } from '../../features/products/components/synonyms-editor.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';

const statuses = ['ACTIVE', 'DRAFT', 'ARCHIVED'] as const;

export default function StaffProductsRoute() {
  const { t, money, dateTime, number } = useI18n();
  const { data: user } = useSession();
  const [params, setParams] = useSearchParams();
  const { data, isPending, error, refetch } = useStaffProducts(new URLSearchParams([...params].filter(([k]) => ['q', 'status', 'page'].includes(k))).toString());
  const canEdit = user!.role !== 'FINANCE';
  const set = (k: string, v?: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  };
  return (
    <div className="page">
      <div className="page__title">
        <h1>{t('nav.products')}</h1>
        {canEdit && <Link to="/staff/products/new" className="btn btn--primary">{t('products.new')}</Link>}
      </div>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('products.status')}>
          <button type="button" aria-pressed={!params.get('status')} onClick={() => set('status')}>{t('companies.all')}</button>
          {statuses.map((s) => <button key={s} type="button" aria-pressed={params.get('status') === s} onClick={() => set('status', s)}>{t(`products.${s}`)}</button>)}
        </div>
        <form role="search" onSubmit={(e) => { e.preventDefault(); set('q', String(new FormData(e.currentTarget).get('q') ?? '').trim() || undefined); }}>
          <label htmlFor="product-q" className="visually-hidden">{t('products.search')}</label>
          <input id="product-q" name="q" type="search" defaultValue={params.get('q') ?? ''} placeholder={t('products.search')} maxLength={100} />
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
                    <td>{p.category}</td>
                    <td><span className={`badge badge--${p.status === 'ACTIVE' ? 'ok' : p.status === 'DRAFT' ? 'warn' : 'muted'}`}>{t(`products.${p.status}`)}</span></td>
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
      <section className="card">
        <h2>{t('categories.title')}</h2>
        <CategoriesEditor canEdit={canEdit} />
      </section>
      <section className="card">
        <h2>{t('products.synonyms')}</h2>
        <SynonymsEditor canEdit={canEdit} />
      </section>
    </div>
  );
}
