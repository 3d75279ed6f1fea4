import type { TicketView } from '@portal/schemas';
import { useI18n } from '../../../lib/i18n.tsx';
import { useTicketText } from '../messages.ts';
import { TicketStatusBadge } from './ticket-status.tsx';

/** The facts of a ticket: kind, what it is about, team, assignee, dates. */
export function TicketFacts({ ticket, staff }: { ticket: TicketView; staff: boolean }) {
  const tt = useTicketText();
  const { dateTime } = useI18n();
  return (
    <dl className="details">
      <dt>{tt('status')}</dt>
      <dd><TicketStatusBadge status={ticket.status} /></dd>
      <dt>{tt('kind')}</dt>
      <dd>{tt(`kind.${ticket.kind}`)}</dd>
      {ticket.about && <><dt>{tt('about')}</dt><dd>{ticket.about.label}</dd></>}
      {staff && <><dt>{tt('company')}</dt><dd>{ticket.buyerCompany.name}</dd></>}
      <dt>{tt('team')}</dt>
      <dd>{tt(`team.${ticket.team}`)}</dd>
      <dt>{tt('assignee')}</dt>
      <dd>{ticket.assignee?.name ?? tt('unassigned')}</dd>
      <dt>{tt('opened')}</dt>
      <dd>{dateTime(ticket.createdAt)}</dd>
      {ticket.rating !== null && <><dt>{tt('rate.label')}</dt><dd>{tt('rated', { n: ticket.rating })}{ticket.ratingComment ? ` — “${ticket.ratingComment}”` : ''}</dd></>}
    </dl>
  );
}
