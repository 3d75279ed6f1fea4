import { PasswordForm, ProfileForm } from '../../features/account/components/account-forms.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';
import { useI18n } from '../../lib/i18n.tsx';

export default function AccountRoute() {
  const { t } = useI18n();
  const { data: user } = useSession();
  if (!user) return null;
  return (
    <div className="page">
      <h1>{t('nav.account')}</h1>
      <div className="grid-2 grid-2--top">
        <section className="card">
          <h2>{t('account.profile')}</h2>
          <ProfileForm user={user} />
        </section>
        <section className="card">
          <h2>{t('account.password')}</h2>
          <PasswordForm />
        </section>
      </div>
    </div>
  );
}
