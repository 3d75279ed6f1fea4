import { useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { productQueryOptions, useProduct } from '../../features/catalog/api/get-product.ts';
import { portsQuery } from '../../features/inquiries/api/ports.ts';
import { InquiryForm, type DraftLine } from '../../features/inquiries/components/inquiry-form.tsx';
import { inquiryListQuery, useInquiryList } from '../../features/inquiries/api/inquiry-list.ts';
import { useQueryClient } from '@tanstack/react-query';
import { EmptyState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ request }) => {
  const productId = new URL(request.url).searchParams.get('product');
  const fromList = new URL(request.url).searchParams.get('from') === 'list';
  return settle(productId && qc.ensureQueryData(productQueryOptions(productId)), qc.ensureQueryData(portsQuery), fromList && qc.ensureQueryData(inquiryListQuery));
};

export default function PortalInquiryNewRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: user } = useSession();
  const fromList = params.get('from') === 'list';
  const list = useInquiryList(fromList);
  const qc = useQueryClient();
  const productId = params.get('product');
  const product = useProduct(productId ?? '', { enabled: Boolean(productId) });
  if ((productId && product.isPending) || (fromList && list.isPending)) return <Loading />;
  if (user!.company.status !== 'APPROVED') return <div className="page"><h1>{t('rfq.new')}</h1><EmptyState>{t('rfq.awaitApproval')}</EmptyState></div>;

  const lines: DraftLine[] = fromList
    ? (list.data?.items ?? []).filter((i) => i.available).map((i) => ({ productId: i.productId, description: i.name, quantity: i.quantity, unit: i.unit, moq: i.moq }))
    : product.data
      ? [{ productId: product.data.id, description: product.data.nameEn, quantity: params.get('qty') ?? product.data.moq, unit: product.data.unit, moq: product.data.moq }]
      : [];
  return (
    <div className="page">
      <h1>{t('rfq.new')}</h1>
      <p className="muted">{t('rfq.newHelp')}</p>
      <InquiryForm
        initialLines={lines}
        {...(params.get('incoterm') ? { initialIncoterm: params.get('incoterm')! } : {})}
        {...(params.get('port') ? { initialPort: params.get('port')! } : {})}
        country={user!.company.country}
        currency={user!.company.defaultCurrency}
        loadingPortName={product.data?.portOfLoading?.name ?? 'Ningbo'}
        onSent={(inq) => {
          // The API took the products asked for off the list, with the inquiry.
          void qc.invalidateQueries({ queryKey: inquiryListQuery.queryKey });
          navigate(`/portal/inquiries/${inq.id}`, { replace: true });
        }}
      />
    </div>
  );
}
