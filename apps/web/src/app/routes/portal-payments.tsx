import { Link, useSearchParams } from 'react-router';
import { ErrorState, Loading } from '../../components/states.tsx';
import { paymentPageQueryOptions, usePaymentPage } from '../../features/payments/api/get-payment-page.ts';
import { PaymentPage } from '../../features/payments/components/payment-page.tsx';
import { usePayText } from '../../features/payments/messages.ts';
import { settle, type PageLoader } from '../prefetch.ts';

const targetOf = (search: URLSearchParams) => {
  const contractId = search.get('contract');
  return contractId ? { contractId } : {};
};

export const clientLoader: PageLoader = (qc) => ({ request }) => settle(qc.ensureQueryData(paymentPageQueryOptions(targetOf(new URL(request.url).searchParams))));

/** The buyer's payment page: across all contracts, or one contract's (?contract=). */
export default function PortalPaymentsRoute() {
  const { pt } = usePayText();
  const [search] = useSearchParams();
  const target = targetOf(search);
  const { data, isPending, error, refetch } = usePaymentPage(target);
  return (
    <div className="page">
      {target.contractId && <p><Link to="/portal/payments">← {pt('pay.allContracts')}</Link></p>}
      <h1>{data?.contract ? pt('pay.contractTitle', { number: data.contract.number }) : pt('pay.title')}</h1>
      {data?.contract && <p className="muted">{data.contract.paymentTerms} · <Link to={`/portal/contracts/${data.contract.id}`}>{data.contract.number}</Link></p>}
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : (
        <PaymentPage page={data} contractLink={(id) => `/portal/payments?contract=${id}`} />
      )}
    </div>
  );
}
