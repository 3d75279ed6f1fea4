import { Link, useParams } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { claimQueryOptions, useClaim } from '../../features/claims/api/get-claim.ts';
import { can } from '@portal/domain/access';
import { ClaimActions, ClaimNoteForm, UseCreditNoteForm } from '../../features/claims/components/claim-actions.tsx';
import { ClaimFacts, ClaimTimeline } from '../../features/claims/components/claim-view.tsx';
import '../../features/claims/claims.css';
import { ErrorState, Loading } from '../../components/states.tsx';
import type { MessageKey } from '../../lib/messages.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ params }) => settle(qc.ensureQueryData(claimQueryOptions(params.claimId ?? '')));

/** One claim: what is claimed, the evidence, every step with its date, and the caller's next steps (staff: internal notes too). */
export default function ClaimRoute() {
  const { t } = useI18n();
  const { claimId = '' } = useParams();
  const { data: user } = useSession();
  const staff = user!.role !== 'BUYER';
  const { data: claim, isPending, error, refetch } = useClaim(claimId);
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} back={{ to: staff ? '/staff/claims' : '/portal/claims', label: t(staff ? 'claims.title.queue' : 'claims.title.buyer') }} />;
  return (
    <div className="page">
      <p><Link to={staff ? '/staff/claims' : '/portal/claims'}>← {t(staff ? 'claims.title.queue' : 'claims.title.buyer')}</Link></p>
      <div className="page__title"><h1>{claim.number}: {t(`claims.kind.${claim.kind}` as MessageKey)}</h1></div>
      {!staff && claim.status === 'WAITING_FOR_EVIDENCE' && <p className="alert alert--warning" role="status">{t('claims.banner.evidence')}</p>}
      {!staff && claim.status === 'SETTLEMENT_OFFERED' && <p className="alert alert--warning" role="status">{t('claims.banner.offer')}</p>}
      {staff && claim.status === 'PENDING_APPROVAL' && claim.settlementDetail?.proposedByMe && <p className="alert alert--warning" role="status">{t('claims.banner.ownProposal')}</p>}
      <div className="claim-layout">
        <div className="stack">
          <ClaimActions claim={claim} />
          <section className="card"><h2>{t('claims.description')}</h2><p className="claim-timeline__note">{claim.description}</p></section>
          <ClaimTimeline claim={claim} staff={staff} />
          {can(user!.role, 'claims.creditNotes') && <UseCreditNoteForm claim={claim} />}
          {staff && <ClaimNoteForm claim={claim} />}
        </div>
        <aside className="card"><ClaimFacts claim={claim} staff={staff} /></aside>
      </div>
    </div>
  );
}
