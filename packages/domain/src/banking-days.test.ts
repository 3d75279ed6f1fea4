import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessCalendar, isBusinessDay, nextBusinessDay } from './banking-days.ts';
import { daysBetween, isCalendarDate, weekday } from './calendar.ts';
import { CN_2025, TARGET_2025 } from './banking-days.examples.ts';
import { DomainError } from './errors.ts';

const weekendsOnly = businessCalendar({ id: 'weekends' });

describe('calendar dates', () => {
  it('knows a real date from a look-alike', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-1-05')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
  });
  it('counts days and weekdays', () => {
    expect(weekday('2025-01-26')).toBe(0);
    expect(weekday('2025-02-08')).toBe(6);
    expect(daysBetween('2025-01-10', '2025-01-31')).toBe(21);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('businessCalendar', () => {
  it('refuses a holiday that is not a calendar date, naming it', () => {
    try {
      businessCalendar({ id: 'x', holidays: ['2025-01-01', '2025-02-30'] });
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).fields).toEqual([{ field: 'holidays.1', message: '2025-02-30 is not a calendar date (YYYY-MM-DD)' }]);
    }
  });
  it('refuses a week without a working day', () => {
    expect(() => businessCalendar({ id: 'x', weekend: [0, 1, 2, 3, 4, 5, 6] })).toThrow(DomainError);
  });
});

describe('business days', () => {
  it('closes weekends and holidays, and opens the worked weekend days of China (调休)', () => {
    expect(isBusinessDay(CN_2025, '2025-01-24')).toBe(true); // Friday
    expect(isBusinessDay(CN_2025, '2025-01-25')).toBe(false); // Saturday
    expect(isBusinessDay(CN_2025, '2025-01-26')).toBe(true); // Sunday, worked
    expect(isBusinessDay(CN_2025, '2025-01-28')).toBe(false); // Spring Festival eve
    expect(isBusinessDay(CN_2025, '2025-02-08')).toBe(true); // Saturday, worked
    expect(isBusinessDay(weekendsOnly, '2025-01-26')).toBe(false);
  });

  it('moves a closed day to the first following business day (UCP 600 art. 29a)', () => {
    // Worked example: a credit expiring on Saturday 19 June (2021) may be presented on Monday 21 June.
    expect(nextBusinessDay(weekendsOnly, '2021-06-19')).toBe('2021-06-21');
    expect(nextBusinessDay(CN_2025, '2025-01-31')).toBe('2025-02-05');
    expect(nextBusinessDay(TARGET_2025, '2025-04-18')).toBe('2025-04-22');
    expect(nextBusinessDay(CN_2025, '2025-02-05')).toBe('2025-02-05');
  });

  it('counts banking days following a date, the date itself excluded (UCP 600 art. 14b)', () => {
    // Presented Friday 24 Jan 2025 in China: 26 Jan (worked Sunday), 27 Jan, then the festival, 5, 6, 7 Feb.
    expect(addBusinessDays(CN_2025, '2025-01-24', 5)).toBe('2025-02-07');
    expect(addBusinessDays(weekendsOnly, '2025-01-24', 5)).toBe('2025-01-31');
    expect(addBusinessDays(weekendsOnly, '2025-01-24', 0)).toBe('2025-01-24');
    expect(() => addBusinessDays(weekendsOnly, '2025-01-24', -1)).toThrow(RangeError);
  });
});
