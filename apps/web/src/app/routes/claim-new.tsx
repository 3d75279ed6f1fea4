import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { claimDraftQueryOptions, filingTermsQueryOptions, useClaimDraft, useFilingTerms } from '../../features/claims/api/get-filing-terms.ts';
import { ClaimForm } from '../../features/claims/components/claim-form.tsx';
import { DraftShipmentChoice } from '../../features/claims/components/draft-shipment-choice.tsx';
import { ApiError } from '../../lib/api.ts';
import '../../features/claims/claims.css';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ request }) => {
  const q = new URL(request.url).searchParams;
  const shipment = q.get('shipment');
  const ticket = q.get('ticket');
  return settle(ticket ? qc.ensureQueryData(claimDraftQueryOptions(ticket, shipment ?? '')) : shipment && qc.ensureQueryData(filingTermsQueryOptions(shipment)));
};

/** Filing a claim: a buyer from a shipment (?shipment=<id>); staff from a complaint (?ticket=<id>), its words and files taken over. */
export default function ClaimNewRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: user } = useSession();
  const staff = user!.role !== 'BUYER';
  const ticketId = staff ? (params.get('ticket') ?? '') : '';
  // Staff name the shipment of a complaint that names none (?ticket=<id>&shipment=<id>).
  const draft = useClaimDraft(ticketId, ticketId ? (params.get('shipment') ?? '') : '');
  const needsShipment = draft.error instanceof ApiError && draft.error.status === 400 && draft.error.fieldErrors.some((e) => /(^|\.)(contractId|shipmentId)$/.test(e.field));
  const shipmentId = params.get('shipment') ?? draft.data?.shipmentId ?? '';
  const terms = useFilingTerms(ticketId ? '' : shipmentId);
  const back = staff ? (ticketId ? `/staff/tickets/${ticketId}` : '/staff/claims') : '/portal/claims';
  const data = draft.data?.terms ?? terms.data;
  const failed = draft.error ?? terms.error;
  return (
    <div className="page">
      <p><Link to={back}>← {t(ticketId ? 'claims.new.backToComplaint' : staff ? 'claims.title.queue' : 'claims.title.buyer')}</Link></p>
      {needsShipment ? (
        <>
          <h1>{t('claims.new.fromComplaintTitle')}</h1>
          <DraftShipmentChoice ticketId={ticketId} back={back} />
        </>
      ) : failed ? <ErrorState error={failed} back={{ to: back, label: t('claims.title.buyer') }} /> : !data ? (shipmentId || ticketId ? <Loading /> : <p className="muted">{t('claims.intro.buyer')}</p>) : (
        <>
          <h1>{t('claims.new.title', { shipment: data.shipment.number })}</h1>
          {draft.data && <p className="muted">{t('claims.new.fromTicket', { ticket: draft.data.ticketNumber })} · {data.buyerCompany.name}</p>}
          <p className="muted small">{data.contract.number}</p>
          <ClaimForm terms={data} draft={draft.data} onFiled={(c) => void navigate(`${staff ? '/staff' : '/portal'}/claims/${c.id}`)} />
        </>
      )}
    </div>
  );
}
