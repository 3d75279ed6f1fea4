import { describe, expect, it } from 'vitest';
import {
  type ComplaintTicket, type TicketFacts, type TicketTimers, DEFAULT_TICKET_TARGETS, assertCanRate, claimDraftFromComplaint, decideTicketStep, orderQueue, routeTicket, ticketActionsFor,
  ticketSla,
} from './tickets.ts';
import { actors, beijing as at, ningboOffice as ningbo, refusal } from './testing.ts';
import { applyTimerEffect, startTimer } from './working-time.ts';

const { buyer, otherBuyer, clerk, admin } = actors;
const ticket = (over: Partial<TicketFacts> = {}): TicketFacts => ({ buyerCompanyId: 'nw', status: 'OPEN', responded: false, ...over });

describe('the ticket state machine', () => {
  it('walks open → assigned → waiting → assigned → resolved → closed, with its timer effects', () => {
    expect(decideTicketStep(ticket(), 'ASSIGN', clerk)).toEqual({ status: 'ASSIGNED', response: null, resolution: null });
    expect(decideTicketStep(ticket({ status: 'ASSIGNED' }), 'REQUEST_INFO', clerk)).toEqual({ status: 'WAITING_FOR_CUSTOMER', response: 'STOP', resolution: 'PAUSE' });
    expect(decideTicketStep(ticket({ status: 'WAITING_FOR_CUSTOMER', responded: true }), 'CUSTOMER_REPLY', buyer)).toEqual({ status: 'ASSIGNED', response: null, resolution: 'RESUME' });
    expect(decideTicketStep(ticket({ status: 'ASSIGNED', responded: true }), 'RESOLVE', clerk)).toEqual({ status: 'RESOLVED', response: null, resolution: 'PAUSE' });
    expect(decideTicketStep(ticket({ status: 'RESOLVED', responded: true }), 'CLOSE', buyer)).toEqual({ status: 'CLOSED', response: null, resolution: 'STOP' });
  });

  it('reopens a resolved ticket when the customer replies', () => {
    expect(decideTicketStep(ticket({ status: 'RESOLVED', responded: true }), 'CUSTOMER_REPLY', buyer)).toEqual({ status: 'ASSIGNED', response: null, resolution: 'RESUME' });
    expect(decideTicketStep(ticket({ status: 'ASSIGNED', responded: true }), 'CUSTOMER_REPLY', buyer)).toEqual({ status: 'ASSIGNED', response: null, resolution: null });
  });

  it('stops the response timer at the first answer only', () => {
    expect(decideTicketStep(ticket({ status: 'ASSIGNED' }), 'REPLY', clerk).response).toBe('STOP');
    expect(decideTicketStep(ticket({ status: 'ASSIGNED', responded: true }), 'REPLY', clerk).response).toBeNull();
    expect(decideTicketStep(ticket({ status: 'WAITING_FOR_CUSTOMER', responded: true }), 'RESOLVE', clerk)).toEqual({ status: 'RESOLVED', response: null, resolution: null });
  });

  it('refuses the wrong role, the wrong status, and another company\'s ticket', () => {
    expect(refusal(() => decideTicketStep(ticket(), 'ASSIGN', buyer)).code).toBe('FORBIDDEN');
    expect(refusal(() => decideTicketStep(ticket(), 'ASSIGN', admin)).code).toBe('FORBIDDEN');
    expect(refusal(() => decideTicketStep(ticket({ status: 'CLOSED' }), 'CUSTOMER_REPLY', buyer)).code).toBe('CONFLICT');
    expect(refusal(() => decideTicketStep(ticket(), 'RESOLVE', clerk)).message).toBe('a ticket that is open cannot be taken to "resolve"');
    expect(refusal(() => decideTicketStep(ticket(), 'CUSTOMER_REPLY', otherBuyer)).code).toBe('NOT_FOUND');
    expect(ticketActionsFor(ticket({ status: 'RESOLVED' }), buyer)).toEqual(['CUSTOMER_REPLY', 'CLOSE']);
    expect(ticketActionsFor(ticket({ status: 'RESOLVED' }), otherBuyer)).toEqual([]);
  });
});

describe('routing', () => {
  it('sends a ticket to the team of the most specific matching rule', () => {
    expect(routeTicket({ kind: 'COMPLAINT', subject: 'PAYMENT' })).toBe('FINANCE');
    expect(routeTicket({ kind: 'COMPLAINT', subject: 'SHIPMENT' })).toBe('LOGISTICS');
    expect(routeTicket({ kind: 'COMPLAINT', subject: 'PRODUCT' })).toBe('QUALITY');
    expect(routeTicket({ kind: 'INQUIRY', subject: 'CONTRACT' })).toBe('SALES');
    expect(routeTicket({ kind: 'SUGGESTION', subject: null })).toBe('SERVICE_DESK');
    const rules = [{ team: 'DESK' }, { kind: 'COMPLAINT' as const, team: 'QUALITY' }, { kind: 'COMPLAINT' as const, subject: 'SHIPMENT' as const, team: 'CLAIMS' }, { subject: 'SHIPMENT' as const, team: 'LOGISTICS' }];
    expect(routeTicket({ kind: 'COMPLAINT', subject: 'SHIPMENT' }, rules)).toBe('CLAIMS');
    expect(routeTicket({ kind: 'INQUIRY', subject: 'SHIPMENT' }, rules)).toBe('LOGISTICS');
    expect(refusal(() => routeTicket({ kind: 'INQUIRY', subject: null }, [{ kind: 'COMPLAINT', team: 'Q' }])).code).toBe('CONFLICT');
  });
});

