import { Link } from 'react-router';
import type { TicketSummary } from '@portal/schemas';
import { useI18n } from '../../../lib/i18n.tsx';
import { useTicketText } from '../messages.ts';
import { TicketStatusBadge } from './ticket-status.tsx';
import { TimerText, UrgencyBadge } from './timers.tsx';

/** A buyer's tickets, newest first. */
export function TicketsTable({ items }: { items: TicketSummary[] }) {
  const tt = useTicketText();
  const { dateTime } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table--dense table--stack">
        <thead><tr><th scope="col">{tt('number')}</th><th scope="col">{tt('subject')}</th><th scope="col">{tt('kind')}</th><th scope="col">{tt('status')}</th><th scope="col">{tt('updated')}</th></tr></thead>
        <tbody>
          {items.map((x) => (
            <tr key={x.id}>
              <td data-label={tt('number')}><Link to={`/portal/tickets/${x.id}`}>{x.number}</Link></td>
              <td data-label={tt('subject')}>{x.subject}{x.about && <span className="muted small"> · {x.about.label}</span>}</td>
              <td data-label={tt('kind')}>{tt(`kind.${x.kind}`)}</td>
              <td data-label={tt('status')}><TicketStatusBadge status={x.status} />{x.rating !== null && <span className="muted small"> · {tt('rated', { n: x.rating })}</span>}</td>
              <td data-label={tt('updated')}>{dateTime(x.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A team's queue: breached first, with both timers. */
export function QueueTable({ items }: { items: TicketSummary[] }) {
  const tt = useTicketText();
  return (
    <div className="table-wrap">
      <table className="table table--dense table--stack">
        <thead>
          <tr>
            <th scope="col">{tt('number')}</th><th scope="col">{tt('company')}</th><th scope="col">{tt('subject')}</th><th scope="col">{tt('status')}</th>
            <th scope="col">{tt('response')}</th><th scope="col">{tt('resolution')}</th><th scope="col">{tt('assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((x) => (
            <tr key={x.id}>
              <td data-label={tt('number')} className="ticket-number"><Link to={`/staff/tickets/${x.id}`}>{x.number}</Link> <UrgencyBadge sla={x.sla} /><div className="muted small">{tt(`kind.${x.kind}`)} · {tt(`team.${x.team}`)}</div></td>
              <td data-label={tt('company')}>{x.buyerCompany.name}</td>
              <td data-label={tt('subject')}>{x.subject}{x.about && <div className="muted small">{x.about.label}</div>}</td>
              <td data-label={tt('status')}><TicketStatusBadge status={x.status} /></td>
              <td data-label={tt('response')}><TimerText timer={x.sla.response} /></td>
              <td data-label={tt('resolution')}><TimerText timer={x.sla.resolution} /></td>
              <td data-label={tt('assignee')}>{x.assignee?.name ?? <span className="muted">{tt('unassigned')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
