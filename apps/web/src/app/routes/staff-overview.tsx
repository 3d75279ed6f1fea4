import { useSession } from '../../features/auth/api/get-session.ts';
import { homeQueryOptions } from '../../features/home/api/get-home.ts';
import { HomeBoard } from '../../features/home/components/work-queue.tsx';
import { notificationsQueryOptions } from '../../features/notifications/api/list-notifications.ts';
import { NotificationList } from '../../features/notifications/components/notification-list.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => () => settle(qc.ensureQueryData(homeQueryOptions()), qc.ensureQueryData(notificationsQueryOptions()));

/** A staff member's home: their work queue (inquiries, approvals, letters of credit …), figures, recent notices. */
export default function StaffOverviewRoute() {
  const { t } = useI18n();
  const { data: user } = useSession();
  return (
    <div className="page">
      <h1>{t('overview.welcome', { name: user!.name })}</h1>
      <p className="muted">{t('overview.yourRole', { role: t(`role.${user!.role}`) })}</p>
      <HomeBoard audience="staff" />
      <section className="card">
        <h2>{t('overview.recent')}</h2>
        <NotificationList emptyText={t('notifications.empty')} />
      </section>
    </div>
  );
}
