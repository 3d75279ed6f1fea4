import { describe, expect, it } from 'vitest';
import { CN_2025 } from './banking-days.examples.ts';
import { DomainError } from './errors.ts';
import { beijing as at, ningboOffice as ningbo } from './testing.ts';
import {
  HOUR_MS, elapsedWorkingMs, isPaused, pauseTimer, resumeTimer, startTimer, stopTimer, timerDueAt, timerState, workingHours, workingMsBetween,
} from './working-time.ts';


describe('workingHours', () => {
  it('refuses hours that close before they open, or an impossible offset', () => {
    expect(() => workingHours({ calendar: CN_2025, utcOffsetMinutes: 480, opensAt: '18:00', closesAt: '09:00' })).toThrow(DomainError);
    expect(() => workingHours({ calendar: CN_2025, utcOffsetMinutes: 480, opensAt: '9:00', closesAt: '18:00' })).toThrow(DomainError);
    expect(() => workingHours({ calendar: CN_2025, utcOffsetMinutes: 15 * 60, opensAt: '09:00', closesAt: '18:00' })).toThrow(DomainError);
  });
});

describe('working time between two instants', () => {
  it('counts only office hours of business days', () => {
    expect(workingMsBetween(ningbo, at('2025-01-24T16:00:00'), at('2025-01-24T17:30:00'))).toBe(1.5 * HOUR_MS);
    // Friday 16:00 → Monday 10:00: 2 h on Friday, 9 h on the worked Sunday 26 Jan, 1 h on Monday.
    expect(workingMsBetween(ningbo, at('2025-01-24T16:00:00'), at('2025-01-27T10:00:00'))).toBe(12 * HOUR_MS);
    // Across the Spring Festival: Monday 27 Jan 14:00 → Wednesday 5 Feb 10:00 = 4 h + 1 h.
    expect(workingMsBetween(ningbo, at('2025-01-27T14:00:00'), at('2025-02-05T10:00:00'))).toBe(5 * HOUR_MS);
    expect(workingMsBetween(ningbo, at('2025-01-27T14:00:00'), at('2025-01-27T13:00:00'))).toBe(0);
  });
});

describe('a pausable timer', () => {
  it('falls due after its target of working time (8 h from Friday 16:00 → the worked Sunday 15:00)', () => {
    const timer = startTimer(at('2025-01-24T16:00:00'));
    expect(timerDueAt(timer, 8 * HOUR_MS, ningbo)).toEqual(at('2025-01-26T15:00:00'));
  });

  it('runs over the Spring Festival closing: 8 h from 27 Jan 14:00 fall due on 5 Feb 13:00', () => {
    expect(timerDueAt(startTimer(at('2025-01-27T14:00:00')), 8 * HOUR_MS, ningbo)).toEqual(at('2025-02-05T13:00:00'));
  });

  it('stops counting while paused and moves the due time by the working time the pause took', () => {
    let timer = startTimer(at('2025-01-24T16:00:00'));
    timer = pauseTimer(timer, at('2025-01-24T17:00:00'));
    expect(isPaused(timer)).toBe(true);
    expect(timerDueAt(timer, 8 * HOUR_MS, ningbo)).toBeNull();
    const paused = timerState(timer, 8 * HOUR_MS, ningbo, at('2025-01-27T09:30:00'));
    expect(paused).toMatchObject({ elapsedMs: 1 * HOUR_MS, remainingMs: 7 * HOUR_MS, dueAt: null, paused: true, breached: false });
    timer = resumeTimer(timer, at('2025-01-27T10:00:00'));
    // 1 h used on Friday; the worked Sunday fell inside the pause; 7 h more from Monday 10:00.
    expect(timerDueAt(timer, 8 * HOUR_MS, ningbo)).toEqual(at('2025-01-27T17:00:00'));
    expect(elapsedWorkingMs(timer, at('2025-01-27T12:00:00'), ningbo)).toBe(3 * HOUR_MS);
  });

  it('is breached once the target is used up, and a stop in time is not a breach', () => {
    const timer = startTimer(at('2025-01-24T16:00:00'));
    expect(timerState(timer, 8 * HOUR_MS, ningbo, at('2025-01-26T14:59:00')).breached).toBe(false);
    expect(timerState(timer, 8 * HOUR_MS, ningbo, at('2025-01-26T15:00:00')).breached).toBe(true);
    expect(timerState(timer, 8 * HOUR_MS, ningbo, at('2025-01-26T20:00:00'))).toMatchObject({ elapsedMs: 11 * HOUR_MS, remainingMs: 0, breached: true });
    const answered = stopTimer(timer, at('2025-01-26T15:00:00'));
    expect(timerState(answered, 8 * HOUR_MS, ningbo, at('2025-02-10T09:00:00'))).toMatchObject({ elapsedMs: 8 * HOUR_MS, stopped: true, breached: false });
    const late = stopTimer(timer, at('2025-01-26T15:01:00'));
    expect(timerState(late, 8 * HOUR_MS, ningbo, at('2025-02-10T09:00:00'))).toMatchObject({ breached: true, dueAt: at('2025-01-26T15:00:00') });
  });

  it('stops a paused timer at the moment it stops, leaving the pause closed', () => {
    const paused = pauseTimer(startTimer(at('2025-01-24T09:00:00')), at('2025-01-24T10:00:00'));
    const stopped = stopTimer(paused, at('2025-01-27T09:00:00'));
    expect(stopped.pauses).toEqual([{ from: at('2025-01-24T10:00:00'), to: at('2025-01-27T09:00:00') }]);
    expect(elapsedWorkingMs(stopped, at('2025-03-01T09:00:00'), ningbo)).toBe(HOUR_MS);
  });

  it('refuses pausing twice, resuming a running timer, or going back in time', () => {
    const timer = startTimer(at('2025-01-24T09:00:00'));
    const paused = pauseTimer(timer, at('2025-01-24T10:00:00'));
    expect(() => pauseTimer(paused, at('2025-01-24T11:00:00'))).toThrow(/paused already/);
    expect(() => resumeTimer(timer, at('2025-01-24T11:00:00'))).toThrow(/not paused/);
    expect(() => resumeTimer(paused, at('2025-01-24T09:30:00'))).toThrow(/before it was paused/);
    expect(() => pauseTimer(timer, at('2025-01-24T08:00:00'))).toThrow(/before its last change/);
    expect(() => pauseTimer(stopTimer(timer, at('2025-01-24T12:00:00')), at('2025-01-24T13:00:00'))).toThrow(/stopped/);
  });
});
