import type { AssignTicketBody, OpenTicketBody, RateTicketBody, TicketAssignee, TicketListQuery, TicketMessageBody, TicketQueueQuery, TicketStepMessageBody, TicketSubjectType, TicketSummary, TicketView, z } from '@portal/schemas';
import {
  DEFAULT_TICKET_TARGETS, DomainError, TEAM_ROLES, applyTimerEffect, assertCanRate, assertCompanyMayTrade, assertVisibleTo, companyScope, decideTicketStep, isStaff, loadTimer,
  orderQueue, routeTicket, serviceCentreHours, startTimer, storeTimer, ticketActionsFor, ticketSla, ticketUrgency, validationError,
  type Actor, type FieldError, type PausableTimer, type TicketAction, type TicketSla, type TicketTeam, type TimerState, type WorkingHours,
} from '@portal/domain';
import type { Prisma, PrismaClient } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import { notifyAndMail } from '../../infra/notify.ts';
import { nextDocumentNumber } from '../../infra/numbering.ts';
import type { Db } from '../../infra/tx.ts';
import { type AttachmentsService, toAttachmentInfo } from '../attachments/attachments.service.ts';
import type { Params } from '../../infra/messages.ts';
import { type TicketNoticeKind, beijingTime, ticketMessages } from './tickets.messages.ts';
import * as repo from './tickets.repository.ts';

type Meta = { requestId?: string };
type Body = { body: string; attachmentIds: string[] };

/** The staff roles that work tickets (the ticket workflow's). */
const SERVICE_ROLES = ['CLERK', 'MANAGER', 'FINANCE'] as const;

const excerptOf = (text: string) => (text.length > 240 ? `${text.slice(0, 239)}…` : text);
const minutes = (ms: number) => Math.floor(ms / 60_000);

/**
 * What a ticket may be about, and whether the buyer may name it: the one place that decides, per
 * subject type, which record is meant and who sees it. Shipments, claims and payments add a line
 * here when they land. Returns the fields the ticket keeps, or the refusal naming `body.about.id`.
 */
const subjectChecks: Record<TicketSubjectType, (db: Db, actor: Actor, id: string) => Promise<{ contractId: string | null } | FieldError>> = {
  async PRODUCT(db, _actor, id) {
    return (await repo.findVisibleProduct(db, id)) ? { contractId: null } : { field: 'body.about.id', message: 'is not a product of the catalog' };
  },
  async CONTRACT(db, actor, id) {
    const c = await repo.findContractOwner(db, id);
    if (!c || (actor.role === 'BUYER' && c.buyerCompanyId !== actor.companyId)) return { field: 'body.about.id', message: 'is not a contract of your company' };
    return { contractId: c.id };
  },
};

