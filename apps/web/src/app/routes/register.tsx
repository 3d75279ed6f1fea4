import { useState } from 'react';
import { Link } from 'react-router';
import { RegisterForm } from '../../features/auth/components/register-form.tsx';
import { useI18n } from '../../lib/i18n.tsx';

/** Registration, then the request to confirm the address by the mailed link. */
export default function RegisterRoute() {
  const { t } = useI18n();
  const [sentTo, setSentTo] = useState<string | null>(null);
  if (!sentTo) return <RegisterForm onRegistered={setSentTo} />;
  return (
    <div className="card form" role="status">
      <h1>{t('register.checkMail')}</h1>
      <p>{t('register.checkMailText', { email: sentTo })}</p>
      <p className="muted">{t('register.checkMailHint')}</p>
      <p>{t('register.haveAccount')} <Link to="/login">{t('login.submit')}</Link></p>
    </div>
  );
}
