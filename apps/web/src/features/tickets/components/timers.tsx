import type { TicketSlaView, TicketTimerView } from '@portal/schemas';
import { useI18n } from '../../../lib/i18n.tsx';
import { useTicketText } from '../messages.ts';

/** Working time as "3 h 20 min" (working hours, not calendar days). */
export function useWorkingTime() {
  const tt = useTicketText();
  return (minutes: number) => {
    const m = Math.max(0, Math.round(minutes));
    const h = Math.floor(m / 60);
    return h > 0 ? `${h} ${tt('duration.h')} ${m % 60} ${tt('duration.min')}` : `${m} ${tt('duration.min')}`;
  };
}

/** One target as a line: met, paused, time left (with the due time) or time over. */
export function TimerText({ timer }: { timer: TicketTimerView }) {
  const tt = useTicketText();
  const { dateTime } = useI18n();
  const span = useWorkingTime();
  if (timer.stopped) return <span className={timer.breached ? 'timer timer--bad' : 'timer timer--ok'}>{tt(timer.breached ? 'timer.late' : 'timer.met')}</span>;
  if (timer.paused) return <span className="timer timer--muted">{tt('timer.paused')}</span>;
  if (timer.breached) return <span className="timer timer--bad">{tt('timer.over', { over: span(timer.elapsedMinutes - timer.targetMinutes) })}</span>;
  return (
    <span className={`timer ${timer.remainingMinutes <= 120 ? 'timer--warn' : ''}`}>
      {tt('timer.left', { left: span(timer.remainingMinutes) })}
      {timer.dueAt && <span className="muted small timer__due">{tt('timer.due', { when: dateTime(timer.dueAt) })}</span>}
    </span>
  );
}

/** The urgency badge of a ticket in a queue. */
export function UrgencyBadge({ sla }: { sla: TicketSlaView }) {
  const tt = useTicketText();
  if (!sla.urgency) return null;
  return <span className={`badge badge--${sla.urgency === 'OVERDUE' ? 'bad' : 'warn'}`}>{tt(`urgency.${sla.urgency}`)}</span>;
}

/** Both targets of a ticket, labelled. */
export function SlaPanel({ sla }: { sla: TicketSlaView }) {
  const tt = useTicketText();
  return (
    <dl className="details">
      <dt>{tt('response')}</dt>
      <dd><TimerText timer={sla.response} /></dd>
      <dt>{tt('resolution')}</dt>
      <dd><TimerText timer={sla.resolution} /></dd>
    </dl>
  );
}
