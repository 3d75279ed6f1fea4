import { Link, useNavigate } from 'react-router';
import { inquiriesQueryOptions, useInquiries } from '../../features/inquiries/api/list-inquiries.ts';
import { CollectedProducts } from '../../features/inquiries/components/collected-products.tsx';
import { InquiryTable } from '../../features/inquiries/components/inquiry-table.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

const query = 'scope=all';

export const clientLoader: PageLoader = (qc) => () => settle(qc.ensureQueryData(inquiriesQueryOptions(query)));

export default function PortalInquiriesRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, isPending, error, refetch } = useInquiries(query);
  return (
    <div className="page">
      <div className="page__title">
        <h1>{t('nav.inquiries')}</h1>
        <Link to="/portal/inquiries/new" className="btn btn--primary">{t('rfq.new')}</Link>
      </div>
      <CollectedProducts onInquire={() => navigate('/portal/inquiries/new?from=list')} />
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : data.items.length === 0 ? (
        <EmptyState>{t('rfq.none')} <Link to="/catalog">{t('rfq.browse')}</Link></EmptyState>
      ) : (
        <InquiryTable items={data.items} staff={false} now={Date.now()} linkBase="/portal/inquiries" />
      )}
    </div>
  );
}
