import type { OutboxEventItem } from '@portal/schemas';
import { EmptyState, ErrorState, Loading } from '../../../components/states.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useOutboxEvents } from '../api/list-outbox-events.ts';
import { useSettleOutboxEvent } from '../api/settle-outbox-event.ts';
import { outboxMessages } from './messages.ts';

/** The administrator's list of held and stuck outbox events, each with retry and discard. */
export function OutboxEvents() {
  const { locale, dateTime } = useI18n();
  const m = outboxMessages(locale);
  const { data, isPending, error, refetch } = useOutboxEvents();
  const settle = useSettleOutboxEvent();
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (data.items.length === 0) return <EmptyState>{m.empty}</EmptyState>;
  return (
    <div className="table-wrap">
      <table className="table table--dense">
        <caption className="visually-hidden">{m.title}</caption>
        <thead>
          <tr>
            <th scope="col">{m.what}</th>
            <th scope="col">{m.state}</th>
            <th scope="col">{m.attempts}</th>
            <th scope="col">{m.lastError}</th>
            <th scope="col">{m.since}</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((e: OutboxEventItem) => (
            <tr key={e.id}>
              <td>
                <strong>{e.channel === 'mail' ? m.mail : e.channel === 'search' ? m.search : e.channel}</strong> · {e.topic}
                <br />
                {e.summary}
              </td>
              <td>
                {e.status === 'DEAD' ? m.held : m.stuck}
                {e.nextAttemptAt && (
                  <>
                    <br />
                    <small>{m.next}: {dateTime(e.nextAttemptAt)}</small>
                  </>
                )}
              </td>
              <td>{e.attempts}</td>
              <td><code>{e.lastError ?? '—'}</code></td>
              <td>{dateTime(e.createdAt)}</td>
              <td>
                <div className="actions">
                  <button type="button" className="btn btn--small" disabled={settle.isPending} onClick={() => settle.mutate({ eventId: e.id, action: 'retry' })} aria-label={`${m.retry}: ${e.summary}`}>
                    {m.retry}
                  </button>
                  <button
                    type="button"
                    className="btn btn--small btn--secondary"
                    disabled={settle.isPending}
                    aria-label={`${m.discard}: ${e.summary}`}
                    onClick={() => {
                      if (window.confirm(m.confirmDiscard)) settle.mutate({ eventId: e.id, action: 'discard' });
                    }}
                  >
                    {m.discard}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
