import { Link, useParams } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { ticketQueryOptions, useTicket } from '../../features/tickets/api/get-ticket.ts';
import { AssignForm } from '../../features/tickets/components/assign-form.tsx';
import { TicketFacts } from '../../features/tickets/components/ticket-header.tsx';
import { TicketThread } from '../../features/tickets/components/ticket-thread.tsx';
import { SlaPanel, UrgencyBadge } from '../../features/tickets/components/timers.tsx';
import { useTicketText } from '../../features/tickets/messages.ts';
import '../../features/tickets/tickets.css';
import { ErrorState, Loading } from '../../components/states.tsx';
import { can } from '@portal/domain/access';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ params }) => settle(qc.ensureQueryData(ticketQueryOptions(params.ticketId ?? '')));

/** The staff workspace of a ticket: its timers, the conversation with internal notes, assignment and the steps. */
export default function StaffTicketRoute() {
  const tt = useTicketText();
  const { t } = useI18n();
  const { ticketId = '' } = useParams();
  const { data: user } = useSession();
  const { data: ticket, isPending, error, refetch } = useTicket(ticketId);
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <div className="page">
      <p><Link to={`/staff/tickets?team=${ticket.team}`}>← {tt('title.queue')}</Link></p>
      <div className="page__title">
        <h1>{ticket.number}: {ticket.subject}</h1><UrgencyBadge sla={ticket.sla} />
        {ticket.kind === 'COMPLAINT' && ticket.status !== 'CLOSED' && can(user!.role, 'claims.file') && <Link className="btn btn--secondary btn--small" to={`/staff/claims/new?ticket=${ticket.id}`}>{t('claims.fromComplaint')}</Link>}
      </div>
      <div className="ticket-layout">
        <TicketThread ticket={ticket} staff />
        <aside className="stack">
          <section className="card"><SlaPanel sla={ticket.sla} /></section>
          <section className="card"><TicketFacts ticket={ticket} staff /><AssignForm ticket={ticket} meId={user!.id} /></section>
        </aside>
      </div>
    </div>
  );
}
