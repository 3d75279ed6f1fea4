import type { ActionItem, HomeFigure } from '@portal/schemas';
import { DEFAULT_TICKET_TARGETS, TEAM_ROLES, loadTimer, serviceCentreHours, ticketSla, ticketUrgency, type Actor, type TicketTeam, type WorkingHours } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import * as repo from './tickets.repository.ts';

/*
 * The service centre's part of each home page. Buyers: tickets waiting for their reply (staff asked
 * for information) or their rating (resolved, not rated for this resolution). Service staff: tickets
 * past or near a running target — a clerk's own and their teams' untaken ones, everything for a
 * manager — each linking to the ticket's workspace.
 */

/** The home page provider of the service centre (see apps/api/src/modules/home). */
export function createTicketsHome(deps: { prisma: PrismaClient; hours?: WorkingHours }) {
  const hours = deps.hours ?? serviceCentreHours();
  const slaOf = (t: repo.TicketSummaryRow, now: Date) =>
    ticketSla({ kind: t.kind, createdAt: t.createdAt, response: loadTimer(t.responseTimer), resolution: loadTimer(t.resolutionTimer) }, now, hours, DEFAULT_TICKET_TARGETS);

  return async function ticketsHome(actor: Actor, now: Date): Promise<{ items: ActionItem[]; figures: HomeFigure[] }> {
    if (actor.role === 'BUYER') {
      const rows = await repo.listTicketsAwaitingBuyer(deps.prisma, actor.companyId);
      const items = rows
        .filter((t) => t.status === 'WAITING_FOR_CUSTOMER' || !(t.ratedAt && t.resolvedAt && t.ratedAt >= t.resolvedAt))
        .map((t): ActionItem => {
          const kind = t.status === 'WAITING_FOR_CUSTOMER' ? 'tickets.reply' : 'tickets.rate';
          return { id: `${kind}:${t.id}`, capability: 'tickets', kind, urgency: 'WAITING', params: { number: t.number, subject: t.subject }, dueAt: null, since: t.updatedAt.toISOString(), link: `/portal/tickets/${t.id}` };
        });
      const open = await deps.prisma.ticket.count({ where: { buyerCompanyId: actor.companyId, status: { in: ['OPEN', 'ASSIGNED', 'WAITING_FOR_CUSTOMER'] } } });
      return { items, figures: [{ key: 'tickets.open', count: open, link: '/portal/tickets' }] };
    }
    if (actor.role === 'ADMIN') return { items: [], figures: [] };
    const teams = (Object.keys(TEAM_ROLES) as TicketTeam[]).filter((team) => TEAM_ROLES[team].includes(actor.role));
    const rows = (await repo.listActiveTickets(deps.prisma)).filter(
      (t) => actor.role === 'MANAGER' || t.assigneeId === actor.userId || (!t.assigneeId && teams.includes(t.team as TicketTeam)),
    );
    const items: ActionItem[] = [];
    for (const t of rows) {
      const sla = slaOf(t, now);
      const urgency = ticketUrgency(sla);
      if (!urgency) continue;
      const answering = !sla.response.stopped;
      const kind = answering ? 'tickets.respond' : 'tickets.resolve';
      const due = answering ? sla.response.dueAt : sla.resolution.dueAt;
      items.push({
        id: `${kind}:${t.id}`, capability: 'tickets', kind, urgency,
        params: { number: t.number, company: t.buyerCompany.name, subject: t.subject, ticketKind: t.kind, team: t.team },
        dueAt: due?.toISOString() ?? null, since: t.createdAt.toISOString(), link: `/staff/tickets/${t.id}`,
      });
    }
    return { items, figures: [{ key: 'tickets.open', count: rows.length, link: '/staff/tickets' }] };
  };
}

export type TicketsHome = ReturnType<typeof createTicketsHome>;
