import type { ReactNode } from 'react';
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

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="state state--error" role="alert">
      <strong>{t('common.error')}</strong>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      {onRetry && (
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
