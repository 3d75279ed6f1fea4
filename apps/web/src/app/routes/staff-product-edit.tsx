import { Link, useNavigate, useParams } from 'react-router';
import { useArchiveProduct } from '../../features/catalog/api/archive-product.ts';
import { useCreateProduct } from '../../features/catalog/api/create-product.ts';
import { editableProductQueryOptions, useEditableProduct } from '../../features/catalog/api/get-editable-product.ts';
import { categoriesQueryOptions, useCategories } from '../../features/catalog/api/list-categories.ts';
import { useRestoreProduct } from '../../features/catalog/api/restore-product.ts';
import { useUpdateProduct } from '../../features/catalog/api/update-product.ts';
import { ProductForm } from '../../features/catalog/components/product-form.tsx';
import { mayChangeMarginFloor } from '@portal/domain/margin-floor';
import { useSession } from '../../features/auth/api/get-session.ts';
import { FormAlert } from '../../components/form.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

const tone = { ACTIVE: 'ok', DRAFT: 'warn', ARCHIVED: 'muted' } as const;

export const clientLoader: PageLoader = (qc) => ({ params }) =>
  settle(params.productId && qc.ensureQueryData(editableProductQueryOptions(params.productId)), qc.ensureQueryData(categoriesQueryOptions()));

/** A new product, or one to edit, archive or restore. */
export default function StaffProductEditRoute() {
  const { t } = useI18n();
  const { productId } = useParams();
  const navigate = useNavigate();
  const product = useEditableProduct(productId);
  const categories = useCategories();
  const create = useCreateProduct();
  const update = useUpdateProduct(productId ?? '');
  const archive = useArchiveProduct(productId ?? '');
  const restore = useRestoreProduct(productId ?? '');
  const { data: user } = useSession();
  if ((productId && product.isPending) || categories.isPending) return <Loading />;
  if (product.error) return <ErrorState error={product.error} onRetry={() => void product.refetch()} back={{ to: '/staff/products', label: t('nav.products') }} />;
  if (categories.error) return <ErrorState error={categories.error} />;
  const p = product.data;
  // A new product's page becomes the product's page once saved; the save it showed stays shown.
  const save = update.isIdle ? create : update;
  const archived = p?.status === 'ARCHIVED';
  return (
    <div className="page">
      <p><Link to="/staff/products">← {t('nav.products')}</Link></p>
      <div className="page__title">
        <h1>{p ? `${p.sku} · ${p.nameEn}` : t('products.new')}</h1>
        {p && <span className={`badge badge--${tone[p.status]}`}>{t(`products.${p.status}`)}</span>}
        {p && p.status !== 'DRAFT' && <Link to={`/catalog/products/${p.id}`}>{t('products.viewInCatalog')}</Link>}
        {p && (
          <button type="button" className={`btn btn--small ${archived ? 'btn--secondary' : 'btn--danger'}`} disabled={archive.isPending || restore.isPending} onClick={() => (archived ? restore.mutate() : archive.mutate())}>
            {archived ? t('products.restore') : t('products.archive')}
          </button>
        )}
      </div>
      <FormAlert tone="success" message={save.isSuccess ? t('products.saved') : null} />
      <ProductForm
        key={p?.updatedAt ?? 'new'}
        {...(p ? { product: p } : {})}
        categories={categories.data}
        saving={save.isPending}
        error={save.error}
        canChangeFloor={user ? mayChangeMarginFloor(user.role) : false}
        onSave={(body) => (productId ? update.mutate(body) : create.mutate(body, { onSuccess: (saved) => navigate(`/staff/products/${saved.id}`, { replace: true }) }))}
      />
    </div>
  );
}
