import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n.tsx';
import { useNotifications } from '../api/list-notifications.ts';
import { EmptyState, ErrorState, Loading } from '../../../components/states.tsx';

/** The latest notifications as a list, for the overview pages. */
export function NotificationList({ emptyText }: { emptyText: string }) {
  const { dateTime } = useI18n();
  const { data, isPending, error, refetch } = useNotifications();
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data.items.length) return <EmptyState>{emptyText}</EmptyState>;
  return (
    <ul className="timeline">
      {data.items.slice(0, 10).map((n) => (
        <li key={n.id} className={n.readAt ? '' : 'unread'}>
          <time dateTime={n.createdAt}>{dateTime(n.createdAt)}</time>
          <div>
            {n.link ? <Link to={n.link}>{n.title}</Link> : <strong>{n.title}</strong>}
            <p>{n.body}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
