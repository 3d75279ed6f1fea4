import { Link, useNavigate } from 'react-router';
import { useInquiries } from '../../features/inquiries/api/inquiries.ts';
import { inquiryList, useInquiryList } from '../../features/inquiries/api/inquiry-list.ts';
import { InquiryTable } from '../../features/inquiries/components/inquiry-table.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';

export default function PortalInquiriesRoute() {
  const { t, number } = useI18n();
  const navigate = useNavigate();
  const list = useInquiryList();
  const { data, isPending, error, refetch } = useInquiries('scope=all');
  return (
    <div className="page">
      <div className="page__title">
        <h1>{t('nav.inquiries')}</h1>
        <Link to="/portal/inquiries/new" className="btn btn--primary">{t('rfq.new')}</Link>
      </div>
      {list.length > 0 && (
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
            <button type="button" className="btn btn--primary" onClick={() => navigate('/portal/inquiries/new?from=list')}>{t('rfq.inquireAll', { count: list.length })}</button>
          </div>
        </section>
      )}
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : data.items.length === 0 ? (
        <EmptyState>{t('rfq.none')} <Link to="/catalog">{t('rfq.browse')}</Link></EmptyState>
      ) : (
        <InquiryTable items={data.items} staff={false} now={Date.now()} linkBase="/portal/inquiries" />
      )}
    </div>
  );
}
