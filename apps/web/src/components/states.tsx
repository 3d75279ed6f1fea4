import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorText, failureOf, isRetryable } from '../lib/errors.ts';
import { useI18n } from '../lib/i18n.tsx';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

/**
 * A failed request in the reader's words: "not found" with a way back for a record that is not
 * there (or not theirs), "try again" only where trying again can help (network, the portal's side).
 */
export function ErrorState({ error, onRetry, message, back }: { error: unknown; onRetry?: () => void; message?: string; back?: { to: string; label: string } }) {
  const { t } = useI18n();
  const failure = failureOf(error);
  const notFound = failure === 'notFound';
  return (
    <div className={`state state--error${notFound ? ' state--not-found' : ''}`} role="alert">
      <strong>{message ?? (notFound ? t('errors.notFound') : errorText(error, t))}</strong>
      {back && <p><Link to={back.to}>← {t('errors.backTo', { place: back.label })}</Link></p>}
      {failure === 'signIn' && <p><Link to="/login">{t('nav.signIn')}</Link></p>}
      {onRetry && isRetryable(error) && (
        <button type="button" className="btn btn--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="state state--empty">{children}</div>;
}

const tones: Record<string, string> = {
  PENDING: 'warn', APPROVED: 'ok', REJECTED: 'bad', SUSPENDED: 'bad', ACTIVE: 'ok', DISABLED: 'muted',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge badge--${tones[status] ?? 'muted'}`}>{t(`status.${status}` as never)}</span>;
}