/** The customer service centre: tickets opened by buyers, routed to a team, answered against working-time targets. */
export function createTicketsService(deps: {
  prisma: PrismaClient;
  clock: Clock;
  publicUrl: string;
  attachments: Pick<AttachmentsService, 'attachableErrors' | 'link'>;
  hours?: WorkingHours;
}) {
  const { prisma, clock, publicUrl } = deps;
  const hours = deps.hours ?? serviceCentreHours();
  const targets = DEFAULT_TICKET_TARGETS;

  const timersOf = (t: repo.TicketSummaryRow) => ({ kind: t.kind, createdAt: t.createdAt, response: loadTimer(t.responseTimer), resolution: loadTimer(t.resolutionTimer) });
  const slaOf = (t: repo.TicketSummaryRow, now: Date) => ticketSla(timersOf(t), now, hours, targets);

  function timerView(s: TimerState, targetHours: number) {
    return {
      targetMinutes: targetHours * 60, elapsedMinutes: minutes(s.elapsedMs), remainingMinutes: minutes(s.remainingMs), dueAt: s.dueAt?.toISOString() ?? null,
      paused: s.paused, stopped: s.stopped, breached: s.breached,
    };
  }

  function slaView(t: repo.TicketSummaryRow, sla: TicketSla): TicketSummary['sla'] {
    const target = targets[t.kind];
    return {
      response: timerView(sla.response, target.responseHours), resolution: timerView(sla.resolution, target.resolutionHours), breached: sla.breached,
      breachedAt: sla.breachedAt?.toISOString() ?? null, nextDueAt: sla.nextDueAt?.toISOString() ?? null, urgency: ticketUrgency(sla),
    };
  }

  async function labels(rows: repo.TicketSummaryRow[]) {
    return repo.findSubjectLabels(prisma, rows.filter((r) => r.subjectType && r.subjectId).map((r) => ({ type: r.subjectType!, id: r.subjectId! })));
  }

  function toSummary(t: repo.TicketSummaryRow, sla: TicketSla, names: Map<string, string>): TicketSummary {
    const about = t.subjectType === 'PRODUCT' || t.subjectType === 'CONTRACT' ? t.subjectType : null;
    return {
      id: t.id, number: t.number, kind: t.kind, subject: t.subject, status: t.status, team: t.team as TicketTeam,
      about: about && t.subjectId ? { type: about, id: t.subjectId, label: names.get(`${about}:${t.subjectId}`) ?? '' } : null,
      buyerCompany: t.buyerCompany, assignee: t.assignee, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
      resolvedAt: t.resolvedAt?.toISOString() ?? null, rating: t.rating, sla: slaView(t, sla),
    };
  }

  async function summaries(rows: repo.TicketSummaryRow[], now = clock.now()): Promise<TicketSummary[]> {
    const names = await labels(rows);
    return rows.map((t) => toSummary(t, slaOf(t, now), names));
  }

  async function toView(t: repo.TicketRow, actor: Actor): Promise<TicketView> {
    const staff = isStaff(actor.role);
    const [summary] = await summaries([t]);
    return {
      ...summary!,
      messages: t.messages
        .filter((m) => staff || !m.internal)
        .map((m) => ({
          id: m.id, side: m.author.role === 'BUYER' ? 'CUSTOMER' : 'STAFF', author: m.author.name, body: m.body, internal: m.internal,
          createdAt: m.createdAt.toISOString(), attachments: m.attachments.map(toAttachmentInfo),
        })),
      ratingComment: t.ratingComment, ratedAt: t.ratedAt?.toISOString() ?? null,
      actions: ticketActionsFor(t, actor),
      canRate: actor.role === 'BUYER' && (t.status === 'RESOLVED' || t.status === 'CLOSED') && !(t.ratedAt && t.resolvedAt && t.ratedAt >= t.resolvedAt),
    };
  }

  /** A ticket the caller may see; another company's is not found. */
  async function load(actor: Actor, id: string): Promise<repo.TicketRow> {
    const t = await repo.findTicket(prisma, id);
    if (!t) throw new DomainError('NOT_FOUND', 'ticket not found');
    assertVisibleTo(actor, t.buyerCompanyId, 'ticket');
    return t;
  }

  /** Tells people in their own language: one notice and one mail each, inside the transaction. */
  async function tell(tx: Db, people: { id: string; email: string; name: string; locale: string }[], kind: TicketNoticeKind, params: Params, link: string, now: Date) {
    await notifyAndMail(tx, people, ticketMessages, { kind, params, link }, { publicUrl, now });
  }

  /** The staff who hear of a customer's move: the assignee, or the team while nobody has taken it. */
  async function staffSide(tx: Db, t: { assigneeId: string | null; team: string }) {
    return t.assigneeId ? repo.findUserRecipient(tx, t.assigneeId) : repo.findStaffRecipients(tx, TEAM_ROLES[t.team as TicketTeam] ?? ['CLERK']);
  }

  const staffLink = (id: string) => `/staff/tickets/${id}`;
  const buyerLink = (id: string) => `/portal/tickets/${id}`;

  async function checkAttachments(actor: Actor, ids: string[]) {
    const errors = await deps.attachments.attachableErrors(actor, ids);
    if (errors.length > 0) throw validationError(errors);
  }

  /**
   * Takes one or more workflow steps on a ticket in one transaction: the timers move as the domain
   * decides, a message (if any) is written with its files, the change is audited and the other side
   * told. A ticket moved by someone else meanwhile is a CONFLICT and nothing is written.
   */
  async function act(
    actor: Actor,
    id: string,
    actions: TicketAction[],
    opts: { message?: Body & { internal?: boolean }; assigneeId?: string; notice?: { kind: TicketNoticeKind; to: 'BUYER' | 'STAFF' | 'ASSIGNEE' } },
    meta: Meta,
  ): Promise<TicketView> {
    const t = await load(actor, id);
    const now = clock.now();
    let status = t.status;
    let responded = t.respondedAt !== null;
    let response: PausableTimer = loadTimer(t.responseTimer);
    let resolution: PausableTimer = loadTimer(t.resolutionTimer);
    for (const action of actions) {
      const step = decideTicketStep({ buyerCompanyId: t.buyerCompanyId, status, responded }, action, actor);
      response = applyTimerEffect(response, step.response, now);
      resolution = applyTimerEffect(resolution, step.resolution, now);
      if (step.response === 'STOP') responded = true;
      status = step.status;
    }
    if (opts.message) await checkAttachments(actor, opts.message.attachmentIds);
    const assigneeId = opts.assigneeId ?? (actions.includes('ASSIGN') && !t.assigneeId ? actor.userId : t.assigneeId);
    const data: Prisma.TicketUncheckedUpdateInput = {
      status, assigneeId, responseTimer: storeTimer(response) as Prisma.InputJsonValue, resolutionTimer: storeTimer(resolution) as Prisma.InputJsonValue, updatedAt: now,
      ...(responded && !t.respondedAt ? { respondedAt: now } : {}),
      ...(status === 'RESOLVED' && t.status !== 'RESOLVED' ? { resolvedAt: now } : {}),
      ...(t.status === 'RESOLVED' && status === 'ASSIGNED' ? { resolvedAt: null } : {}),
      ...(status === 'CLOSED' ? { closedAt: now } : {}),
    };
    await prisma.$transaction(async (tx) => {
      if (!(await repo.updateTicketIf(tx, t.id, t.status, data))) throw new DomainError('CONFLICT', 'the ticket changed meanwhile; reload it and try again');
      let messageId: string | null = null;
      if (opts.message) {
        messageId = (await repo.createMessage(tx, { ticketId: t.id, authorId: actor.userId, body: opts.message.body, internal: opts.message.internal ?? false, createdAt: now })).id;
        await deps.attachments.link(tx, actor, opts.message.attachmentIds, { ticketMessageId: messageId });
      }
      await recordAudit(tx, {
        actorId: actor.userId, companyId: t.buyerCompanyId, action: `ticket.${actions.map((a) => a.toLowerCase()).join('+') || 'note'}`, entityType: 'Ticket', entityId: t.id,
        requestId: meta.requestId,
        changes: {
          number: t.number, ...(status !== t.status ? { status: { from: t.status, to: status } } : {}),
          ...(assigneeId !== t.assigneeId ? { assigneeId: { from: t.assigneeId, to: assigneeId } } : {}),
          ...(messageId ? { messageId, internal: opts.message?.internal ?? false, attachmentIds: opts.message?.attachmentIds ?? [] } : {}),
          at: now.toISOString(),
        },
      });
      const params = { number: t.number, subject: t.subject, company: t.buyerCompany.name, excerpt: opts.message ? excerptOf(opts.message.body) : '', kind: t.kind };
      if (opts.notice?.to === 'BUYER') await tell(tx, await repo.findBuyerRecipients(tx, t.buyerCompanyId), opts.notice.kind, params, buyerLink(t.id), now);
      if (opts.notice?.to === 'STAFF') await tell(tx, await staffSide(tx, { assigneeId, team: t.team }), opts.notice.kind, params, staffLink(t.id), now);
      if (opts.notice?.to === 'ASSIGNEE' && assigneeId && assigneeId !== actor.userId) await tell(tx, await repo.findUserRecipient(tx, assigneeId), opts.notice.kind, params, staffLink(t.id), now);
    });
    return toView((await repo.findTicket(prisma, t.id))!, actor);
  }

  /** Staff answering an open ticket take it on the way (open → assigned), so an answer never waits for a separate assignment. */
  const taking = (t: { status: string }, action: TicketAction): TicketAction[] => (t.status === 'OPEN' ? ['ASSIGN', action] : [action]);

  return {
    /** A buyer opens a ticket with its first message and files, about a record of theirs if named; routed to a team, its timers started. */
    async open(actor: Actor, body: z.output<typeof OpenTicketBody>, meta: Meta): Promise<TicketView> {
      assertCompanyMayTrade(actor);
      const errors: FieldError[] = [];
      let contractId: string | null = null;
      if (body.about) {
        const checked = await subjectChecks[body.about.type](prisma, actor, body.about.id);
        if ('field' in checked) errors.push(checked);
        else contractId = checked.contractId;
      }
      errors.push(...(await deps.attachments.attachableErrors(actor, body.attachmentIds)));
      if (errors.length > 0) throw validationError(errors);
      const team = routeTicket({ kind: body.kind, subject: body.about?.type ?? null });
      const now = clock.now();
      const timer = storeTimer(startTimer(now)) as Prisma.InputJsonValue;
      const id = await prisma.$transaction(async (tx) => {
        const number = await nextDocumentNumber(tx, 'TKT', now);
        const { id } = await repo.createTicket(tx, {
          number, buyerCompanyId: actor.companyId, kind: body.kind, subject: body.subject, status: 'OPEN', createdById: actor.userId, team,
          subjectType: body.about?.type ?? null, subjectId: body.about?.id ?? null, contractId,
          responseTimer: timer, resolutionTimer: timer, createdAt: now, updatedAt: now,
        });
        const message = await repo.createMessage(tx, { ticketId: id, authorId: actor.userId, body: body.body, internal: false, createdAt: now });
        await deps.attachments.link(tx, actor, body.attachmentIds, { ticketMessageId: message.id });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: actor.companyId, action: 'ticket.open', entityType: 'Ticket', entityId: id, requestId: meta.requestId,
          changes: { number, kind: body.kind, team, subjectType: body.about?.type ?? null, subjectId: body.about?.id ?? null, attachmentIds: body.attachmentIds },
        });
        const company = (await tx.company.findUniqueOrThrow({ where: { id: actor.companyId }, select: { name: true } })).name;
        const dueAt = ticketSla({ kind: body.kind, createdAt: now, response: startTimer(now), resolution: startTimer(now) }, now, hours, targets).response.dueAt ?? now;
        await tell(tx, await repo.findStaffRecipients(tx, TEAM_ROLES[team as TicketTeam]), 'tickets.opened', { number, subject: body.subject, company, kind: body.kind, dueAt: beijingTime(dueAt) }, staffLink(id), now);
        return id;
      });
      return toView((await repo.findTicket(prisma, id))!, actor);
    },

    /** Tickets newest first: a buyer's own company's; all for staff, by status, kind and team. */
    async list(actor: Actor, query: z.output<typeof TicketListQuery>): Promise<TicketSummary[]> {
      return summaries(await repo.listTickets(prisma, { buyerCompanyId: companyScope(actor), status: query.status, kind: query.kind, team: query.team }));
    },

    /** A team's queue (or every team's): tickets still worked on, breached first (oldest breach first), then by the next due time. */
    async queue(_actor: Actor, query: z.output<typeof TicketQueueQuery>): Promise<TicketSummary[]> {
      const now = clock.now();
      const rows = await repo.listActiveTickets(prisma, query.team);
      const names = await labels(rows);
      const ordered = orderQueue(rows.map((t) => ({ createdAt: t.createdAt, sla: slaOf(t, now), row: t })));
      return ordered.map((x) => toSummary(x.row, x.sla, names));
    },

    /** One ticket with its thread (internal notes for staff only) and the steps the caller may take. */
    async get(actor: Actor, id: string): Promise<TicketView> {
      return toView(await load(actor, id), actor);
    },

    /** Staff who can be given a ticket. */
    async assignees(): Promise<TicketAssignee[]> {
      return repo.listAssignableStaff(prisma, SERVICE_ROLES);
    },

    /**
     * A message on the thread. The customer's reply brings a waiting or resolved ticket back to its
     * assignee; a staff answer takes an open ticket and stops the response timer; an internal note
     * (staff only) changes nothing and is never shown or sent to the customer.
     */
    async post(actor: Actor, id: string, body: z.output<typeof TicketMessageBody>, meta: Meta): Promise<TicketView> {
      if (actor.role === 'BUYER') {
        if (body.internal) throw new DomainError('FORBIDDEN', 'only staff write internal notes', [{ field: 'body.internal', message: 'must be false: internal notes are for staff' }]);
        assertCompanyMayTrade(actor);
        return act(actor, id, ['CUSTOMER_REPLY'], { message: body, notice: { kind: 'tickets.customerReplied', to: 'STAFF' } }, meta);
      }
      if (body.internal) {
        const t = await load(actor, id);
        if (t.status === 'CLOSED') throw new DomainError('CONFLICT', 'a closed ticket takes no more notes');
        if (!(SERVICE_ROLES as readonly string[]).includes(actor.role)) throw new DomainError('FORBIDDEN', 'only the service staff write notes on tickets');
        return act(actor, id, [], { message: body }, meta);
      }
      const t = await load(actor, id);
      return act(actor, id, taking(t, 'REPLY'), { message: body, notice: { kind: 'tickets.replied', to: 'BUYER' } }, meta);
    },

    /** Gives the ticket to a member of the service staff (the caller by default). */
    async assign(actor: Actor, id: string, body: z.output<typeof AssignTicketBody>, meta: Meta): Promise<TicketView> {
      const t = await load(actor, id);
      const assigneeId = body.assigneeId ?? actor.userId;
      const who = await repo.findStaffUser(prisma, assigneeId);
      if (!who || who.status !== 'ACTIVE' || !(SERVICE_ROLES as readonly string[]).includes(who.role)) {
        throw validationError([{ field: 'body.assigneeId', message: 'is not an active member of the service staff (clerk, manager or finance)' }]);
      }
      return act(actor, id, [t.status === 'OPEN' ? 'ASSIGN' : 'REASSIGN'], { assigneeId, notice: { kind: 'tickets.assigned', to: 'ASSIGNEE' } }, meta);
    },

    /** Staff ask the customer for information: the ticket waits for them and its resolution timer pauses. */
    async requestInfo(actor: Actor, id: string, body: z.output<typeof TicketStepMessageBody>, meta: Meta): Promise<TicketView> {
      const t = await load(actor, id);
      return act(actor, id, taking(t, 'REQUEST_INFO'), { message: body, notice: { kind: 'tickets.infoRequested', to: 'BUYER' } }, meta);
    },

    /** Staff resolve the ticket with a final answer; the buyer is asked to rate it. */
    async resolve(actor: Actor, id: string, body: z.output<typeof TicketStepMessageBody>, meta: Meta): Promise<TicketView> {
      const t = await load(actor, id);
      return act(actor, id, taking(t, 'RESOLVE'), { message: body, notice: { kind: 'tickets.resolved', to: 'BUYER' } }, meta);
    },

    /** Closes a resolved ticket (the buyer, or staff); the other side is told. */
    async close(actor: Actor, id: string, meta: Meta): Promise<TicketView> {
      if (actor.role === 'BUYER') assertCompanyMayTrade(actor);
      return act(actor, id, ['CLOSE'], { notice: { kind: 'tickets.closed', to: actor.role === 'BUYER' ? 'STAFF' : 'BUYER' } }, meta);
    },

    /** The buyer rates the resolution (1–5, once per resolution); the assignee hears of it. */
    async rate(actor: Actor, id: string, body: z.output<typeof RateTicketBody>, meta: Meta): Promise<TicketView> {
      assertCompanyMayTrade(actor);
      const t = await load(actor, id);
      assertCanRate(t, actor, body.rating);
      const now = clock.now();
      await prisma.$transaction(async (tx) => {
        if (!(await repo.updateTicketIf(tx, t.id, t.status, { rating: body.rating, ratingComment: body.comment ?? null, ratedAt: now, updatedAt: now }))) {
          throw new DomainError('CONFLICT', 'the ticket changed meanwhile; reload it and try again');
        }
        await recordAudit(tx, {
          actorId: actor.userId, companyId: t.buyerCompanyId, action: 'ticket.rate', entityType: 'Ticket', entityId: t.id, requestId: meta.requestId,
          changes: { number: t.number, rating: body.rating, ...(t.rating !== null ? { previous: t.rating } : {}) },
        });
        await tell(tx, await staffSide(tx, t), 'tickets.rated', { number: t.number, company: t.buyerCompany.name, rating: body.rating, comment: body.comment ?? '' }, staffLink(t.id), now);
      });
      return toView((await repo.findTicket(prisma, t.id))!, actor);
    },

    /** For the home page: the SLA of tickets as of now (the provider reads these). */
    slaOf,
    summaries,
  };
}

export type TicketsService = ReturnType<typeof createTicketsService>;