describe('targets, breaches and the queue', () => {
  const opened = (kind: TicketTimers['kind'], local: string): TicketTimers => ({ kind, createdAt: at(local), response: startTimer(at(local)), resolution: startTimer(at(local)) });

  it('counts a complaint\'s 4-hour response target in working time: Friday 16:00 → the worked Sunday 11:00', () => {
    const sla = ticketSla(opened('COMPLAINT', '2025-01-24T16:00:00'), at('2025-01-24T17:00:00'), ningbo);
    expect(sla.response.dueAt).toEqual(at('2025-01-26T11:00:00'));
    expect(sla).toMatchObject({ breached: false, nextDueAt: at('2025-01-26T11:00:00') });
    expect(ticketSla(opened('COMPLAINT', '2025-01-24T16:00:00'), at('2025-01-26T12:00:00'), ningbo)).toMatchObject({ breached: true, breachedAt: at('2025-01-26T11:00:00') });
  });

  it('pauses the resolution target while waiting for the customer', () => {
    const t = opened('INQUIRY', '2025-03-03T09:00:00');
    const waiting = { ...t, response: applyTimerEffect(t.response, 'STOP', at('2025-03-03T10:00:00')), resolution: applyTimerEffect(t.resolution, 'PAUSE', at('2025-03-03T10:00:00')) };
    const sla = ticketSla(waiting, at('2025-03-20T10:00:00'), ningbo);
    expect(sla).toMatchObject({ breached: false, nextDueAt: null });
    expect(sla.resolution).toMatchObject({ paused: true, elapsedMs: 3_600_000, remainingMs: (DEFAULT_TICKET_TARGETS.INQUIRY.resolutionHours - 1) * 3_600_000 });
  });

  it('orders the queue oldest breach first, then soonest due, then what waits for the customer', () => {
    const now = at('2025-03-05T12:00:00');
    const make = (id: string, kind: TicketTimers['kind'], local: string, waiting = false) => {
      const t = opened(kind, local);
      const timers = waiting ? { ...t, response: applyTimerEffect(t.response, 'STOP', t.createdAt), resolution: applyTimerEffect(t.resolution, 'PAUSE', t.createdAt) } : t;
      return { id, createdAt: timers.createdAt, sla: ticketSla(timers, now, ningbo) };
    };
    const queue = orderQueue([
      make('waiting', 'COMPLAINT', '2025-03-03T09:00:00', true),
      make('inquiry-due-soon', 'INQUIRY', '2025-03-05T09:00:00'),
      make('complaint-breached-later', 'COMPLAINT', '2025-03-04T15:00:00'),
      make('complaint-breached-first', 'COMPLAINT', '2025-03-04T09:00:00'),
      make('suggestion', 'SUGGESTION', '2025-03-05T09:00:00'),
    ]);
    expect(queue.map((q) => q.id)).toEqual(['complaint-breached-first', 'complaint-breached-later', 'inquiry-due-soon', 'suggestion', 'waiting']);
    expect(queue[0]!.sla.breachedAt).toEqual(at('2025-03-04T13:00:00'));
    expect(queue[1]!.sla.breachedAt).toEqual(at('2025-03-05T10:00:00'));
  });
});

describe('rating', () => {
  const resolved = { buyerCompanyId: 'nw', status: 'RESOLVED' as const, resolvedAt: new Date('2025-03-05T08:00:00Z'), ratedAt: null };
  it('lets only the buyer rate, after resolution, once per resolution, 1 to 5', () => {
    expect(() => assertCanRate(resolved, buyer, 5)).not.toThrow();
    expect(() => assertCanRate({ ...resolved, status: 'CLOSED' }, buyer, 1)).not.toThrow();
    expect(refusal(() => assertCanRate(resolved, clerk, 5)).code).toBe('FORBIDDEN');
    expect(refusal(() => assertCanRate(resolved, otherBuyer, 5)).code).toBe('NOT_FOUND');
    expect(refusal(() => assertCanRate({ ...resolved, status: 'ASSIGNED' }, buyer, 5)).code).toBe('CONFLICT');
    expect(refusal(() => assertCanRate({ ...resolved, ratedAt: new Date('2025-03-06T08:00:00Z') }, buyer, 4)).code).toBe('CONFLICT');
    // Reopened and resolved again: the new resolution may be rated.
    expect(() => assertCanRate({ ...resolved, resolvedAt: new Date('2025-03-07T08:00:00Z'), ratedAt: new Date('2025-03-06T08:00:00Z') }, buyer, 4)).not.toThrow();
    for (const bad of [0, 6, 3.5, Number.NaN]) expect(refusal(() => assertCanRate(resolved, buyer, bad)).fields).toEqual([{ field: 'rating', message: 'must be a whole number from 1 to 5' }]);
  });
});

