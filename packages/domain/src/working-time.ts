import { type BusinessCalendar, isBusinessDay } from './banking-days.ts';
import { DomainError } from './errors.ts';
import { addDays } from './calendar.ts';

/*
 * Service timers that count working time and pause while the customer is asked for something: the
 * response due on a claim stops while staff wait for the buyer's evidence, a ticket's resolution
 * target stops while it waits for the customer. Working time is the office hours of one place on its
 * business days (a BusinessCalendar), at a fixed UTC offset (China keeps UTC+8 all year). Instants are
 * Date objects (UTC); durations are milliseconds.
 */

/** When the team works: office hours on the business days of a calendar, in local time at a fixed UTC offset. */
export type WorkingHours = { calendar: BusinessCalendar; utcOffsetMinutes: number; opensAt: string; closesAt: string };

/** A pausable stopwatch: started once, paused and resumed any number of times, stopped when the target is met. */
export type PausableTimer = { startedAt: Date; pauses: readonly { from: Date; to: Date | null }[]; stoppedAt: Date | null };

/** What a timer says at a moment against its target: time used and left, when it falls or fell due, whether it is breached. */
export type TimerState = { elapsedMs: number; remainingMs: number; dueAt: Date | null; paused: boolean; stopped: boolean; breached: boolean };

export const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** How far ahead a due time is looked for: a target that needs more than ten years of working time is a data error. */
const HORIZON_DAYS = 3660;

function minutesOf(clock: string, field: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(clock);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) throw new DomainError('VALIDATION', `${field} must be a time of day`, [{ field, message: `${clock} is not a time of day (HH:MM, 00:00–24:00)` }]);
  return minutes;
}

/** Builds office hours, refusing (VALIDATION) a closing time not after the opening time or an offset beyond ±14 h. */
export function workingHours(input: WorkingHours): WorkingHours {
  const open = minutesOf(input.opensAt, 'opensAt');
  const close = minutesOf(input.closesAt, 'closesAt');
  if (close <= open) throw new DomainError('VALIDATION', 'the office must close after it opens', [{ field: 'closesAt', message: `must be after ${input.opensAt}` }]);
  if (!Number.isInteger(input.utcOffsetMinutes) || Math.abs(input.utcOffsetMinutes) > 14 * 60) {
    throw new DomainError('VALIDATION', 'the UTC offset is out of range', [{ field: 'utcOffsetMinutes', message: 'must be whole minutes within ±14 hours' }]);
  }
  return input;
}

/** The working window of one local calendar date as UTC instants, or null on a closed day. */
function windowOf(hours: WorkingHours, localDate: string): [number, number] | null {
  if (!isBusinessDay(hours.calendar, localDate)) return null;
  const midnight = Date.parse(`${localDate}T00:00:00Z`) - hours.utcOffsetMinutes * 60_000;
  return [midnight + minutesOf(hours.opensAt, 'opensAt') * 60_000, midnight + minutesOf(hours.closesAt, 'closesAt') * 60_000];
}

