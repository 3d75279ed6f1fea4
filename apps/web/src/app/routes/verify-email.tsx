import { useEffect, useRef } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useVerifyEmail } from '../../features/auth/api/verify-email.ts';
import { FormAlert } from '../../components/form.tsx';
import { useI18n } from '../../lib/i18n.tsx';

/**
 * The link mailed at registration: /verify-email#<token>. The token is in the fragment, so it never
 * reaches a server log or a Referer header; it is sent once, in a POST body.
 */
export default function VerifyEmailRoute() {
  const { t } = useI18n();
  const { hash } = useLocation();
  const navigate = useNavigate();
  const verify = useVerifyEmail();
  const sent = useRef(false);
  const token = hash.slice(1);

  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    verify.mutate(token, { onSuccess: () => navigate('/portal', { replace: true }) });
  }, [token, verify, navigate]);

  return (
    <div className="card form">
      <h1>{t('verify.title')}</h1>
      {!token && <FormAlert message={t('verify.noToken')} />}
      {token && !verify.error && <p role="status">{t('verify.checking')}</p>}
      <FormAlert message={verify.error} />
      {(verify.error || !token) && (
        <p>
          <Link to="/login">{t('login.submit')}</Link> · <Link to="/register">{t('login.register')}</Link>
        </p>
      )}
    </div>
  );
}
