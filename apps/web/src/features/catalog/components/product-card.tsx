import { Link } from 'react-router';
import type { ProductCard as Card } from '@portal/schemas';
import { useI18n } from '../../../lib/i18n.tsx';

/** The engine escapes names and wraps matches in <mark>; nothing else can be in these strings. */
function Highlighted({ html }: { html: string }) {
  const safe = html.replace(/<(?!\/?mark>)/g, '&lt;');
  return <span dangerouslySetInnerHTML={{ __html: safe }} />;
}

export function ProductCardView({ product, highlight = true }: { product: Card | Omit<Card, 'highlight'>; highlight?: boolean }) {
  const { t, locale, money, number } = useI18n();
  const name = locale === 'zh-CN' ? product.nameZh : product.nameEn;
  const hl = highlight && 'highlight' in product ? (locale === 'zh-CN' ? product.highlight.nameZh : product.highlight.nameEn) : null;
  return (
    <article className="product-card">
      <Link to={`/catalog/products/${product.id}`} className="product-card__link">
        <div className="product-card__image" aria-hidden="true">
          {product.imageUrl ? <img src={product.imageUrl} alt="" loading="lazy" /> : <span>{product.sku}</span>}
        </div>
        <h3 className="product-card__name">{hl ? <Highlighted html={hl} /> : name}</h3>
      </Link>
      <p className="product-card__meta">{locale === 'zh-CN' ? product.category.nameZh : product.category.nameEn} · {product.sku}</p>
      <p className="product-card__price">
        {product.priceFrom ? (
          <>
            <span className="muted">{t('catalog.from')}</span> <strong>{money(product.priceFrom.amount, product.priceFrom.currency, 4)}</strong>
            <span className="muted"> / {product.unit} FOB</span>
          </>
        ) : (
          <span className="muted">{t('catalog.priceOnApproval')}</span>
        )}
      </p>
      <dl className="product-card__facts">
        <div><dt>{t('catalog.moq')}</dt><dd>{number(product.moq)} {product.unit}</dd></div>
        <div><dt>{t('catalog.leadTime')}</dt><dd>{t('catalog.days', { days: product.leadTimeDays })}</dd></div>
      </dl>
      {product.certifications.length > 0 && (
        <ul className="chips" aria-label={t('catalog.certifications')}>
          {product.certifications.slice(0, 3).map((c) => <li key={c}>{c}</li>)}
        </ul>
      )}
    </article>
  );
}