function localDateOf(hours: WorkingHours, t: number): string {
  return new Date(t + hours.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** What a step does to a timer: pause while the customer is asked, resume when they answer, stop once the target is met. */
export type TimerEffect = 'PAUSE' | 'RESUME' | 'STOP' | null;

/** Applies a step's effect to a timer at an instant (null leaves it as it is). */
export function applyTimerEffect(timer: PausableTimer, effect: TimerEffect, at: Date): PausableTimer {
  if (effect === 'PAUSE') return pauseTimer(timer, at);
  if (effect === 'RESUME') return resumeTimer(timer, at);
  if (effect === 'STOP') return stopTimer(timer, at);
  return timer;
}

/** Working milliseconds between two instants. */
export function workingMsBetween(hours: WorkingHours, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let sum = 0;
  for (let day = localDateOf(hours, a); ; day = addDays(day, 1)) {
    const w = windowOf(hours, day);
    if (w) sum += Math.max(0, Math.min(b, w[1]) - Math.max(a, w[0]));
    if (Date.parse(`${day}T00:00:00Z`) - hours.utcOffsetMinutes * 60_000 > b) return sum;
  }
}

/** A new timer running from an instant. */
export function startTimer(at: Date): PausableTimer {
  return { startedAt: at, pauses: [], stoppedAt: null };
}

/** Whether the timer is paused now (its last pause has not been resumed). */
export function isPaused(timer: PausableTimer): boolean {
  const last = timer.pauses[timer.pauses.length - 1];
  return last !== undefined && last.to === null;
}

function lastMoment(timer: PausableTimer): number {
  const last = timer.pauses[timer.pauses.length - 1];
  return Math.max(timer.startedAt.getTime(), last ? (last.to ?? last.from).getTime() : 0);
}

/** Pauses a running timer (CONFLICT when it is paused or stopped already, or the instant is before its last change). */
export function pauseTimer(timer: PausableTimer, at: Date): PausableTimer {
  if (timer.stoppedAt) throw new DomainError('CONFLICT', 'the timer has stopped; it cannot be paused');
  if (isPaused(timer)) throw new DomainError('CONFLICT', 'the timer is paused already');
  if (at.getTime() < lastMoment(timer)) throw new DomainError('CONFLICT', 'a timer cannot be paused before its last change');
  return { ...timer, pauses: [...timer.pauses, { from: at, to: null }] };
}

/** Resumes a paused timer (CONFLICT when it is not paused, or the instant is before the pause). */
export function resumeTimer(timer: PausableTimer, at: Date): PausableTimer {
  if (!isPaused(timer)) throw new DomainError('CONFLICT', 'the timer is not paused');
  const pauses = [...timer.pauses];
  const open = pauses.pop()!;
  if (at.getTime() < open.from.getTime()) throw new DomainError('CONFLICT', 'a timer cannot be resumed before it was paused');
  return { ...timer, pauses: [...pauses, { from: open.from, to: at }] };
}

/** Stops the timer for good (the target is met: answered, resolved); a paused timer stops at its pause. */
export function stopTimer(timer: PausableTimer, at: Date): PausableTimer {
  if (timer.stoppedAt) throw new DomainError('CONFLICT', 'the timer has stopped already');
  if (at.getTime() < lastMoment(timer)) throw new DomainError('CONFLICT', 'a timer cannot stop before its last change');
  return isPaused(timer) ? { ...resumeTimer(timer, at), stoppedAt: at } : { ...timer, stoppedAt: at };
}

/** The running stretches of a timer as [from, to) in ms; the last one is open-ended (Infinity) unless the timer is paused. */
function runningStretches(timer: PausableTimer): [number, number][] {
  const stretches: [number, number][] = [];
  let from = timer.startedAt.getTime();
  for (const p of timer.pauses) {
    stretches.push([from, p.from.getTime()]);
    if (p.to === null) return stretches;
    from = p.to.getTime();
  }
  stretches.push([from, Infinity]);
  return stretches;
}

/** Working time the timer has run up to an instant (or up to its stop, if earlier), pauses left out. */
export function elapsedWorkingMs(timer: PausableTimer, now: Date, hours: WorkingHours): number {
  const end = Math.min(now.getTime(), timer.stoppedAt?.getTime() ?? Infinity);
  return runningStretches(timer).reduce((sum, [a, b]) => (a >= end ? sum : sum + workingMsBetween(hours, new Date(a), new Date(Math.min(b, end)))), 0);
}

/**
 * The instant a timer reaches its target of working time, counting its pauses so far; null while it
 * is paused short of the target (the due time moves on when it resumes). A stopped timer is
 * projected as if it had kept running, so that "answered late" can be told from "answered in time".
 */
export function timerDueAt(timer: PausableTimer, targetMs: number, hours: WorkingHours): Date | null {
  if (!(targetMs >= 0)) throw new RangeError(`a target must be ≥ 0 ms, not ${targetMs}`);
  let left = targetMs;
  const stretches = runningStretches({ ...timer, stoppedAt: null });
  for (const [a, b] of stretches) {
    if (left === 0) return new Date(a);
    const horizon = Math.min(b, a + HORIZON_DAYS * DAY_MS);
    for (let day = localDateOf(hours, a); Date.parse(`${day}T00:00:00Z`) - hours.utcOffsetMinutes * 60_000 < horizon; day = addDays(day, 1)) {
      const w = windowOf(hours, day);
      if (!w) continue;
      const from = Math.max(a, w[0]);
      const to = Math.min(horizon, w[1]);
      if (to <= from) continue;
      if (to - from >= left) return new Date(from + left);
      left -= to - from;
    }
    if (b === Infinity) throw new RangeError(`no working time within ${HORIZON_DAYS} days: check the calendar ${hours.calendar.id}`);
  }
  return null;
}

/** The whole state of a timer at a moment against a target: elapsed, remaining, due time, paused, breached. */
export function timerState(timer: PausableTimer, targetMs: number, hours: WorkingHours, now: Date): TimerState {
  const elapsedMs = elapsedWorkingMs(timer, now, hours);
  return {
    elapsedMs,
    remainingMs: Math.max(0, targetMs - elapsedMs),
    dueAt: timerDueAt(timer, targetMs, hours),
    paused: isPaused(timer) && !timer.stoppedAt,
    stopped: timer.stoppedAt !== null,
    // A running timer is breached once its target is used up; a stopped one only if it ran past it.
    breached: timer.stoppedAt ? elapsedMs > targetMs : elapsedMs >= targetMs,
  };
}

/** A timer as stored (JSON): instants as ISO strings. */
export type StoredTimer = { startedAt: string; pauses: { from: string; to: string | null }[]; stoppedAt: string | null };

/** A timer for storage as JSON. */
export function storeTimer(timer: PausableTimer): StoredTimer {
  return {
    startedAt: timer.startedAt.toISOString(),
    pauses: timer.pauses.map((p) => ({ from: p.from.toISOString(), to: p.to ? p.to.toISOString() : null })),
    stoppedAt: timer.stoppedAt ? timer.stoppedAt.toISOString() : null,
  };
}

/** A timer read back from storage; a RangeError when the stored value is not a timer (a data error, not input). */
export function loadTimer(value: unknown): PausableTimer {
  const v = value as Partial<StoredTimer> | null;
  const instant = (x: unknown): Date => {
    const d = typeof x === 'string' ? new Date(x) : new Date(NaN);
    if (Number.isNaN(d.getTime())) throw new RangeError(`a stored timer holds ${JSON.stringify(x)} where an instant belongs`);
    return d;
  };
  if (!v || typeof v !== 'object' || !Array.isArray(v.pauses)) throw new RangeError(`not a stored timer: ${JSON.stringify(value)}`);
  return {
    startedAt: instant(v.startedAt),
    pauses: v.pauses.map((p) => ({ from: instant(p.from), to: p.to === null ? null : instant(p.to) })),
    stoppedAt: v.stoppedAt == null ? null : instant(v.stoppedAt),
  };
}
