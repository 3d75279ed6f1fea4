import { useSession } from '../../features/auth/api/get-session.ts';
import { companyQueryOptions, useCompany } from '../../features/companies/api/get-company.ts';
import { notificationsQueryOptions } from '../../features/notifications/api/list-notifications.ts';
import { NotificationList } from '../../features/notifications/components/notification-list.tsx';
import { homeQueryOptions } from '../../features/home/api/get-home.ts';
import { HomeBoard } from '../../features/home/components/work-queue.tsx';
import { StatusBadge } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

const statusText = { PENDING: 'overview.pending', APPROVED: 'overview.approved', REJECTED: 'overview.rejected', SUSPENDED: 'overview.suspended' } as const;

export const clientLoader: PageLoader = (qc) => (_args, user) =>
  settle(user && qc.ensureQueryData(companyQueryOptions(user.company.id)), qc.ensureQueryData(homeQueryOptions()), qc.ensureQueryData(notificationsQueryOptions()));

/** The buyer's home: company status, what waits for them, their business at a glance, recent notices. */
export default function PortalOverviewRoute() {
  const { t } = useI18n();
  const { data: user } = useSession();
  const company = useCompany(user!.company.id);
  const status = company.data?.status ?? user!.company.status;
  return (
    <div className="page">
      <h1>{t('overview.welcome', { name: user!.name })}</h1>
      <section className={`card status-card status-card--${status.toLowerCase()}`} aria-labelledby="company-status">
        <div className="status-card__head">
          <h2 id="company-status">{t('overview.companyStatus')}</h2>
          <StatusBadge status={status} />
        </div>
        <p>
          <strong>{user!.company.name}</strong> — {t(statusText[status])}
        </p>
        {company.data?.statusReason && status !== 'APPROVED' && <p className="muted">{t('overview.reason', { reason: company.data.statusReason })}</p>}
      </section>
      <HomeBoard audience="buyer" />
      <section className="card">
        <h2>{t('overview.recent')}</h2>
        <NotificationList emptyText={t('overview.noNotifications')} />
      </section>
    </div>
  );
}
