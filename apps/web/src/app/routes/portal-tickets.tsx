import { Link } from 'react-router';
import { ticketsQueryOptions, useTickets } from '../../features/tickets/api/list-tickets.ts';
import { TicketsTable } from '../../features/tickets/components/tickets-table.tsx';
import { useTicketText } from '../../features/tickets/messages.ts';
import '../../features/tickets/tickets.css';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => () => settle(qc.ensureQueryData(ticketsQueryOptions()));

/** The buyer's service centre: their company's tickets, and a new one. */
export default function PortalTicketsRoute() {
  const tt = useTicketText();
  const { data, isPending, error, refetch } = useTickets();
  return (
    <div className="page">
      <div className="page__title">
        <h1>{tt('title.buyer')}</h1>
        <Link className="btn btn--primary" to="/portal/tickets/new">{tt('new')}</Link>
      </div>
      <p className="muted">{tt('intro.buyer')}</p>
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : data.length === 0 ? <EmptyState>{tt('none')}</EmptyState> : <TicketsTable items={data} />}
    </div>
  );
}
