import { BANK_PAID_METHODS, addDays, calendarDate, daysBetween, formatCreditorReference, midnightUtc, type Actor } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import type { ActionItem, HomeFigure } from '@portal/schemas';
import * as repo from './payments.repository.ts';

/** Items due within this many days show on the buyer's home page as "due soon". */
export const PAY_SOON_DAYS = 7;

/**
 * The payments provider of the home pages: buyers — items to pay (due soon or overdue); finance —
 * receipts and statement lines to allocate, customers to chase, the overdue amounts per currency.
 */
export function createPaymentsHome(deps: { prisma: PrismaClient }) {
  const { prisma } = deps;

  return async function paymentsHome(actor: Actor, now: Date): Promise<{ items: ActionItem[]; figures: HomeFigure[] }> {
    const today = calendarDate(now);
    const items: ActionItem[] = [];
    const figures: HomeFigure[] = [];

    if (actor.role === 'BUYER') {
      // L/C drawings are paid by the bank under the credit, not by the buyer: no "to pay" item for them.
      const due = await repo.findItems(prisma, { buyerCompanyId: actor.companyId, isOpen: true, method: { notIn: [...BANK_PAID_METHODS] }, dueDate: { not: null, lte: midnightUtc(addDays(today, PAY_SOON_DAYS)) } }, 50);
      for (const i of due) {
        const dueDate = calendarDate(i.dueDate!);
        items.push({
          id: `payments.pay:${i.id}`, capability: 'payments', kind: 'payments.pay', urgency: dueDate < today ? 'OVERDUE' : 'DUE_SOON',
          params: { contract: i.contract.number, amount: i.openAmount.toFixed(2), currency: i.currency, dueDate, reference: formatCreditorReference(i.reference), daysOverdue: Math.max(0, daysBetween(dueDate, today)) },
          dueAt: midnightUtc(addDays(dueDate, 1)).toISOString(), since: i.createdAt.toISOString(), link: `/portal/payments?contract=${i.contractId}`,
        });
      }
      return { items, figures };
    }

    if (actor.role === 'FINANCE' || actor.role === 'ADMIN' || actor.role === 'MANAGER') {
      const overdue = await prisma.paymentScheduleItem.groupBy({
        by: ['buyerCompanyId', 'currency'], where: { isOpen: true, dueDate: { lt: midnightUtc(today) } }, _sum: { openAmount: true }, _min: { dueDate: true }, _count: { _all: true },
      });
      const sums = await prisma.paymentScheduleItem.groupBy({ by: ['currency'], where: { isOpen: true, dueDate: { lt: midnightUtc(today) } }, _sum: { openAmount: true }, _count: { _all: true } });
      figures.push({
        key: 'payments.overdue', count: sums.reduce((n, s) => n + s._count._all, 0),
        amounts: sums.map((s) => ({ amount: (s._sum.openAmount ?? 0).toFixed(2), currency: s.currency })), link: '/staff/payments/ageing',
      });
      if (actor.role === 'MANAGER') return { items, figures };
      const names = new Map((await repo.findCompanies(prisma, [...new Set(overdue.map((o) => o.buyerCompanyId))])).map((c) => [c.id, c.name]));
      for (const o of overdue) {
        const oldest = calendarDate(o._min.dueDate!);
        items.push({
          id: `payments.chase:${o.buyerCompanyId}:${o.currency}`, capability: 'payments', kind: 'payments.chase', urgency: 'OVERDUE',
          params: { company: names.get(o.buyerCompanyId) ?? '', amount: (o._sum.openAmount ?? 0).toFixed(2), currency: o.currency, items: o._count._all, daysOverdue: daysBetween(oldest, today) },
          dueAt: midnightUtc(oldest).toISOString(), since: midnightUtc(oldest).toISOString(), link: `/staff/payments/ageing?companyId=${o.buyerCompanyId}&currency=${o.currency}`,
        });
      }
      const [lines, receipts] = await Promise.all([repo.countProposedLines(prisma), repo.countUnallocatedReceipts(prisma)]);
      const imports = lines > 0 ? await repo.listImports(prisma) : [];
      for (const imp of imports.filter((i) => i._count.lines > 0)) {
        items.push({
          id: `payments.allocate:${imp.id}`, capability: 'payments', kind: 'payments.allocate', urgency: 'WAITING',
          params: { source: 'statement', lines: imp._count.lines, file: imp.fileName }, dueAt: null, since: imp.createdAt.toISOString(), link: `/staff/payments/statements/${imp.id}`,
        });
      }
      const unallocated = Number(receipts[0]?.n ?? 0);
      // Receipts are allocated in the receipts section of the receivables page (there is no page of receipts alone).
      if (unallocated > 0) {
        items.push({
          id: 'payments.allocate:receipts', capability: 'payments', kind: 'payments.allocate', urgency: 'WAITING',
          params: { source: 'receipts', receipts: unallocated }, dueAt: null, since: (receipts[0]?.oldest ?? now).toISOString(), link: '/staff/payments#receipts',
        });
      }
    }
    return { items, figures };
  };
}

export type PaymentsHome = ReturnType<typeof createPaymentsHome>;
