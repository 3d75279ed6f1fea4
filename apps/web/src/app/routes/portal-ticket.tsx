import { Link, useParams } from 'react-router';
import { ticketQueryOptions, useTicket } from '../../features/tickets/api/get-ticket.ts';
import { RatingForm } from '../../features/tickets/components/rating-form.tsx';
import { TicketFacts } from '../../features/tickets/components/ticket-header.tsx';
import { TicketThread } from '../../features/tickets/components/ticket-thread.tsx';
import { useTicketText } from '../../features/tickets/messages.ts';
import '../../features/tickets/tickets.css';
import { ErrorState, Loading } from '../../components/states.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ params }) => settle(qc.ensureQueryData(ticketQueryOptions(params.ticketId ?? '')));

/** A buyer's ticket: the conversation, their reply, and the rating once resolved. */
export default function PortalTicketRoute() {
  const tt = useTicketText();
  const { ticketId = '' } = useParams();
  const { data: ticket, isPending, error, refetch } = useTicket(ticketId);
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <div className="page">
      <p><Link to="/portal/tickets">← {tt('title.buyer')}</Link></p>
      <div className="page__title"><h1>{ticket.number}: {ticket.subject}</h1></div>
      {ticket.status === 'WAITING_FOR_CUSTOMER' && <p className="alert alert--warning" role="status">{tt('waiting.banner')}</p>}
      {ticket.status === 'RESOLVED' && <p className="alert alert--success" role="status">{tt('resolved.banner')}</p>}
      <div className="ticket-layout">
        <div className="stack">
          <RatingForm ticket={ticket} />
          <TicketThread ticket={ticket} staff={false} />
        </div>
        <aside className="card"><TicketFacts ticket={ticket} staff={false} /></aside>
      </div>
    </div>
  );
}
