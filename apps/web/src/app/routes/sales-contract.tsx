import { Link, useParams } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { LetterOfCreditPanel } from '../../features/letters-of-credit/components/letter-of-credit-panel.tsx';
import { salesContractQueryOptions, useSalesContract } from '../../features/sales-contracts/api/get-sales-contract.ts';
import { Amendments } from '../../features/sales-contracts/components/amendments.tsx';
import { ConfirmContract } from '../../features/sales-contracts/components/confirm-contract.tsx';
import { ContractView } from '../../features/sales-contracts/components/contract-view.tsx';
import { ProposeAmendmentForm } from '../../features/sales-contracts/components/propose-amendment-form.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ params }) => settle(qc.ensureQueryData(salesContractQueryOptions(params.contractId ?? '')));

/** A sales contract with its letter of credit and amendments, for the buyer and for staff. */
export default function SalesContractRoute() {
  const { t } = useI18n();
  const { contractId = '' } = useParams();
  const { data: user } = useSession();
  const { data: c, isPending, error, refetch } = useSalesContract(contractId);
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} back={{ to: user?.role === 'BUYER' ? '/portal/contracts' : '/staff/contracts', label: t('nav.contracts') }} />;
  const role = user!.role;
  const buyer = role === 'BUYER';
  const base = buyer ? '/portal' : '/staff';
  return (
    <div className="page">
      <p><Link to={`${base}/contracts`}>← {t('nav.contracts')}</Link> · <Link to={`${base}/inquiries/${c.inquiry.id}`}>{c.inquiry.number}</Link></p>
      <div className="page__title">
        <h1>{t('sc.title')} {c.number}</h1>
        <span className={`badge badge--${c.status === 'ISSUED' ? 'warn' : 'ok'}`}>{t(`sc.${c.status}`)}</span>
        <a className="btn btn--secondary btn--small" href={c.pdfUrl} target="_blank" rel="noopener">PDF</a>
        {c.status !== 'ISSUED' && <Link className="btn btn--secondary btn--small" to={`${base}/contracts/${c.id}/${buyer ? 'tracking' : 'execution'}`}>{t('nav.shipments')}</Link>}
      </div>
      {buyer && c.status === 'ISSUED' && <ConfirmContract contractId={c.id} />}
      <section className="card"><ContractView contract={c} /></section>
      {c.lc && <LetterOfCreditPanel key={`${c.lc.status}-${c.lc.number}`} contract={c} side={buyer ? 'buyer' : role === 'CLERK' || role === 'MANAGER' ? 'reviewer' : 'reader'} />}
      <section className="card">
        <h2>{t('sc.amendments')}</h2>
        <Amendments contract={c} buyer={buyer} />
        {!buyer && role !== 'FINANCE' && c.status !== 'CANCELLED' && c.status !== 'COMPLETED' && <ProposeAmendmentForm contractId={c.id} />}
      </section>
    </div>
  );
}
