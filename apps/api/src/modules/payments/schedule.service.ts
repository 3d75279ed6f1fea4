import {
  Dec, businessCalendar, calendarDate, currencyScale, deriveSchedule, midnightUtc, openAmount, scheduleChanges, scheduleItemReference, scheduleItemStatus,
  type BusinessCalendar, type Instalment, type PlannedItem, type ScheduleLc, type ScheduleShipment,
} from '@portal/domain';
import type { Prisma } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/tx.ts';
import * as repo from './payments.repository.ts';

/**
 * The port to shipments: the facts of a contract's shipments that make schedule items due (B/L and
 * on-board dates, presentation, acceptance, invoice). `db` is the caller's open transaction when the
 * shipments service refreshes the schedule inside its own, so the facts include what it just wrote.
 */
export type ShipmentFacts = (contractId: string, db?: Db) => Promise<ScheduleShipment[]>;

/** Statuses whose contract has a binding schedule (confirmed by the buyer, not cancelled). */
const scheduled: ReadonlySet<string> = new Set(['CONFIRMED', 'IN_PRODUCTION', 'PARTIALLY_SHIPPED', 'SHIPPED', 'COMPLETED']);

const day = (d: Date | null) => (d ? calendarDate(d) : null);

/** An item's balance fields and status as of a date, after its amount or its ledger changed. */
export function balanceFields(item: { amount: string | Dec; paid: string | Dec; bankCharges: string | Dec; writtenOff: string | Dec; dueDate: string | null }, asOf: string) {
  const open = openAmount(item);
  return { openAmount: open.toFixed(2), isOpen: open.gt(0), status: scheduleItemStatus(item, asOf) };
}

/**
 * Payment schedules kept in step with their contracts: derived from the payment terms at
 * confirmation, re-derived after an amendment and whenever a shipment's dates change.
 */
export function createScheduleService(deps: {
  clock: Clock;
  shipmentFacts: ShipmentFacts;
  /** The calendar of the bank of presentation (finance keeps its holidays); weekends only without it. */
  bankCalendar?: (db: Db) => Promise<BusinessCalendar>;
}) {
  const { clock, shipmentFacts } = deps;

  return {
    /** Re-derives the schedules of the live contracts paid by letter of credit (after the bank calendar changed). */
    async refreshLcSchedules(tx: Db, actorId: string | null = null): Promise<number> {
      const ids = await repo.findLiveLcContractIds(tx);
      for (const id of ids) await this.refreshSchedule(tx, id, actorId);
      return ids.length;
    },

    /**
     * Brings the contract's schedule in step with its terms, amendments and shipments, inside the
     * caller's transaction: new items created (numbered, with their RF reference), known ones updated,
     * vanished unpaid ones dropped; money paid is never dropped: an item now below its payments is
     * recorded as over-paid in the audit for finance to reverse. Unconfirmed contracts have no schedule.
     */
    async refreshSchedule(tx: Db, contractId: string, actorId: string | null = null): Promise<{ created: number; updated: number; removed: number; overpaid: number }> {
      const c = await repo.findScheduleContract(tx, contractId);
      if (!c || !scheduled.has(c.status)) return { created: 0, updated: 0, removed: 0, overpaid: 0 };
      const shipments = await shipmentFacts(contractId, tx);
      const shippedValue = shipments.reduce((s, x) => s.plus(x.value), new Dec(0));
      const terms: Instalment[] = c.paymentTerms.map((t) => ({ method: t.method, percent: t.percent.toFixed(), trigger: t.trigger, days: t.days }));
      const lc: ScheduleLc | null = c.lcExpiryDate
        ? { expiryDate: calendarDate(c.lcExpiryDate), presentationDays: c.lcPresentationDays, latestShipmentDate: day(c.lcLatestShipmentDate), calendar: deps.bankCalendar ? await deps.bankCalendar(tx) : businessCalendar({ id: c.currency }) }
        : null;
      const planned = deriveSchedule(
        {
          number: c.number, currency: c.currency, total: c.totalAmount.toFixed(currencyScale(c.currency)), confirmedOn: day(c.confirmedAt),
          latestShipmentDate: calendarDate(c.latestShipmentDate), terms, fullyShipped: shipments.length > 0 && shippedValue.gte(c.totalAmount.toFixed()),
        },
        shipments,
        lc,
      );
      const stored = await repo.findItemsOfContract(tx, contractId);
      const byKey = new Map(stored.map((s) => [s.key, s]));
      const changes = scheduleChanges(stored.map((s) => ({ key: s.key, amount: s.amount.toFixed(), paid: s.paidAmount.toFixed() })), planned);
      const today = calendarDate(clock.now());
      const fields = (p: PlannedItem, paid: { paidAmount: Prisma.Decimal; bankCharges: Prisma.Decimal; writtenOff: Prisma.Decimal } | null) => ({
        termSeq: p.termSeq, shipmentId: p.shipmentId, method: p.method, trigger: p.trigger, days: p.days, description: p.description,
        dueDate: p.dueDate ? midnightUtc(p.dueDate) : null, presentBy: p.presentBy ? midnightUtc(p.presentBy) : null, amount: p.amount, currency: p.currency,
        ...balanceFields({ amount: p.amount, paid: paid?.paidAmount.toFixed() ?? '0', bankCharges: paid?.bankCharges.toFixed() ?? '0', writtenOff: paid?.writtenOff.toFixed() ?? '0', dueDate: p.dueDate }, today),
      });
      let seq = stored.reduce((m, s) => Math.max(m, s.seq), 0);
      for (const p of changes.create) {
        seq += 1;
        await repo.createItem(tx, { contractId, buyerCompanyId: c.buyerCompanyId, seq, key: p.key, reference: scheduleItemReference(c.number, seq), ...fields(p, null) });
      }
      let updated = 0;
      for (const p of changes.update) {
        const s = byKey.get(p.key)!;
        const next = fields(p, s);
        const same = s.amount.toFixed(2) === p.amount && day(s.dueDate) === p.dueDate && day(s.presentBy) === p.presentBy && s.description === p.description && s.shipmentId === p.shipmentId && s.status === next.status;
        if (same) continue;
        await repo.updateItem(tx, s.id, next);
        updated++;
      }
      // Vanished items with ledger entries (bank charges, write-offs) are kept at amount 0 rather than deleted.
      const removable = changes.remove.map((k) => byKey.get(k)!).filter((s) => s.bankCharges.isZero() && s.writtenOff.isZero());
      if (removable.length) await repo.deleteItems(tx, removable.map((s) => s.id));
      for (const o of changes.overpaid) {
        const s = byKey.get(o.key)!;
        if (!changes.update.some((p) => p.key === o.key)) await repo.updateItem(tx, s.id, { amount: '0', openAmount: '0', isOpen: false, status: 'PAID' });
      }
      const result = { created: changes.create.length, updated, removed: removable.length, overpaid: changes.overpaid.length };
      if (result.created + result.updated + result.removed + result.overpaid > 0) {
        await recordAudit(tx, {
          actorId, companyId: c.buyerCompanyId, action: 'payments.schedule.refresh', entityType: 'SalesContract', entityId: contractId,
          changes: { number: c.number, ...result, overpaidItems: changes.overpaid } as Prisma.InputJsonValue,
        });
      }
      return result;
    },
  };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;
