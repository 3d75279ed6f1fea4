import type { TicketStatus } from '@portal/schemas';
import { useTicketText } from '../messages.ts';

const tones: Record<TicketStatus, string> = { OPEN: 'warn', ASSIGNED: 'info', WAITING_FOR_CUSTOMER: 'muted', RESOLVED: 'ok', CLOSED: 'muted' };

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const tt = useTicketText();
  return <span className={`badge badge--${tones[status]}`}>{tt(`status.${status}`)}</span>;
}
