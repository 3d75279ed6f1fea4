import { BANK_PAID_METHODS, addDays, calendarDate, formatCreditorReference, midnightUtc, noticesDue, DomainError, type Actor } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import { isUniqueViolation } from '../../infra/tx.ts';
import type { FinanceSettingsService } from './finance-settings.service.ts';
import * as repo from './payments.repository.ts';
import { tellReaders } from './payments.tell.ts';

/** How often the notice run looks for reminders and dunning letters to send. */
export const DUNNING_INTERVAL_MS = 60 * 60_000;

/**
 * Reminders before due dates and dunning letters for overdue items, at the levels finance sets, each
 * once per item and level (a unique row per item, kind and level: a repeated or concurrent run sends
 * nothing twice), in the buyer's language through the outbox; paused customers are skipped.
 */
export function createDunningService(deps: { prisma: PrismaClient; clock: Clock; publicUrl: string; settings: FinanceSettingsService }) {
  const { prisma, clock, publicUrl, settings } = deps;

  return {
    /** One run as of today: what it sent. */
    async run(): Promise<{ reminders: number; dunning: number; asOf: string }> {
      const now = clock.now();
      const asOf = calendarDate(now);
      const policy = await settings.get();
      // L/C drawings are the bank's to pay, against our documents: nothing to remind or dun the buyer of.
      const items = await repo.itemsForNotices(prisma, midnightUtc(addDays(asOf, policy.reminderDaysBefore)), BANK_PAID_METHODS);
      const paused = new Set((await repo.activePauses(prisma)).map((p) => p.buyerCompanyId));
      const byId = new Map(items.map((i) => [i.id, i]));
      const due = noticesDue(
        items.map((i) => ({
          id: i.id, customerId: i.buyerCompanyId, open: i.openAmount.toFixed(), dueDate: i.dueDate ? calendarDate(i.dueDate) : null,
          reminderSent: i.dunning.some((n) => n.kind === 'REMINDER'), levelsSent: i.dunning.filter((n) => n.kind === 'DUNNING').map((n) => n.level),
        })),
        policy,
        asOf,
        paused,
      );
      const sent = { reminders: 0, dunning: 0, asOf };
      for (const n of due) {
        const item = byId.get(n.itemId)!;
        try {
          await prisma.$transaction(async (tx) => {
            await repo.createNotice(tx, { scheduleItemId: item.id, kind: n.kind, level: n.level ?? 0, daysOverdue: Math.max(0, n.daysOverdue), sentAt: now });
            await repo.updateItem(tx, item.id, n.kind === 'REMINDER' ? { reminderSentAt: now } : { dunningLevel: n.level ?? 0 });
            await recordAudit(tx, {
              actorId: null, companyId: item.buyerCompanyId, action: n.kind === 'REMINDER' ? 'payments.reminder' : 'payments.dunning', entityType: 'PaymentScheduleItem', entityId: item.id,
              changes: { contract: item.contract.number, level: n.level, dueDate: n.dueDate, daysOverdue: n.daysOverdue, open: item.openAmount.toFixed(2), currency: item.currency },
            });
            await tellReaders(tx, await repo.buyerReaders(tx, item.buyerCompanyId), n.kind === 'REMINDER' ? 'payments.reminder' : 'payments.dunning', {
              contract: item.contract.number, description: item.description, amount: { amount: item.openAmount.toFixed(2), currency: item.currency }, dueDate: new Date(`${n.dueDate}T00:00:00Z`),
              reference: formatCreditorReference(item.reference), level: n.level ?? 0, days: n.daysOverdue,
            }, `/portal/payments?contract=${item.contractId}`, { publicUrl, now });
          });
          if (n.kind === 'REMINDER') sent.reminders++;
          else sent.dunning++;
        } catch (err) {
          // Another run booked this notice first: it is sent once, by that run.
          if (!isUniqueViolation(err)) throw err;
        }
      }
      return sent;
    },

    /** Finance pauses dunning for a customer, with the reason (audited). */
    async pause(actor: Actor, companyId: string, reason: string, meta: { requestId?: string }): Promise<void> {
      const c = await repo.findCompany(prisma, companyId);
      if (!c || c.kind !== 'BUYER') throw new DomainError('NOT_FOUND', 'customer not found');
      if ((await repo.activePauses(prisma, [companyId])).length > 0) throw new DomainError('CONFLICT', 'dunning is already paused for this customer');
      await prisma.$transaction(async (tx) => {
        await repo.createPause(tx, { buyerCompanyId: companyId, reason, pausedById: actor.userId, pausedAt: clock.now() });
        await recordAudit(tx, { actorId: actor.userId, companyId, action: 'payments.dunning.pause', entityType: 'Company', entityId: companyId, requestId: meta.requestId, changes: { reason } });
      });
    },

    /** Finance resumes dunning for a customer. */
    async resume(actor: Actor, companyId: string, meta: { requestId?: string }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const { count } = await repo.endPauses(tx, companyId, { resumedById: actor.userId, resumedAt: clock.now() });
        if (count === 0) throw new DomainError('CONFLICT', 'dunning is not paused for this customer');
        await recordAudit(tx, { actorId: actor.userId, companyId, action: 'payments.dunning.resume', entityType: 'Company', entityId: companyId, requestId: meta.requestId });
      });
    },
  };
}

export type DunningService = ReturnType<typeof createDunningService>;

/** Runs the notice job every interval until stopped (server.ts starts it; tests call run() directly). */
export function createDunningJob(dunning: DunningService, log: { error(obj: unknown, msg: string): void }, intervalMs = DUNNING_INTERVAL_MS) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = dunning.run().catch((err) => log.error({ err }, 'dunning run failed')).finally(() => (running = null));
  };
  return {
    start() {
      if (timer) return;
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
