import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { synonymsQueryOptions } from '../../features/catalog/api/get-synonyms.ts';
import { categoriesQueryOptions } from '../../features/catalog/api/list-categories.ts';
import { staffProductsQueryOptions } from '../../features/catalog/api/list-staff-products.ts';
import { CategoriesEditor } from '../../features/catalog/components/categories-editor.tsx';
import { StaffProductList } from '../../features/catalog/components/staff-product-list.tsx';
import { SynonymsEditor } from '../../features/catalog/components/synonyms-editor.tsx';
import { staffProductQuery } from '../../features/catalog/utils/staff-product-query.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ request }) =>
  settle(
    qc.ensureQueryData(staffProductsQueryOptions(staffProductQuery(new URL(request.url).searchParams))),
    qc.ensureQueryData(categoriesQueryOptions()),
    qc.ensureQueryData(synonymsQueryOptions()),
  );

/** Products, categories and search synonyms, as staff maintain them (finance reads). */
export default function StaffProductsRoute() {
  const { t } = useI18n();
  const { data: user } = useSession();
  const [params, setParams] = useSearchParams();
  const canEdit = user!.role !== 'FINANCE';
  return (
    <div className="page">
      <div className="page__title">
        <h1>{t('nav.products')}</h1>
        {canEdit && <Link to="/staff/products/new" className="btn btn--primary">{t('products.new')}</Link>}
      </div>
      <StaffProductList params={params} onParams={setParams} />
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
