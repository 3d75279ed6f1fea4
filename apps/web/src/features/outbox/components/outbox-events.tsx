import type { OutboxEventItem } from '@portal/schemas';
import { EmptyState, ErrorState, Loading } from '../../../components/states.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useOutboxEvents } from '../api/list-outbox-events.ts';
import { useSettleOutboxEvent } from '../api/settle-outbox-event.ts';

/** The administrator's list of held and stuck outbox events, each with retry and discard. */
export function OutboxEvents() {
  const { t, dateTime } = useI18n();
  const { data, isPending, error, refetch } = useOutboxEvents();
  const settle = useSettleOutboxEvent();
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (data.items.length === 0) return <EmptyState>{t('outbox.empty')}</EmptyState>;
  return (
    <div className="table-wrap">
      <table className="table table--dense">
        <caption className="visually-hidden">{t('outbox.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outbox.what')}</th>
            <th scope="col">{t('outbox.state')}</th>
            <th scope="col">{t('outbox.attempts')}</th>
            <th scope="col">{t('outbox.lastError')}</th>
            <th scope="col">{t('outbox.since')}</th>
            <th scope="col"><span className="visually-hidden">{t('outbox.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((e: OutboxEventItem) => (
            <tr key={e.id}>
              <td>
                <strong>{e.channel === 'mail' ? t('outbox.mail') : e.channel === 'search' ? t('outbox.search') : e.channel}</strong> · {e.topic}
                <br />
                {e.summary}
              </td>
              <td>
                {e.status === 'DEAD' ? t('outbox.held') : t('outbox.stuck')}
                {e.nextAttemptAt && (
                  <>
                    <br />
                    <small>{t('outbox.next')}: {dateTime(e.nextAttemptAt)}</small>
                  </>
                )}
              </td>
              <td>{e.attempts}</td>
              <td><code>{e.lastError ?? '—'}</code></td>
              <td>{dateTime(e.createdAt)}</td>
              <td>
                <div className="actions">
                  <button type="button" className="btn btn--small" disabled={settle.isPending} onClick={() => settle.mutate({ eventId: e.id, action: 'retry' })} aria-label={`${t('outbox.retry')}: ${e.summary}`}>
                    {t('outbox.retry')}
                  </button>
                  <button
                    type="button"
                    className="btn btn--small btn--secondary"
                    disabled={settle.isPending}
                    aria-label={`${t('outbox.discard')}: ${e.summary}`}
                    onClick={() => {
                      if (window.confirm(t('outbox.confirmDiscard'))) settle.mutate({ eventId: e.id, action: 'discard' });
                    }}
                  >
                    {t('outbox.discard')}
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
