import { Link, useNavigate, useParams } from 'react-router';
import { useCategories, useEditableProduct, useSaveProduct, useSetProductStatus } from '../../features/products/api/staff-products.ts';
import { useSession } from '../../features/auth/api/get-session.ts';
import { ProductForm } from '../../features/products/components/product-form.tsx';
import { FormAlert } from '../../components/form.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';

export default function StaffProductEditRoute() {
  const { t } = useI18n();
  const { productId } = useParams();
  const navigate = useNavigate();
  const product = useEditableProduct(productId);
  const categories = useCategories();
  const save = useSaveProduct(productId);
  const { data: user } = useSession();
  const status = useSetProductStatus(productId ?? '');
  if ((productId && product.isPending) || categories.isPending) return <Loading />;
  if (product.error) return <ErrorState error={product.error} />;
  if (categories.error) return <ErrorState error={categories.error} />;
  const p = product.data;
  return (
    <div className="page">
      <p><Link to="/staff/products">← {t('nav.products')}</Link></p>
      <div className="page__title">
        <h1>{p ? `${p.sku} · ${p.nameEn}` : t('products.new')}</h1>
        {p && <span className={`badge badge--${p.status === 'ACTIVE' ? 'ok' : p.status === 'DRAFT' ? 'warn' : 'muted'}`}>{t(`products.${p.status}`)}</span>}
        {p && p.status !== 'DRAFT' && <Link to={`/catalog/products/${p.id}`}>{t('products.viewInCatalog')}</Link>}
        {p && (
          <button type="button" className={`btn btn--small ${p.status === 'ARCHIVED' ? 'btn--secondary' : 'btn--danger'}`} disabled={status.isPending} onClick={() => status.mutate(p.status === 'ARCHIVED' ? 'restore' : 'archive')}>
            {p.status === 'ARCHIVED' ? t('products.restore') : t('products.archive')}
          </button>
        )}
      </div>
      <FormAlert tone="success" message={save.isSuccess ? t('products.saved') : null} />
      <ProductForm
        key={p?.updatedAt ?? 'new'}
        product={p}
        categories={categories.data}
        saving={save.isPending}
        error={save.error}
        canChangeFloor={user?.role === 'MANAGER' || user?.role === 'ADMIN'}
        onSave={(body) => save.mutate(body, { onSuccess: (saved) => !productId && navigate(`/staff/products/${saved.id}`, { replace: true }) })}
      />
    </div>
  );
}
