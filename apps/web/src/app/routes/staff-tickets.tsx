import { useSearchParams } from 'react-router';
import { homeTeamOf } from '@portal/domain';
import { TicketTeam } from '@portal/schemas';
import { useSession } from '../../features/auth/api/get-session.ts';
import { queueQueryOptions, useQueue } from '../../features/tickets/api/get-queue.ts';
import { QueueTable } from '../../features/tickets/components/tickets-table.tsx';
import { useTicketText } from '../../features/tickets/messages.ts';
import '../../features/tickets/tickets.css';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

/** The queue shown: the team in the address, else the user's own team (all teams for managers). */
const teamOf = (params: URLSearchParams, role: string | undefined) => params.get('team') ?? (role ? (homeTeamOf(role as never) ?? '') : '');

export const clientLoader: PageLoader = (qc) => ({ request }, user) => settle(qc.ensureQueryData(queueQueryOptions(teamOf(new URL(request.url).searchParams, user?.role))));

/** A team's queue: breached first (oldest breach first), then by the next due time, with both timers. */
export default function StaffTicketsRoute() {
  const tt = useTicketText();
  const { data: user } = useSession();
  const [params, setParams] = useSearchParams();
  const team = teamOf(params, user?.role);
  const { data, isPending, error, refetch } = useQueue(team);
  return (
    <div className="page">
      <h1>{tt('title.queue')}</h1>
      <div className="queue-filter">
        <div className="field">
          <label htmlFor="queue-team">{tt('team')}</label>
          <select id="queue-team" value={team} onChange={(e) => setParams({ team: e.target.value })}>
            <option value="">{tt('team.all')}</option>
            {TicketTeam.options.map((x) => <option key={x} value={x}>{tt(`team.${x}`)}</option>)}
          </select>
        </div>
      </div>
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : data.length === 0 ? <EmptyState>{tt('queue.none')}</EmptyState> : <QueueTable items={data} />}
    </div>
  );
}
