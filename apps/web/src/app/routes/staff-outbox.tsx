import { Navigate } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { outboxMessages } from '../../features/outbox/components/messages.ts';
import { OutboxEvents } from '../../features/outbox/components/outbox-events.tsx';
import { useI18n } from '../../lib/i18n.tsx';

export default function StaffOutboxRoute() {
  const { locale } = useI18n();
  const { data: user } = useSession();
  if (user!.role !== 'ADMIN') return <Navigate to="/staff" replace />;
  const m = outboxMessages(locale);
  return (
    <div className="page">
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <OutboxEvents />
    </div>
  );
}
