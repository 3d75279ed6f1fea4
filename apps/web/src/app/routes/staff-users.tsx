import { Navigate } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { staffQueryOptions } from '../../features/users/api/list-staff.ts';
import { StaffManager } from '../../features/users/components/staff-manager.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => (_args, user) => settle(user?.role === 'ADMIN' && qc.ensureQueryData(staffQueryOptions()));

export default function StaffUsersRoute() {
  const { t } = useI18n();
  const { data: user } = useSession();
  if (user!.role !== 'ADMIN') return <Navigate to="/staff" replace />;
  return (
    <div className="page">
      <h1>{t('staff.title')}</h1>
      <StaffManager currentUserId={user!.id} />
    </div>
  );
}
