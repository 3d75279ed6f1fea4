import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ProductDetail } from '@portal/schemas';
import { ErrorState, Loading } from '../../../components/states.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useProduct } from '../api/get-product.ts';
import { PricesHiddenNotice } from './prices-hidden.tsx';
import { ProductCardView } from './product-card.tsx';

/**
 * Depth: everything a buyer needs to decide to ask for a price. `request` renders what the reader
 * can do about the product (ask for a quote, sign in) beside its summary.
 */
export function ProductPage({ productId, request }: { productId: string; request: (product: ProductDetail) => ReactNode }) {
  const { t, locale, money, number, country, date } = useI18n();
  const { data: p, isPending, error, refetch } = useProduct(productId);
  const [image, setImage] = useState(0);
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} back={{ to: '/catalog', label: t('nav.catalog') }} />;
  const zh = locale === 'zh-CN';
  const name = zh ? p.nameZh : p.nameEn;
  const current = p.images[image];
  return (
    <div className="page product">
      <nav aria-label={t('catalog.breadcrumb')} className="breadcrumb">
        <Link to="/catalog">{t('catalog.title')}</Link> › <Link to={`/catalog?category=${p.category.slug}`}>{zh ? p.category.nameZh : p.category.nameEn}</Link>
      </nav>
      <div className="product__top">
        <section className="gallery" aria-label={t('catalog.gallery')}>
          <div className="gallery__main">
            {current ? <img src={current.url} alt={current.alt} /> : <span className="gallery__placeholder">{p.sku}</span>}
          </div>
          {p.images.length > 1 && (
            <div className="gallery__thumbs">
              {p.images.map((img, i) => (
                <button key={img.url} type="button" aria-pressed={i === image} onClick={() => setImage(i)}>
                  <img src={img.url} alt={img.alt} />
                </button>
              ))}
            </div>
          )}
        </section>
        <section className="product__summary">
          <h1>{name}</h1>
          {/* A Chinese reader also sees the English name (the one on the documents); an English reader never sees the Chinese. */}
          {zh && <p className="muted" lang="en">{p.nameEn}</p>}
          <p className="muted">SKU {p.sku} · HS {p.hsCode} · {t('catalog.origin')}: {country(p.origin)}</p>
          {p.priceTiers ? (
            <table className="table table--dense tiers">
              <caption>{t('catalog.priceTiers')}</caption>
              <thead><tr><th scope="col">{t('catalog.quantity')}</th><th scope="col" className="num">{t('catalog.unitPrice')}</th><th scope="col">{t('catalog.incoterm')}</th></tr></thead>
              <tbody>
                {p.priceTiers.map((tier) => (
                  <tr key={`${tier.incoterm}-${tier.minQuantity}`}>
                    <td>≥ {number(tier.minQuantity)} {p.unit}</td>
                    <td className="num">
                      {money(tier.unitPrice.amount, tier.unitPrice.currency, 4)}
                      {tier.inBuyerCurrency && <span className="tiers__converted muted small"> ≈ {money(tier.inBuyerCurrency.amount, tier.inBuyerCurrency.currency, 4)}</span>}
                    </td>
                    <td>{tier.incoterm} {p.portOfLoading?.name ?? ''}</td>
                  </tr>
                ))}
              </tbody>
              {p.priceTiers.some((tier) => tier.inBuyerCurrency) && p.ratesOn && (
                <tfoot><tr><td colSpan={3} className="muted small">{t('catalog.inYourCurrency', { date: date(`${p.ratesOn}T00:00:00Z`) })}</td></tr></tfoot>
              )}
            </table>
          ) : (
            <PricesHiddenNotice />
          )}
          <dl className="details details--compact">
            <dt>{t('catalog.moq')}</dt><dd>{number(p.moq)} {p.unit}</dd>
            <dt>{t('catalog.leadTime')}</dt><dd>{t('catalog.days', { days: p.leadTimeDays })}</dd>
            <dt>{t('catalog.incoterms')}</dt><dd>{p.incoterms.join(', ')}{p.portOfLoading ? ` · ${p.portOfLoading.name} (${p.portOfLoading.code})` : ''}</dd>
            {p.material && (<><dt>{t('catalog.material')}</dt><dd>{p.material}</dd></>)}
            <dt>{t('catalog.certifications')}</dt><dd>{p.certifications.length ? p.certifications.join(', ') : t('common.none')}</dd>
          </dl>
          {request(p)}
        </section>
      </div>
      <div className="grid-2 grid-2--top">
        <section className="card">
          <h2>{t('catalog.specifications')}</h2>
          <p>{zh && p.descriptionZh ? p.descriptionZh : p.descriptionEn}</p>
          {p.specifications.length > 0 && (
            <table className="table table--dense">
              <tbody>
                {/* In the reader's language; in English where staff gave no Chinese. */}
                {p.specifications.map((s) => (
                  <tr key={s.name}><th scope="row">{(zh && s.nameZh) || s.name}</th><td>{(zh && s.valueZh) || s.value}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="card">
          <h2>{t('catalog.packing')}</h2>
          <table className="table table--dense">
            <tbody>
              <tr><th scope="row">{t('catalog.unitsPerCarton')}</th><td>{number(p.packing.unitsPerCarton)} {p.unit}</td></tr>
              <tr><th scope="row">{t('catalog.cartonSize')}</th><td>{number(p.packing.cartonLengthCm)} × {number(p.packing.cartonWidthCm)} × {number(p.packing.cartonHeightCm)} cm</td></tr>
              <tr><th scope="row">{t('catalog.cartonCbm')}</th><td>{number(p.packing.cartonCbm, 4)} m³</td></tr>
              <tr><th scope="row">{t('catalog.grossWeight')}</th><td>{number(p.packing.cartonGrossWeightKg)} kg</td></tr>
              {p.packing.cartonNetWeightKg && <tr><th scope="row">{t('catalog.netWeight')}</th><td>{number(p.packing.cartonNetWeightKg)} kg</td></tr>}
            </tbody>
          </table>
        </section>
      </div>
      <section className="card supplier-strip">
        <div>
          <h2>{p.supplier.name}</h2>
          {p.supplier.headline && <p className="muted">{p.supplier.headline}</p>}
        </div>
        <Link to="/supplier" className="btn btn--secondary">{t('catalog.viewSupplier')}</Link>
      </section>
      {p.related.length > 0 && (
        <section>
          <h2>{t('catalog.related')}</h2>
          <div className="product-grid">
            {p.related.map((r) => <ProductCardView key={r.id} product={r} highlight={false} />)}
          </div>
        </section>
      )}
    </div>
  );
}
