import { Link, useParams } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { executionQueryOptions, useExecution } from '../../features/shipments/api/get-execution.ts';
import { CertificateForm } from '../../features/shipments/components/certificate-form.tsx';
import { LineProgress } from '../../features/shipments/components/line-progress.tsx';
import { MilestoneForm } from '../../features/shipments/components/milestone-form.tsx';
import { PlanShipmentForm } from '../../features/shipments/components/plan-shipment-form.tsx';
import { ShipmentCard } from '../../features/shipments/components/shipment-card.tsx';
import { UploadDocumentForm } from '../../features/shipments/components/upload-document-form.tsx';
import { useShipmentsText } from '../../features/shipments/messages.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ params }) => settle(qc.ensureQueryData(executionQueryOptions(params.contractId ?? '')));

/** A contract's execution: the buyer's tracker (timeline per shipment, documents) and, for staff, the execution record with its forms. */
export default function ContractExecutionRoute() {
  const { s, day } = useShipmentsText();
  const { t } = useI18n();
  const { contractId = '' } = useParams();
  const { data: user } = useSession();
  const { data: ex, isPending, error, refetch } = useExecution(contractId);
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const staff = user?.role !== 'BUYER';
  const writer = user && ['CLERK', 'MANAGER', 'ADMIN'].includes(user.role);
  const base = staff ? '/staff' : '/portal';
  const today = new Date().toISOString().slice(0, 10);
  const live = !['ISSUED', 'CANCELLED', 'COMPLETED'].includes(ex.contract.status);
  return (
    <div className="page">
      <p><Link to={`${base}/shipments`}>← {s('tracker.title')}</Link> · <Link to={`${base}/contracts/${ex.contract.id}`}>{s('link.contract')} {ex.contract.number}</Link></p>
      <div className="page__title">
        <h1>{staff ? s('ex.title', { number: ex.contract.number }) : s('ex.trackTitle', { number: ex.contract.number })}</h1>
        <span className="muted">{ex.contract.buyerCompany.name} · {ex.contract.incoterm} {ex.contract.namedPlace} · {s('tracker.latest')} {day(ex.contract.latestShipmentDate)}</span>
      </div>
      <section className="card" aria-labelledby="lines-title">
        <h2 id="lines-title">{s('ex.lines')}</h2>
        <LineProgress execution={ex} />
        {writer && live && <PlanShipmentForm execution={ex} />}
      </section>
      {ex.shipments.length === 0 && <p className="muted">{s('ex.noShipments')}</p>}
      {ex.shipments.map((sh) => (
        <ShipmentCard key={sh.id} shipment={sh} staff={staff}>
          {writer && live && sh.status !== 'CANCELLED' && (
            <>
              <MilestoneForm contractId={ex.contract.id} shipment={sh} today={today} />
              <UploadDocumentForm contractId={ex.contract.id} shipmentId={sh.id} />
              <CertificateForm execution={ex} shipment={sh} today={today} />
            </>
          )}
          {!staff && ['DEPARTED', 'ARRIVED', 'DELIVERED'].includes(sh.status) && (
            <p><Link className="btn btn--secondary btn--small" to={`/portal/claims/new?shipment=${sh.id}`}>{t('claims.new')}</Link></p>
          )}
        </ShipmentCard>
      ))}
    </div>
  );
}
