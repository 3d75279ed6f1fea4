/*
 * Trade dates (shipment, validity, expiry, due dates) are calendar dates: YYYY-MM-DD strings,
 * compared as strings. Instants are UTC `Date`s. A calendar date is stored as its midnight UTC.
 */

const pattern = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar date of an instant in UTC, YYYY-MM-DD ("today" when given the clock's now). */
export function calendarDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The instant a calendar date is stored as: its midnight UTC. */
export function midnightUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A calendar date plus a number of days (negative: minus). */
export function addDays(date: string, days: number): string {
  const d = midnightUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return calendarDate(d);
}

/** Whether a string is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  if (!pattern.test(value)) return false;
  const d = midnightUtc(value);
  return !Number.isNaN(d.getTime()) && calendarDate(d) === value;
}

/** Days of the week as `Date.getUTCDay` numbers them: 0 Sunday … 6 Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The day of the week of a calendar date (0 Sunday … 6 Saturday). */
export function weekday(date: string): Weekday {
  return midnightUtc(date).getUTCDay() as Weekday;
}

/** Calendar days from one date to another: 1 from a day to the next, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((midnightUtc(to).getTime() - midnightUtc(from).getTime()) / 86_400_000);
}