describe('complaint → claim', () => {
  const complaint: ComplaintTicket = {
    id: 't1', kind: 'COMPLAINT', buyerCompanyId: 'nw', contractId: 'sc1', shipmentId: 'sh1', subject: 'Broken lids on line 2', convertedClaimId: null,
    messages: [
      { fromCustomer: true, internal: false, body: '120 lids cracked on arrival. Photos attached.', attachmentIds: ['p1', 'p2'] },
      { fromCustomer: false, internal: true, body: 'Factory changed the lid supplier in March.', attachmentIds: ['x'] },
      { fromCustomer: false, internal: false, body: 'Sorry to hear that; please send the survey report.', attachmentIds: [] },
      { fromCustomer: true, internal: false, body: 'Survey report attached.', attachmentIds: ['s1', 'p2'] },
    ],
  };

  it('carries the customer\'s words and attachments into a claim draft, never staff notes', () => {
    expect(claimDraftFromComplaint(complaint, clerk, 'DAMAGE')).toEqual({
      sourceTicketId: 't1', buyerCompanyId: 'nw', contractId: 'sc1', shipmentId: 'sh1', kind: 'DAMAGE',
      description: 'Broken lids on line 2\n\n120 lids cracked on arrival. Photos attached.\n\nSurvey report attached.',
      evidenceAttachmentIds: ['p1', 'p2', 's1'],
    });
  });

  it('refuses buyers, other kinds, a second conversion and a complaint without its shipment', () => {
    expect(refusal(() => claimDraftFromComplaint(complaint, buyer)).code).toBe('FORBIDDEN');
    expect(refusal(() => claimDraftFromComplaint({ ...complaint, kind: 'INQUIRY' }, clerk)).code).toBe('CONFLICT');
    expect(refusal(() => claimDraftFromComplaint({ ...complaint, convertedClaimId: 'c9' }, clerk)).code).toBe('CONFLICT');
    expect(refusal(() => claimDraftFromComplaint({ ...complaint, shipmentId: null }, clerk)).fields?.[0]?.field).toBe('shipmentId');
    expect(refusal(() => claimDraftFromComplaint({ ...complaint, contractId: null }, clerk)).fields?.[0]?.field).toBe('contractId');
  });
});

describe('the service centre hours and urgency', () => {
  it('counts nine working hours a day in Beijing time, Monday to Friday', async () => {
    const { serviceCentreHours, ticketUrgency } = await import('./tickets.ts');
    const { workingMsBetween, HOUR_MS } = await import('./working-time.ts');
    const hours = serviceCentreHours();
    // Friday 17:00 to Monday 10:00 Beijing time: one hour on Friday, one on Monday.
    expect(workingMsBetween(hours, at('2026-11-27T17:00:00'), at('2026-11-30T10:00:00'))).toBe(2 * HOUR_MS);
    const started = { kind: 'COMPLAINT' as const, createdAt: at('2026-11-30T09:00:00'), response: startTimer(at('2026-11-30T09:00:00')), resolution: startTimer(at('2026-11-30T09:00:00')) };
    expect(ticketUrgency(ticketSla(started, at('2026-11-30T10:00:00'), hours))).toBeNull();
    expect(ticketUrgency(ticketSla(started, at('2026-11-30T11:30:00'), hours))).toBe('DUE_SOON');
    expect(ticketUrgency(ticketSla(started, at('2026-11-30T13:00:00'), hours))).toBe('OVERDUE');
    // Answered late and now waiting for the customer: nothing presses.
    const answered = { ...started, response: applyTimerEffect(started.response, 'STOP', at('2026-11-30T14:00:00')), resolution: applyTimerEffect(started.resolution, 'PAUSE', at('2026-11-30T14:00:00')) };
    const sla = ticketSla(answered, at('2026-12-01T10:00:00'), hours);
    expect(sla.response.breached).toBe(true);
    expect(ticketUrgency(sla)).toBeNull();
  });

  it('stores a timer as JSON and reads it back', async () => {
    const { storeTimer, loadTimer, pauseTimer } = await import('./working-time.ts');
    const timer = pauseTimer(startTimer(at('2026-11-30T09:00:00')), at('2026-11-30T10:00:00'));
    expect(loadTimer(JSON.parse(JSON.stringify(storeTimer(timer))))).toEqual(timer);
    expect(() => loadTimer({})).toThrow(RangeError);
    expect(() => loadTimer({ startedAt: 'soon', pauses: [], stoppedAt: null })).toThrow(RangeError);
  });
});
