import type { ClaimStatus } from '@portal/schemas';
import type { MessageKey } from '../../../lib/messages.ts';
import { useI18n } from '../../../lib/i18n.tsx';

const tones: Record<ClaimStatus, string> = {
  FILED: 'warn', ACKNOWLEDGED: 'info', UNDER_INVESTIGATION: 'info', WAITING_FOR_EVIDENCE: 'warn', RESPONSIBILITY_DETERMINED: 'info', PENDING_APPROVAL: 'warn',
  SETTLEMENT_OFFERED: 'warn', ACCEPTED: 'ok', DISPUTED: 'bad', SETTLED: 'ok', REJECTED: 'bad', CLOSED: 'muted',
};

/** A claim's status as a badge. */
export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge--${tones[status]}`}>{t(`claims.status.${status}` as MessageKey)}</span>;
}

/** Where the response stands: due, paused while evidence is asked, answered, overdue. */
export function ResponseText({ response }: { response: { dueAt: string | null; paused: boolean; stopped: boolean; breached: boolean } }) {
  const { t, dateTime } = useI18n();
  if (response.stopped) return <span className="muted">{t('claims.response.answered')}</span>;
  if (response.paused) return <span className="timer--muted">{t('claims.response.paused')}</span>;
  if (!response.dueAt) return null;
  return response.breached
    ? <span className="timer--bad">{t('claims.response.overdue', { when: dateTime(response.dueAt) })}</span>
    : <span>{t('claims.response.due', { when: dateTime(response.dueAt) })}</span>;
}
