import { DomainError } from './errors.ts';
import { addDays, isCalendarDate, weekday, type Weekday } from './calendar.ts';

/*
 * Business (banking) days of a place. UCP 600 moves an expiry or last presentation day that falls on
 * a closed day to "the first following banking day" (art. 29a) and gives banks "five banking days
 * following the day of presentation" (art. 14b); service targets count working time. Which days a
 * bank or an office is closed is data, passed in per currency or country: the weekend, the public
 * holidays, and the weekend days that are worked instead (China moves working days onto Saturdays
 * and Sundays around its long holidays, 调休). Dates are YYYY-MM-DD calendar-date strings.
 */

/** The closed and open days of one place, e.g. the banks of China (CNY) or the TARGET days of the euro. */
export type BusinessCalendar = {
  id: string;
  weekend: readonly Weekday[];
  holidays: ReadonlySet<string>;
  /** Weekend days on which banks and offices work (a 调休 Saturday or Sunday). */
  workingWeekendDays: ReadonlySet<string>;
};

/** The calendar data as stored or configured: only the id is required, the weekend defaults to Saturday and Sunday. */
export type BusinessCalendarInput = { id: string; weekend?: readonly Weekday[]; holidays?: readonly string[]; workingWeekendDays?: readonly string[] };

/** Builds a calendar from its data, refusing (VALIDATION, naming the field) a date that is not a real calendar date or a weekend left empty of every day. */
export function businessCalendar(input: BusinessCalendarInput): BusinessCalendar {
  const weekend = input.weekend ?? [6, 0];
  if (weekend.length >= 7) throw new DomainError('VALIDATION', 'a calendar needs at least one working weekday', [{ field: 'weekend', message: 'must leave at least one working weekday' }]);
  const dates = (list: readonly string[] | undefined, field: string): Set<string> => {
    const set = new Set<string>();
    (list ?? []).forEach((d, i) => {
      if (!isCalendarDate(d)) throw new DomainError('VALIDATION', `${field} must be calendar dates`, [{ field: `${field}.${i}`, message: `${d} is not a calendar date (YYYY-MM-DD)` }]);
      set.add(d);
    });
    return set;
  };
  return { id: input.id, weekend: [...weekend], holidays: dates(input.holidays, 'holidays'), workingWeekendDays: dates(input.workingWeekendDays, 'workingWeekendDays') };
}

/** Whether banks (or the office) of this calendar are open on the date: not a holiday, and a weekday or a worked weekend day. */
export function isBusinessDay(calendar: BusinessCalendar, date: string): boolean {
  if (calendar.holidays.has(date)) return false;
  if (calendar.workingWeekendDays.has(date)) return true;
  return !calendar.weekend.includes(weekday(date));
}

/** Longest run of closed days we step over before deciding the calendar data is wrong (no place closes for a year). */
const MAX_CLOSED_RUN = 366;

/** The date itself when it is a business day, else the first following business day (UCP 600 art. 29a). */
export function nextBusinessDay(calendar: BusinessCalendar, date: string): string {
  let day = date;
  for (let i = 0; i < MAX_CLOSED_RUN; i++) {
    if (isBusinessDay(calendar, day)) return day;
    day = addDays(day, 1);
  }
  throw new RangeError(`calendar ${calendar.id} has no business day within a year after ${date}`);
}

/** The n-th business day following a date, the date itself not counted (UCP 600 art. 14b: "five banking days following the day of presentation"). */
export function addBusinessDays(calendar: BusinessCalendar, date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`business days must be a whole number ≥ 0, not ${n}`);
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = nextBusinessDay(calendar, addDays(day, 1));
    counted++;
  }
  return day;
}
