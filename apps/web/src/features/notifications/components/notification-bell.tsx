import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n.tsx';
import { useNotifications } from '../api/list-notifications.ts';
import { useMarkAllRead } from '../api/mark-all-notifications-read.ts';
import { useMarkRead } from '../api/mark-notification-read.ts';

/** The bell in the header: unread count and the latest notifications in a popover. */
export function NotificationBell() {
  const { t, dateTime } = useI18n();
  const { data } = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const unread = data?.unread ?? 0;
  return (
    <div className="bell" ref={ref}>
      <button type="button" className="bell__button" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen((o) => !o)} aria-label={`${t('nav.notifications')}${unread ? ` (${unread})` : ''}`}>
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && <span className="bell__count">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <div className="bell__panel" role="dialog" aria-label={t('nav.notifications')}>
          <div className="bell__head">
            <strong>{t('nav.notifications')}</strong>
            {unread > 0 && (
              <button type="button" className="link-button" onClick={() => markAll.mutate()}>
                {t('notifications.markAll')}
              </button>
            )}
          </div>
          {!data?.items.length ? (
            <p className="bell__empty">{t('notifications.empty')}</p>
          ) : (
            <ul className="bell__list">
              {data.items.slice(0, 8).map((n) => (
                <li key={n.id} className={n.readAt ? '' : 'unread'}>
                  <Link
                    to={n.link ?? '#'}
                    onClick={() => {
                      if (!n.readAt) markRead.mutate(n.id);
                      setOpen(false);
                    }}
                  >
                    <span className="bell__title">{n.title}</span>
                    <span className="bell__body">{n.body}</span>
                    <time dateTime={n.createdAt}>{dateTime(n.createdAt)}</time>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
