import { addDays, isBusinessDay, serviceCentreHours, type Actor } from '@portal/domain';
import type { TicketsService } from './tickets.service.ts';

/*
 * The service centre's demo records, made through its own service at their historic instants (the
 * runner's clock is moved to each): a resolved and rated inquiry, a suggestion still open, an inquiry
 * waiting for the customer's answer, and a complaint past its response target. It needs demo buyers
 * and a member of staff, not contracts.
 */

export type TicketsDemoContext = {
  /** Buyers of the demo companies (the first two are used; one is enough). */
  buyers: readonly Actor[];
  /** The clerk who answers. */
  clerk: Actor;
  /** The demo's today (YYYY-MM-DD). */
  today: string;
  /** Moves the app clock the services read to an instant. */
  at: (instant: Date) => void;
};

const meta = { requestId: 'demo-seed' };
/** 10:00 Beijing time on a date, as a UTC instant. */
const beijing = (date: string, hh: number, mm = 0) => new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hh - 8, mm));

/** The working day `n` working days before a date (n ≥ 1). */
function workingDayBefore(date: string, n: number): string {
  const calendar = serviceCentreHours().calendar;
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, -1);
    if (isBusinessDay(calendar, day)) left--;
  }
  return day;
}

/** Seeds the service centre's demo tickets; returns their ids by role in the demo. */
export async function seedTicketsDemo(services: { tickets: TicketsService }, ctx: TicketsDemoContext) {
  const { tickets } = services;
  const [a, b = ctx.buyers[0]!] = ctx.buyers;
  if (!a) throw new Error('the tickets demo needs at least one demo buyer');

  // An inquiry a week ago: answered the same morning, resolved, rated five stars.
  const weekAgo = workingDayBefore(ctx.today, 5);
  ctx.at(beijing(weekAgo, 9, 40));
  const answered = await tickets.open(a, { kind: 'INQUIRY', subject: 'Can the 500 ml bottle take a laser-engraved logo?', body: 'We would like our logo on 3,000 of the 12,000 bottles. Is laser engraving possible, and what does it add to the price and lead time?', about: null, attachmentIds: [] }, meta);
  ctx.at(beijing(weekAgo, 11, 5));
  await tickets.post(ctx.clerk, answered.id, { body: 'Yes: laser engraving on the body, up to 40 × 20 mm, adds USD 0.18 per piece and 3 days. Please send your logo as a vector file.', internal: false, attachmentIds: [] }, meta);
  ctx.at(beijing(weekAgo, 14, 30));
  await tickets.resolve(ctx.clerk, answered.id, { body: 'Engraving noted for your next order; the quote will show it as a separate line.', attachmentIds: [] }, meta);
  ctx.at(beijing(workingDayBefore(ctx.today, 4), 10, 0));
  await tickets.rate(a, answered.id, { rating: 5, comment: 'Clear and quick answer, thank you.' }, meta);

  // An inquiry where the clerk asked the customer for details: waiting for them, its timer paused.
  const twoDaysAgo = workingDayBefore(ctx.today, 2);
  ctx.at(beijing(twoDaysAgo, 9, 15));
  const waiting = await tickets.open(b, { kind: 'INQUIRY', subject: 'Samples of the bamboo cutting board', body: 'Could you send two samples of the bamboo cutting board to our office in Hamburg?', about: null, attachmentIds: [] }, meta);
  ctx.at(beijing(twoDaysAgo, 10, 0));
  await tickets.requestInfo(ctx.clerk, waiting.id, { body: 'Gladly. Which size do you need, and may we send them by DHL on your account number?', attachmentIds: [] }, meta);
  await tickets.post(ctx.clerk, waiting.id, { body: 'Sample cost waived if they order within 60 days (manager agreed).', internal: true, attachmentIds: [] }, meta);

  // A suggestion two days ago, not yet taken.
  ctx.at(beijing(twoDaysAgo, 15, 20));
  const suggestion = await tickets.open(b, { kind: 'SUGGESTION', subject: 'Send shipping documents as one PDF', body: 'It would help our customs broker if the invoice, packing list and B/L copy came as one PDF per shipment.', about: null, attachmentIds: [] }, meta);

  // A complaint yesterday morning that nobody has answered: past its 4-hour response target.
  const yesterday = workingDayBefore(ctx.today, 1);
  ctx.at(beijing(yesterday, 10, 0));
  const overdue = await tickets.open(a, { kind: 'COMPLAINT', subject: 'Lids do not close tightly', body: 'Several bottles from the last delivery leak at the lid. We have stopped selling them until we hear from you.', about: null, attachmentIds: [] }, meta);

  return { answered: answered.id, suggestion: suggestion.id, waiting: waiting.id, overdue: overdue.id };
}
