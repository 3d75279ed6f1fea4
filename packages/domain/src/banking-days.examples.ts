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
