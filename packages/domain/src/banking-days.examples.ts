import { businessCalendar } from './banking-days.ts';

/*
 * Real banking calendars for worked examples and demo data. Each year's list is published by its
 * authority; add the next year's when it is announced.
 */

/**
 * Banks in mainland China, 2025, from the State Council's holiday notice (国务院办公厅关于2025年部分节假日安排的通知,
 * 国办发明电〔2024〕12号): Spring Festival 28 Jan–4 Feb off, Sunday 26 Jan and Saturday 8 Feb worked;
 * Labour Day 1–5 May off, Sunday 27 Apr worked; National Day 1–8 Oct off, 28 Sep and 11 Oct worked.
 */
export const CN_2025 = businessCalendar({
  id: 'CN',
  holidays: [
    '2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04', '2025-04-04',
    '2025-05-01', '2025-05-02', '2025-05-05', '2025-06-02', '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08',
  ],
  workingWeekendDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
});

/** The euro's TARGET closing days in 2025 (ECB): New Year, Good Friday 18 Apr, Easter Monday 21 Apr, 1 May, 25 and 26 Dec. */
export const TARGET_2025 = businessCalendar({ id: 'EUR', holidays: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-01', '2025-12-25', '2025-12-26'] });

/**
 * Banks in mainland China, 2026, from the State Council's holiday notice (国务院办公厅关于2026年部分节假日安排的通知):
 * New Year 1–3 Jan off, Sunday 4 Jan worked; Spring Festival 15–23 Feb off, Saturdays 14 and 28 Feb
 * worked; Qingming 4–6 Apr; Labour Day 1–5 May off, Saturday 9 May worked; Dragon Boat 19–21 Jun;
 * Mid-Autumn 25–27 Sep; National Day 1–7 Oct off, Sunday 20 Sep and Saturday 10 Oct worked. Only the
 * weekdays among them are listed: Saturdays and Sundays are closed anyway.
 */
export const CN_2026_INPUT = {
  id: 'CN',
  holidays: [
    '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23', '2026-04-06',
    '2026-05-01', '2026-05-04', '2026-05-05', '2026-06-19', '2026-09-25', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07',
  ],
  workingWeekendDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
} as const;
export const CN_2026 = businessCalendar(CN_2026_INPUT);
