import { Dec, DomainError, assertVisibleTo, calendarDate, creditExposure, currencyScale, daysBetween, formatCreditorReference, scheduleItemStatus, type Actor } from '@portal/domain';
import type { Prisma, PrismaClient } from '@portal/db';
import type { CurrencySummary, CustomerCollectionsView, ExposureView, PaymentPageView, ScheduleItemView, z, CreditLimitBody, ReceivablesQuery } from '@portal/schemas';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import type { FinanceSettingsService } from './finance-settings.service.ts';
import * as repo from './payments.repository.ts';

const day = (d: Date | null) => (d ? calendarDate(d) : null);
const m = (amount: Prisma.Decimal | Dec | string, currency: string) => ({ amount: new Dec(amount.toString()).toFixed(currencyScale(currency)), currency });

/** A stored item as the API shows it, its status as of a date. */
export function toItemView(i: repo.ItemRow, asOf: string): ScheduleItemView {
  const due = day(i.dueDate);
  const balance = { amount: i.amount.toFixed(), paid: i.paidAmount.toFixed(), bankCharges: i.bankCharges.toFixed(), writtenOff: i.writtenOff.toFixed(), dueDate: due };
  const status = scheduleItemStatus(balance, asOf);
  return {
    id: i.id, contractId: i.contractId, contractNumber: i.contract.number, customer: i.contract.buyerCompany, seq: i.seq, method: i.method, trigger: i.trigger, description: i.description,
    dueDate: due, presentBy: day(i.presentBy), amount: m(i.amount, i.currency), paid: m(i.paidAmount, i.currency), bankCharges: m(i.bankCharges, i.currency),
    writtenOff: m(i.writtenOff, i.currency), open: m(i.openAmount, i.currency), status, daysOverdue: status === 'OVERDUE' && due ? daysBetween(due, asOf) : 0,
    reference: formatCreditorReference(i.reference), dunningLevel: i.dunningLevel,
  };
}

/** Per currency: scheduled (all), due (open with a due date reached or near), paid, overdue, open, and the next due date and amount. */
export function summarise(items: readonly ScheduleItemView[], asOf: string): CurrencySummary[] {
  const by = new Map<string, ScheduleItemView[]>();
  for (const i of items) by.set(i.amount.currency, [...(by.get(i.amount.currency) ?? []), i]);
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, list]) => {
    const scale = currencyScale(currency);
    const sum = (f: (i: ScheduleItemView) => string | null) => list.reduce((s, i) => s.plus(f(i) ?? 0), new Dec(0)).toFixed(scale);
    const next = list.filter((i) => i.dueDate && i.dueDate >= asOf && new Dec(i.open.amount).gt(0)).sort((a, b) => a.dueDate!.localeCompare(b.dueDate!))[0];
    return {
      currency,
      scheduled: sum((i) => i.amount.amount),
      due: sum((i) => (i.dueDate && new Dec(i.open.amount).gt(0) ? i.open.amount : null)),
      paid: sum((i) => i.paid.amount),
      overdue: sum((i) => (i.status === 'OVERDUE' ? i.open.amount : null)),
      open: sum((i) => i.open.amount),
      nextDueDate: next?.dueDate ?? null,
      nextDueAmount: next ? list.filter((i) => i.dueDate === next.dueDate).reduce((s, i) => s.plus(i.open.amount), new Dec(0)).toFixed(scale) : null,
    };
  });
}

