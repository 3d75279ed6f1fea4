import type { ActionItem, ActionUrgency, HomeFigure, HomeView } from '@portal/schemas';
import type { Actor } from '@portal/domain';
import type { Clock } from '../../infra/clock.ts';

/**
 * What one capability puts on a user's home page: the items waiting for this user and figures of
 * their open business. Each capability exports one from `<feature>.home.ts`, built by a factory
 * taking what it reads; it answers for the roles it concerns and nothing for the others.
 */
export type HomeProvider = (actor: Actor, now: Date) => Promise<{ items: ActionItem[]; figures: HomeFigure[] }>;

/** At most this many items go out; `totals` still counts every item per kind. */
export const HOME_ITEM_LIMIT = 50;

const rank: Record<ActionUrgency, number> = { OVERDUE: 0, DUE_SOON: 1, WAITING: 2 };

/** Most urgent first: OVERDUE, DUE_SOON, WAITING; within each the earliest due, then the oldest, then by id (stable). */
export function compareItems(a: ActionItem, b: ActionItem): number {
  return (
    rank[a.urgency] - rank[b.urgency]
    || (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff')
    || a.since.localeCompare(b.since)
    || a.id.localeCompare(b.id)
  );
}

/** How pressing an item with a target is: past it, within `horizonMs` of it, or waiting. */
export function urgencyOf(dueAt: Date | null, now: Date, horizonMs: number): ActionUrgency {
  if (!dueAt) return 'WAITING';
  if (dueAt.getTime() < now.getTime()) return 'OVERDUE';
  return dueAt.getTime() - now.getTime() <= horizonMs ? 'DUE_SOON' : 'WAITING';
}

/** The home page of each role: one work queue from every capability's provider, and the figures. */
export function createHomeService(deps: { clock: Clock; providers: readonly HomeProvider[] }) {
  return {
    /** The signed-in user's work queue (most urgent first, cut to the limit) and figures. */
    async get(actor: Actor): Promise<HomeView> {
      const now = deps.clock.now();
      const parts = await Promise.all(deps.providers.map((provide) => provide(actor, now)));
      const items = parts.flatMap((p) => p.items).sort(compareItems);
      const totals: Record<string, number> = {};
      for (const item of items) totals[item.kind] = (totals[item.kind] ?? 0) + 1;
      return { items: items.slice(0, HOME_ITEM_LIMIT), totals, figures: parts.flatMap((p) => p.figures) };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
