import { type Actor, type Role, assertVisibleTo } from './access.ts';
import { type BusinessCalendar, businessCalendar } from './banking-days.ts';
import type { ClaimKind } from './claims.ts';
import { DomainError } from './errors.ts';
import { type StepRule, type Workflow, availableSteps, takeStep } from './workflow.ts';
import { HOUR_MS, type PausableTimer, type TimerEffect, type TimerState, type WorkingHours, timerState, workingHours } from './working-time.ts';

/*
 * The customer information service centre (客户信息服务中心, seed 000; service requests routed and
 * tracked, seed 004): buyers open tickets — inquiries, suggestions, complaints — optionally about a
 * product, contract, shipment, claim or payment of theirs. A ticket is routed to a team by kind and
 * subject and has a response and a resolution target per kind, counted in working time; the
 * resolution timer stops while the ticket waits for the customer or stands resolved.
 *
 *   open → assigned → waiting for customer → (customer replies) assigned → resolved → closed;
 *   a customer's reply reopens a resolved ticket; the buyer rates the resolution.
 */

export const ticketKinds = ['INQUIRY', 'SUGGESTION', 'COMPLAINT'] as const;
export type TicketKind = (typeof ticketKinds)[number];

export const ticketStatuses = ['OPEN', 'ASSIGNED', 'WAITING_FOR_CUSTOMER', 'RESOLVED', 'CLOSED'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const ticketSubjects = ['PRODUCT', 'CONTRACT', 'SHIPMENT', 'CLAIM', 'PAYMENT'] as const;
/** What a ticket is about, when it names one of the buyer's records. */
export type TicketSubject = (typeof ticketSubjects)[number];

export const ticketActions = ['ASSIGN', 'REASSIGN', 'REPLY', 'REQUEST_INFO', 'CUSTOMER_REPLY', 'RESOLVE', 'CLOSE'] as const;
export type TicketAction = (typeof ticketActions)[number];

const staff = ['CLERK', 'MANAGER', 'FINANCE'] as const;

/** Every step of a ticket: from where, to where, by whom. */
export const ticketWorkflow: Workflow<TicketStatus, TicketAction> = {
  record: 'ticket',
  steps: {
    ASSIGN: { from: ['OPEN'], to: 'ASSIGNED', roles: staff },
    REASSIGN: { from: ['ASSIGNED', 'WAITING_FOR_CUSTOMER'], to: null, roles: staff },
    REPLY: { from: ['ASSIGNED', 'WAITING_FOR_CUSTOMER'], to: null, roles: staff },
    REQUEST_INFO: { from: ['ASSIGNED'], to: 'WAITING_FOR_CUSTOMER', roles: staff },
    // A reply from the customer brings a waiting or resolved ticket back to its assignee.
    CUSTOMER_REPLY: { from: ['OPEN', 'ASSIGNED', 'WAITING_FOR_CUSTOMER', 'RESOLVED'], to: null, roles: ['BUYER'] },
    RESOLVE: { from: ['ASSIGNED', 'WAITING_FOR_CUSTOMER'], to: 'RESOLVED', roles: staff },
    CLOSE: { from: ['RESOLVED'], to: 'CLOSED', roles: ['BUYER', ...staff] },
  } satisfies Record<TicketAction, StepRule<TicketStatus>>,
};

/** The outcome of a step: the new status and what it does to the response and the resolution timers. */
export type TicketStep = { status: TicketStatus; response: TimerEffect; resolution: TimerEffect };

/** What a step needs of the ticket: whose it is, its status, whether staff have answered yet. */
export type TicketFacts = { buyerCompanyId: string; status: TicketStatus; responded: boolean };

/**
 * Decides a step on a ticket: buyers act only on their own company's tickets (others NOT_FOUND), the
 * role must be allowed (FORBIDDEN) and the status must allow it (CONFLICT). The first answer from
 * staff (a reply, a question, a resolution) stops the response timer; waiting for the customer and
 * being resolved pause the resolution timer, the customer's reply resumes it, closing stops it.
 */
export function decideTicketStep(ticket: TicketFacts, action: TicketAction, actor: Actor): TicketStep {
  assertVisibleTo(actor, ticket.buyerCompanyId, 'ticket');
  let status = takeStep(ticketWorkflow, ticket.status, action, actor.role);
  const firstAnswer: TimerEffect = !ticket.responded && (action === 'REPLY' || action === 'REQUEST_INFO' || action === 'RESOLVE') ? 'STOP' : null;
  const paused = ticket.status === 'WAITING_FOR_CUSTOMER' || ticket.status === 'RESOLVED';
  let resolution: TimerEffect = null;
  if (action === 'REQUEST_INFO' || (action === 'RESOLVE' && !paused)) resolution = 'PAUSE';
  if (action === 'CUSTOMER_REPLY' && paused) {
    resolution = 'RESUME';
    status = 'ASSIGNED';
  }
  if (action === 'CLOSE') resolution = 'STOP';
  return { status, response: firstAnswer, resolution };
}

/** The steps an actor may take on a ticket now (buyers only on their own company's). */
export function ticketActionsFor(ticket: Pick<TicketFacts, 'status' | 'buyerCompanyId'>, actor: Actor): TicketAction[] {
  if (actor.role === 'BUYER' && actor.companyId !== ticket.buyerCompanyId) return [];
  return availableSteps(ticketWorkflow, ticket.status, actor.role);
}

// ───────────────────────────── Routing ─────────────────────────────

/** A routing rule: tickets of a kind and/or about a subject go to a team. A rule without kind or subject matches any. */
export type RoutingRule = { kind?: TicketKind; subject?: TicketSubject; team: string };

/** The default routing: payments to finance, shipments to logistics, claims and other complaints to quality, inquiries to sales, the rest to the service desk. */
export const DEFAULT_ROUTING: readonly RoutingRule[] = [
  { subject: 'PAYMENT', team: 'FINANCE' },
  { subject: 'SHIPMENT', team: 'LOGISTICS' },
  { subject: 'CLAIM', team: 'QUALITY' },
  { kind: 'COMPLAINT', team: 'QUALITY' },
  { kind: 'INQUIRY', team: 'SALES' },
  { team: 'SERVICE_DESK' },
];

/** The team a ticket goes to: the matching rule that names the most (subject counts more than kind), the first among equals. */
export function routeTicket(ticket: { kind: TicketKind; subject: TicketSubject | null }, rules: readonly RoutingRule[] = DEFAULT_ROUTING): string {
  let best: { team: string; score: number } | null = null;
  for (const r of rules) {
    if (r.kind !== undefined && r.kind !== ticket.kind) continue;
    if (r.subject !== undefined && r.subject !== ticket.subject) continue;
    const score = (r.subject !== undefined ? 2 : 0) + (r.kind !== undefined ? 1 : 0);
    if (!best || score > best.score) best = { team: r.team, score };
  }
  if (!best) throw new DomainError('CONFLICT', 'no routing rule matches this ticket: add a rule without kind and subject as the fallback');
  return best.team;
}

// ───────────────────────────── Targets, breaches, the queue ─────────────────────────────

/** Response and resolution targets of a kind, in working hours. */
export type TicketTargets = Readonly<Record<TicketKind, { responseHours: number; resolutionHours: number }>>;

/** The default targets: complaints answered within 4 working hours and resolved within 3 days; inquiries 8 h / 5 days; suggestions 2 / 10 days. */
export const DEFAULT_TICKET_TARGETS: TicketTargets = {
  COMPLAINT: { responseHours: 4, resolutionHours: 27 },
  INQUIRY: { responseHours: 8, resolutionHours: 45 },
  SUGGESTION: { responseHours: 18, resolutionHours: 90 },
};

/** A ticket's two timers and its kind, as the service keeps them. */
export type TicketTimers = { kind: TicketKind; createdAt: Date; response: PausableTimer; resolution: PausableTimer };

/** A ticket's targets as of now: each timer's state, whether any is breached and since when, and the next due time of a running target. */
export type TicketSla = { response: TimerState; resolution: TimerState; breached: boolean; breachedAt: Date | null; nextDueAt: Date | null };

/** The state of a ticket's response and resolution targets at a moment. */
export function ticketSla(ticket: TicketTimers, now: Date, hours: WorkingHours, targets: TicketTargets = DEFAULT_TICKET_TARGETS): TicketSla {
  const t = targets[ticket.kind];
  const response = timerState(ticket.response, t.responseHours * HOUR_MS, hours, now);
  const resolution = timerState(ticket.resolution, t.resolutionHours * HOUR_MS, hours, now);
  const breaches = [response, resolution].filter((s) => s.breached && s.dueAt).map((s) => s.dueAt!.getTime());
  const pending = [response, resolution].filter((s) => !s.breached && !s.stopped && !s.paused && s.dueAt).map((s) => s.dueAt!.getTime());
  return {
    response,
    resolution,
    breached: breaches.length > 0,
    breachedAt: breaches.length > 0 ? new Date(Math.min(...breaches)) : null,
    nextDueAt: pending.length > 0 ? new Date(Math.min(...pending)) : null,
  };
}

/**
 * Orders a team's queue: breached tickets first, the oldest breach first; then the rest by their
 * next due time, soonest first; tickets with nothing running (waiting for the customer) last; the
 * older ticket first among equals.
 */
export function orderQueue<T extends { createdAt: Date; sla: TicketSla }>(tickets: readonly T[]): T[] {
  const rank = (t: T): [number, number] => {
    if (t.sla.breachedAt) return [0, t.sla.breachedAt.getTime()];
    if (t.sla.nextDueAt) return [1, t.sla.nextDueAt.getTime()];
    return [2, 0];
  };
  return [...tickets].sort((a, b) => {
    const [ra, ta] = rank(a);
    const [rb, tb] = rank(b);
    return ra - rb || ta - tb || a.createdAt.getTime() - b.createdAt.getTime();
  });
}

/** The teams tickets are routed to (the default routing's; a rule may name another). */
export const ticketTeams = ['SALES', 'QUALITY', 'LOGISTICS', 'FINANCE', 'SERVICE_DESK'] as const;
export type TicketTeam = (typeof ticketTeams)[number];

/** Who answers for a team until someone takes the ticket: finance for payments, the clerks for the rest. */
export const TEAM_ROLES: Readonly<Record<TicketTeam, readonly Role[]>> = {
  SALES: ['CLERK'], QUALITY: ['CLERK'], LOGISTICS: ['CLERK'], FINANCE: ['FINANCE'], SERVICE_DESK: ['CLERK'],
};

/** The team whose queue a member of staff sees first. */
export function homeTeamOf(role: Role): TicketTeam | null {
  const team = ticketTeams.find((t) => TEAM_ROLES[t].includes(role));
  return team ?? null;
}

/**
 * The service centre's office hours: Ningbo, 09:00–18:00 Beijing time (UTC+8, no daylight saving),
 * Monday to Friday; nine working hours a day, so the 27-hour complaint target is three days. Public
 * holidays and 调休 days are data: pass the year's calendar when it is configured.
 */
export function serviceCentreHours(calendar: BusinessCalendar = businessCalendar({ id: 'CN' })): WorkingHours {
  return workingHours({ calendar, utcOffsetMinutes: 480, opensAt: '09:00', closesAt: '18:00' });
}

/** How close a running target must be (in working time) to count as due soon: two working hours. */
export const TICKET_DUE_SOON_MS = 2 * HOUR_MS;

/** How pressing a ticket is for its team: OVERDUE once a target is breached, DUE_SOON within two working hours of one, else null. */
export function ticketUrgency(sla: TicketSla): 'OVERDUE' | 'DUE_SOON' | null {
  // Only a running timer presses: an answer given late is history, and a paused one waits for the customer.
  const running = [sla.response, sla.resolution].filter((s) => !s.stopped && !s.paused);
  if (running.some((s) => s.breached)) return 'OVERDUE';
  if (running.some((s) => s.remainingMs <= TICKET_DUE_SOON_MS)) return 'DUE_SOON';
  return null;
}

// ───────────────────────────── Rating ─────────────────────────────

/** Checks a rating: only a buyer of the ticket's company, only once the ticket is resolved or closed, once per resolution, a whole number 1–5. */
export function assertCanRate(ticket: { buyerCompanyId: string; status: TicketStatus; resolvedAt: Date | null; ratedAt: Date | null }, actor: Actor, rating: number): void {
  assertVisibleTo(actor, ticket.buyerCompanyId, 'ticket');
  if (actor.role !== 'BUYER') throw new DomainError('FORBIDDEN', 'only the customer rates a resolution');
  if (ticket.status !== 'RESOLVED' && ticket.status !== 'CLOSED') throw new DomainError('CONFLICT', 'a ticket is rated once it is resolved');
  if (ticket.ratedAt && ticket.resolvedAt && ticket.ratedAt >= ticket.resolvedAt) throw new DomainError('CONFLICT', 'this resolution has been rated already');
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw new DomainError('VALIDATION', 'the rating is 1 to 5', [{ field: 'rating', message: 'must be a whole number from 1 to 5' }]);
}

// ───────────────────────────── Complaint → claim ─────────────────────────────

/** A complaint as conversion needs it: its records, subject and messages (staff notes are never copied). */
export type ComplaintTicket = {
  id: string;
  kind: TicketKind;
  buyerCompanyId: string;
  contractId: string | null;
  shipmentId: string | null;
  subject: string;
  convertedClaimId: string | null;
  messages: readonly { fromCustomer: boolean; internal: boolean; body: string; attachmentIds: readonly string[] }[];
};

/** The claim a complaint becomes, ready for the claim form: the buyer's own words and attachments, the records it names. */
export type ClaimDraft = { sourceTicketId: string; buyerCompanyId: string; contractId: string; shipmentId: string; kind: ClaimKind; description: string; evidenceAttachmentIds: string[] };

/**
 * Turns a complaint into a claim draft without retyping: staff only (FORBIDDEN otherwise), a complaint
 * not converted before (CONFLICT), naming a contract and a shipment (VALIDATION, as a claim names
 * them). The description is the subject and the customer's messages; the evidence, their attachments.
 * The draft is then filed like any claim (claim period, quantities and amount are checked there).
 */
export function claimDraftFromComplaint(ticket: ComplaintTicket, actor: Actor, kind: ClaimKind = 'QUALITY'): ClaimDraft {
  if (actor.role === 'BUYER') throw new DomainError('FORBIDDEN', 'staff turn a complaint into a claim');
  if (ticket.kind !== 'COMPLAINT') throw new DomainError('CONFLICT', `only a complaint becomes a claim; this ticket is ${ticket.kind.toLowerCase()}`);
  if (ticket.convertedClaimId) throw new DomainError('CONFLICT', 'this complaint has been turned into a claim already');
  if (!ticket.contractId) throw new DomainError('VALIDATION', 'the complaint names no contract', [{ field: 'contractId', message: 'is required: a claim is made under a contract' }]);
  if (!ticket.shipmentId) throw new DomainError('VALIDATION', 'the complaint names no shipment', [{ field: 'shipmentId', message: 'is required: a claim names the shipment it concerns' }]);
  const fromCustomer = ticket.messages.filter((m) => m.fromCustomer && !m.internal);
  return {
    sourceTicketId: ticket.id,
    buyerCompanyId: ticket.buyerCompanyId,
    contractId: ticket.contractId,
    shipmentId: ticket.shipmentId,
    kind,
    description: [ticket.subject, ...fromCustomer.map((m) => m.body.trim()).filter(Boolean)].join('\n\n'),
    evidenceAttachmentIds: [...new Set(fromCustomer.flatMap((m) => m.attachmentIds))],
  };
}
