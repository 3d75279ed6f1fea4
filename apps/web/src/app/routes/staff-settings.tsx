import { useSession } from '../../features/auth/api/get-session.ts';
import { settingsQueryOptions, useSettings } from '../../features/settings/api/get-settings.ts';
import { SettingsForm } from '../../features/settings/components/settings-form.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => () => settle(qc.ensureQueryData(settingsQueryOptions()));

export default function StaffSettingsRoute() {
  const { t } = useI18n();
  const { data: user } = useSession();
  const settings = useSettings();
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorState error={settings.error} />;
  return (
    <div className="page">
      <h1>{t('settings.title')}</h1>
      <SettingsForm settings={settings.data} canEdit={user!.role === 'MANAGER' || user!.role === 'ADMIN'} />
    </div>
  );
}
