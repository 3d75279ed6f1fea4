import { Navigate } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { OutboxEvents } from '../../features/outbox/components/outbox-events.tsx';
import { useI18n } from '../../lib/i18n.tsx';

export default function StaffOutboxRoute() {
  const { t } = useI18n();
  const { data: user } = useSession();
  if (user!.role !== 'ADMIN') return <Navigate to="/staff" replace />;
  return (
    <div className="page">
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      <OutboxEvents />
    </div>
  );
}
