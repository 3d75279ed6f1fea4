import type { ActionItem, HomeFigure } from '@portal/schemas';
import { addDays, calendarDate, companyScope, currentActuals, isStaff, type Actor } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import * as repo from './shipments.repository.ts';
import { toEventRecord, trackerRow } from './shipments.service.ts';

/** How long a milestone stays on the buyer's home page. */
const RECENT_DAYS = 7;
/** A milestone expected within this many days is due soon for the clerk. */
const SOON_DAYS = 3;

/**
 * The shipments capability's part of the home pages. Buyers: `shipments.track`, a milestone that
 * happened in the last week on one of their shipments. Clerks (and their managers and admins):
 * `shipments.record`, a contract whose next milestone is overdue or due within three days, or a
 * confirmed contract with no shipment planned yet. Figure for everyone: `shipments.atSea`.
 */
export function createShipmentsHome(deps: { prisma: PrismaClient }) {
  const { prisma } = deps;
  return async (actor: Actor, now: Date): Promise<{ items: ActionItem[]; figures: HomeFigure[] }> => {
    const today = calendarDate(now);
    const staff = isStaff(actor.role);
    const contracts = await repo.findOpenContracts(prisma, companyScope(actor));
    const atSea = contracts.flatMap((c) => c.shipments).filter((s) => s.status === 'DEPARTED').length;
    const figures: HomeFigure[] = [{ key: 'shipments.atSea', count: atSea, link: staff ? '/staff/shipments' : '/portal/shipments' }];
    const items: ActionItem[] = [];
    if (!staff) {
      const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
      for (const c of contracts) {
        for (const s of c.shipments) {
          const recent = currentActuals(s.events.map(toEventRecord)).filter((e) => new Date(e.recordedAt) >= since).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)).at(-1);
          if (!recent) continue;
          items.push({
            id: `shipments.track:${s.id}`, capability: 'shipments', kind: 'shipments.track', urgency: 'WAITING',
            params: { contract: c.number, shipment: s.number, milestone: recent.milestone, date: recent.date, ...(s.vessel ? { vessel: s.vessel } : {}) },
            dueAt: null, since: recent.recordedAt, link: `/portal/contracts/${c.id}/tracking`,
          });
        }
      }
    } else if (['CLERK', 'MANAGER', 'ADMIN'].includes(actor.role)) {
      for (const c of contracts) {
        if (actor.role === 'CLERK' && c.inquiry.assignedClerkId && c.inquiry.assignedClerkId !== actor.userId) continue;
        const row = trackerRow(c, today);
        const next = row.nextMilestone;
        if (!next) continue;
        const soon = next.expected !== null && next.expected <= addDays(today, SOON_DAYS);
        const unplanned = c.shipments.length === 0;
        if (!next.overdue && !soon && !unplanned) continue;
        items.push({
          id: `shipments.record:${c.id}`, capability: 'shipments', kind: 'shipments.record', urgency: next.overdue ? 'OVERDUE' : soon ? 'DUE_SOON' : 'WAITING',
          params: { contract: c.number, company: c.buyerCompany.name, milestone: next.milestone, ...(next.expected ? { expected: next.expected } : {}), latestShipmentDate: row.latestShipmentDate },
          dueAt: next.expected ? new Date(`${next.expected}T00:00:00Z`).toISOString() : null,
          // Waiting since the last milestone, or (nothing recorded yet) since the buyer confirmed the contract.
          since: (row.lastEvent ? new Date(`${row.lastEvent.date}T00:00:00Z`) : c.confirmedAt ?? now).toISOString(),
          link: `/staff/contracts/${c.id}/execution`,
        });
      }
    }
    return { items, figures };
  };
}
