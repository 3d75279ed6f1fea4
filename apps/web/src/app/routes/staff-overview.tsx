import { Link } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import type { CompanyFilter } from '../../features/companies/api/keys.ts';
import { companiesQueryOptions, useCompanies } from '../../features/companies/api/list-companies.ts';
import { notificationsQueryOptions } from '../../features/notifications/api/list-notifications.ts';
import { NotificationList } from '../../features/notifications/components/notification-list.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

const pending: CompanyFilter = { status: 'PENDING', page: 1 };
const reviews = (role: string) => role === 'MANAGER' || role === 'ADMIN';

export const clientLoader: PageLoader = (qc) => (_args, user) =>
  settle(qc.ensureQueryData(notificationsQueryOptions()), user && reviews(user.role) && qc.ensureQueryData(companiesQueryOptions(pending)));

export default function StaffOverviewRoute() {
  const { t } = useI18n();
  const { data: user } = useSession();
  return (
    <div className="page">
      <h1>{t('overview.welcome', { name: user!.name })}</h1>
      <p className="muted">{t('overview.yourRole', { role: t(`role.${user!.role}`) })}</p>
      {reviews(user!.role) && <PendingApprovals />}
      <section className="card">
        <h2>{t('overview.recent')}</h2>
        <NotificationList emptyText={t('notifications.empty')} />
      </section>
    </div>
  );
}

function PendingApprovals() {
  const { t } = useI18n();
  const { data } = useCompanies(pending);
  if (!data) return null;
  return (
    <section className={`card status-card ${data.total ? 'status-card--pending' : ''}`}>
      <h2>{t('nav.approvals')}</h2>
      {data.total ? (
        <p>
          <strong>{t('overview.pendingCompanies', { count: data.total })}</strong> — <Link to="/staff/companies?status=PENDING">{t('overview.review')}</Link>
        </p>
      ) : (
        <p>{t('overview.noPending')}</p>
      )}
    </section>
  );
}
