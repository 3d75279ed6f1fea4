import { describe, expect, it } from 'vitest';
import { addDays, calendarDate, isCalendarDate, midnightUtc } from './calendar.ts';

describe('calendar dates', () => {
  it('takes the UTC date of an instant', () => {
    expect(calendarDate(new Date('2026-03-10T23:59:59.999Z'))).toBe('2026-03-10');
    expect(calendarDate(new Date('2026-03-11T00:00:00Z'))).toBe('2026-03-11');
  });

  it('stores a date as its midnight UTC, and reads it back', () => {
    expect(midnightUtc('2026-03-10').toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(calendarDate(midnightUtc('2028-02-29'))).toBe('2028-02-29');
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('knows a real date from a look-alike', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('2026-01-01T00:00:00Z')).toBe(false);
  });
});