/** What buyers and staff read of collections: the payment page, receivables, customers' standing, credit exposure and limits. */
export function createPaymentsService(deps: { prisma: PrismaClient; clock: Clock; settings: FinanceSettingsService }) {
  const { prisma, clock, settings } = deps;
  const today = () => calendarDate(clock.now());

  return {
    /**
     * The payment page: per contract (contractId) or across the company's contracts, per currency —
     * scheduled, due, paid, overdue, next due — each item with its RF reference, the bank details,
     * what was received and when, and the customer's credit. Buyers see their own company only.
     */
    async paymentPage(actor: Actor, target: { contractId?: string; companyId?: string }): Promise<PaymentPageView> {
      const asOf = today();
      let companyId: string;
      let contract: PaymentPageView['contract'] = null;
      if (target.contractId) {
        const c = await repo.findContractBrief(prisma, target.contractId);
        if (!c) throw new DomainError('NOT_FOUND', 'contract not found');
        assertVisibleTo(actor, c.buyerCompanyId, 'contract');
        companyId = c.buyerCompanyId;
        contract = { id: c.id, number: c.number, paymentTerms: c.paymentTermsText };
      } else {
        companyId = actor.role === 'BUYER' ? actor.companyId : (target.companyId ?? '');
        if (!companyId) throw new DomainError('VALIDATION', 'whose payment page', [{ field: 'querystring.companyId', message: 'is required for staff' }]);
        assertVisibleTo(actor, companyId, 'company');
      }
      const company = await repo.findCompany(prisma, companyId);
      if (!company) throw new DomainError('NOT_FOUND', 'company not found');
      const rows = await repo.findItems(prisma, contract ? { contractId: contract.id } : { buyerCompanyId: companyId }, 1000);
      const items = rows.map((i) => toItemView(i, asOf));
      const receipts = await repo.listReceipts(prisma, contract ? { entries: { some: { item: { contractId: contract.id } } } } : { buyerCompanyId: companyId }, 100);
      return {
        company: { id: company.id, name: company.name },
        contract,
        summaries: summarise(items, asOf),
        items,
        received: receipts.map((r) => ({
          id: r.id, valueDate: calendarDate(r.valueDate), amount: m(r.amount, r.currency), allocated: m(r.allocated, r.currency), bankReference: r.bankReference,
          contractNumbers: [...new Set(r.entries.map((e) => e.item.contract.number))],
        })),
        credit: (await repo.creditOf(prisma, companyId)).map((c) => m(c.credit, c.currency)),
        bankDetails: await settings.bankDetails(),
        asOf,
      };
    },

    /** Open (or overdue, or all) items across customers, for finance. */
    async receivables(query: z.output<typeof ReceivablesQuery>): Promise<ScheduleItemView[]> {
      const asOf = today();
      const where: Prisma.PaymentScheduleItemWhereInput = {
        ...(query.companyId ? { buyerCompanyId: query.companyId } : {}),
        ...(query.currency ? { currency: query.currency } : {}),
        ...(query.status === 'ALL' ? {} : { isOpen: true }),
        ...(query.status === 'OVERDUE' ? { dueDate: { lt: new Date(`${asOf}T00:00:00Z`) } } : {}),
      };
      return (await repo.findItems(prisma, where, 500)).map((i) => toItemView(i, asOf));
    },

    /** Buyer companies with their credit, open and overdue amounts, last notice and dunning pause. */
    async customers(): Promise<CustomerCollectionsView[]> {
      const asOf = today();
      const [companies, pauses, notices, open] = await Promise.all([
        repo.listBuyerCompanies(prisma),
        repo.activePauses(prisma),
        repo.lastNotices(prisma),
        prisma.paymentScheduleItem.groupBy({ by: ['buyerCompanyId', 'currency'], where: { isOpen: true }, _sum: { openAmount: true } }),
      ]);
      const overdue = await prisma.paymentScheduleItem.groupBy({ by: ['buyerCompanyId', 'currency'], where: { isOpen: true, dueDate: { lt: new Date(`${asOf}T00:00:00Z`) } }, _sum: { openAmount: true } });
      const pausers = new Map((await prisma.user.findMany({ where: { id: { in: pauses.map((p) => p.pausedById) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
      return companies.map((c) => {
        const p = pauses.find((x) => x.buyerCompanyId === c.id);
        const n = notices.find((x) => x.buyerCompanyId === c.id);
        return {
          id: c.id, name: c.name, country: c.country,
          creditLimit: c.creditLimit && c.creditLimitCurrency ? m(c.creditLimit, c.creditLimitCurrency) : null,
          creditTermsDays: c.creditTermsDays,
          pause: p ? { reason: p.reason, pausedAt: p.pausedAt.toISOString(), pausedBy: pausers.get(p.pausedById) ?? '' } : null,
          lastNotice: n ? { kind: n.kind, level: n.level, sentAt: n.sentAt.toISOString(), contractNumber: n.number } : null,
          open: open.filter((o) => o.buyerCompanyId === c.id).map((o) => m(o._sum.openAmount ?? '0', o.currency)),
          overdue: overdue.filter((o) => o.buyerCompanyId === c.id).map((o) => m(o._sum.openAmount ?? '0', o.currency)),
        };
      });
    },

    /**
     * The customer's credit exposure (open receivables + open contract value not yet invoiced) in the
     * limit's currency, and how a proposed contract stands against the limit (rates: the newest stored).
     */
    async exposure(companyId: string, proposed: { amount?: string | undefined; currency?: string | undefined }): Promise<ExposureView> {
      const c = await repo.findCompany(prisma, companyId);
      if (!c || c.kind !== 'BUYER') throw new DomainError('NOT_FOUND', 'customer not found');
      const [items, unscheduled] = await Promise.all([repo.openItemsOfCompany(prisma, companyId), repo.unscheduledContracts(prisma, companyId)]);
      const limit = c.creditLimit && c.creditLimitCurrency ? { amount: c.creditLimit.toFixed(2), currency: c.creditLimitCurrency } : null;
      const target = limit?.currency ?? proposed.currency ?? 'USD';
      // Units of the target for one unit of each currency: direct quotes, else the inverse of the reverse quote.
      const rates: Record<string, string> = {};
      for (const r of await repo.latestRatesFrom(prisma, target)) if (!r.rate.isZero()) rates[r.quote] = new Dec(1).div(r.rate.toFixed()).toFixed(10);
      for (const r of await repo.latestRates(prisma, target)) rates[r.base] = r.rate.toFixed();
      try {
        const e = creditExposure({
          limit,
          items: items.map((i) => ({ currency: i.currency, open: i.openAmount.toFixed(), dueDate: day(i.dueDate) })),
          unscheduled: unscheduled.map((u) => ({ currency: u.currency, amount: u.totalAmount.toFixed() })),
          proposed: proposed.amount && proposed.currency ? { amount: proposed.amount, currency: proposed.currency } : null,
          rates,
        });
        return { companyId, ...e };
      } catch (err) {
        if (err instanceof DomainError && err.code === 'VALIDATION') throw new DomainError('CONFLICT', `${err.message}: record the exchange rate first`);
        throw err;
      }
    },

    /** Sets (or clears) a customer's credit limit and terms, audited. */
    async setCredit(actor: Actor, companyId: string, body: z.output<typeof CreditLimitBody>, meta: { requestId?: string }) {
      const c = await repo.findCompany(prisma, companyId);
      if (!c || c.kind !== 'BUYER') throw new DomainError('NOT_FOUND', 'customer not found');
      if (body.limit && new Dec(body.limit.amount).lt(0)) throw new DomainError('VALIDATION', 'negative credit limit', [{ field: 'body.limit.amount', message: 'must not be negative' }]);
      await prisma.$transaction(async (tx) => {
        await repo.updateCredit(tx, companyId, { creditLimit: body.limit?.amount ?? null, creditLimitCurrency: body.limit?.currency ?? null, creditTermsDays: body.creditTermsDays });
        await recordAudit(tx, {
          actorId: actor.userId, companyId, action: 'payments.creditLimit', entityType: 'Company', entityId: companyId, requestId: meta.requestId,
          changes: { from: { limit: c.creditLimit?.toFixed(2) ?? null, currency: c.creditLimitCurrency, days: c.creditTermsDays }, to: { limit: body.limit?.amount ?? null, currency: body.limit?.currency ?? null, days: body.creditTermsDays } },
        });
      });
      return this.exposure(companyId, {});
    },
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
