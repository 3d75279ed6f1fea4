import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n.tsx';
import { inquiryList, useInquiryList } from '../stores/inquiry-list.ts';

/** The products a buyer collected on this device, to ask for all of them in one inquiry. */
export function CollectedProducts({ onInquire }: { onInquire: () => void }) {
  const { t, number } = useI18n();
  const list = useInquiryList();
  if (list.length === 0) return null;
  return (
    <section className="card">
      <h2>{t('rfq.collected')}</h2>
      <ul className="plain-list">
        {list.map((i) => (
          <li key={i.productId}>
            <Link to={`/catalog/products/${i.productId}`}>{i.nameEn}</Link> <span className="muted">· {number(i.quantity)} {i.unit}</span>{' '}
            <button type="button" className="link-button" onClick={() => inquiryList.remove(i.productId)}>{t('products.remove')}</button>
          </li>
        ))}
      </ul>
      <div className="form__actions">
        <button type="button" className="btn btn--primary" onClick={onInquire}>{t('rfq.inquireAll', { count: list.length })}</button>
      </div>
    </section>
  );
}
