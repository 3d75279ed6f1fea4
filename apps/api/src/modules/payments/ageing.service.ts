import { Prisma, type PrismaClient } from '@portal/db';
import { Dec, addDays, ageingBucket, ageingBuckets, calendarDate, currencyScale, daysBetween, formatCreditorReference, midnightUtc, type AgeingBucket } from '@portal/domain';
import type { AgeingView, z, AgeingItemView } from '@portal/schemas';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/tx.ts';
import * as repo from './payments.repository.ts';

type Row = { customerId: string; name: string; currency: string; not_due: Prisma.Decimal; d1: Prisma.Decimal; d31: Prisma.Decimal; d61: Prisma.Decimal; d91: Prisma.Decimal; items: bigint };

/**
 * The ageing of open items by customer and currency, in one SQL aggregation. As of today (or later)
 * it reads the kept open amounts of open items only, through the covering index
 * (isOpen, buyerCompanyId, currency, dueDate, openAmount): an index-only scan, no table access. As of
 * an earlier date it replays the ledger up to that day (items that existed then, less what was booked
 * on them by then), which reads the whole ledger and is slower.
 */
export function ageingRows(db: Db, asOf: string, today: string, currency?: string) {
  const d = Prisma.sql`${asOf}::date`;
  const openItems =
    asOf >= today
      ? Prisma.sql`SELECT "buyerCompanyId" AS cid, currency, "dueDate" AS due, "openAmount" AS open FROM "PaymentScheduleItem" WHERE "isOpen" ${currency ? Prisma.sql`AND currency = ${currency}` : Prisma.empty}`
      : Prisma.sql`SELECT i."buyerCompanyId" AS cid, i.currency, i."dueDate" AS due,
            i.amount - COALESCE((SELECT SUM(e.amount) FROM "LedgerEntry" e WHERE e."itemId" = i.id AND e."createdAt" < ${midnightUtc(addDays(asOf, 1))}), 0) AS open
          FROM "PaymentScheduleItem" i WHERE i."createdAt" < ${midnightUtc(addDays(asOf, 1))} ${currency ? Prisma.sql`AND i.currency = ${currency}` : Prisma.empty}`;
  // One numeric sum per row (into its bucket), then the buckets pivoted over the few grouped rows.
  return db.$queryRaw<Row[]>`
    WITH o AS (${openItems}),
    b AS (
      SELECT cid, currency,
        CASE WHEN due IS NULL OR due >= ${d} THEN 0 WHEN ${d} - due <= 30 THEN 1 WHEN ${d} - due <= 60 THEN 2 WHEN ${d} - due <= 90 THEN 3 ELSE 4 END AS k,
        SUM(open) AS s, COUNT(*) AS n
      FROM o WHERE open > 0 GROUP BY 1, 2, 3
    ),
    a AS (
      SELECT cid, currency,
        SUM(s) FILTER (WHERE k = 0) AS not_due, SUM(s) FILTER (WHERE k = 1) AS d1, SUM(s) FILTER (WHERE k = 2) AS d31,
        SUM(s) FILTER (WHERE k = 3) AS d61, SUM(s) FILTER (WHERE k = 4) AS d91, SUM(n)::bigint AS items
      FROM b GROUP BY cid, currency
    )
    SELECT a.cid AS "customerId", c.name, a.currency, a.not_due, a.d1, a.d31, a.d61, a.d91, a.items
    FROM a JOIN "Company" c ON c.id = a.cid ORDER BY c.name, a.currency`;
}

const fix = (v: Prisma.Decimal | null, currency: string) => new Dec(v?.toFixed() ?? '0').toFixed(currencyScale(currency));

/** The ageing report as of a date (today by default), its totals per currency, drill-down to items, and CSV. */
export function createAgeingService(deps: { prisma: PrismaClient; clock: Clock }) {
  const { prisma, clock } = deps;
  const today = () => calendarDate(clock.now());

  async function report(query: { asOf?: string | undefined; currency?: string | undefined }): Promise<AgeingView> {
    const asOf = query.asOf ?? today();
    const rows = (await ageingRows(prisma, asOf, today(), query.currency)).map((r) => {
      const buckets = { NOT_DUE: fix(r.not_due, r.currency), DAYS_1_30: fix(r.d1, r.currency), DAYS_31_60: fix(r.d31, r.currency), DAYS_61_90: fix(r.d61, r.currency), OVER_90: fix(r.d91, r.currency) };
      const total = ageingBuckets.reduce((s, b) => s.plus(buckets[b]), new Dec(0)).toFixed(currencyScale(r.currency));
      return { customer: { id: r.customerId, name: r.name }, currency: r.currency, buckets, total, items: Number(r.items) };
    });
    const totals = new Map<string, { buckets: Record<AgeingBucket, Dec>; items: number }>();
    for (const r of rows) {
      const t = totals.get(r.currency) ?? { buckets: Object.fromEntries(ageingBuckets.map((b) => [b, new Dec(0)])) as Record<AgeingBucket, Dec>, items: 0 };
      for (const b of ageingBuckets) t.buckets[b] = t.buckets[b].plus(r.buckets[b]);
      t.items += r.items;
      totals.set(r.currency, t);
    }
    return {
      asOf,
      rows,
      totals: [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, t]) => {
        const scale = currencyScale(currency);
        return {
          currency, items: t.items,
          buckets: Object.fromEntries(ageingBuckets.map((b) => [b, t.buckets[b].toFixed(scale)])) as Record<AgeingBucket, string>,
          total: ageingBuckets.reduce((s, b) => s.plus(t.buckets[b]), new Dec(0)).toFixed(scale),
        };
      }),
    };
  }

  return {
    report,

    /** The open items behind one cell of the report (as of today: their open amounts now). */
    async items(query: { asOf?: string | undefined; currency: string; companyId: string; bucket?: AgeingBucket | undefined }): Promise<z.infer<typeof AgeingItemView>[]> {
      const asOf = query.asOf ?? today();
      const items = await repo.findItems(prisma, { buyerCompanyId: query.companyId, currency: query.currency, isOpen: true }, 2000);
      return items
        .map((i) => {
          const due = i.dueDate ? calendarDate(i.dueDate) : null;
          return {
            id: i.id, contractId: i.contractId, contractNumber: i.contract.number, reference: formatCreditorReference(i.reference), description: i.description, dueDate: due,
            daysOverdue: due ? Math.max(0, daysBetween(due, asOf)) : 0, bucket: ageingBucket(due, asOf), open: { amount: i.openAmount.toFixed(2), currency: i.currency },
          };
        })
        .filter((i) => !query.bucket || i.bucket === query.bucket);
    },

    /** The report as CSV (one line per customer and currency; amounts as plain decimals). */
    async csv(query: { asOf?: string | undefined; currency?: string | undefined }): Promise<string> {
      const r = await report(query);
      const cell = (v: string) => (/[",\n;]/.test(v) || /^[=+\-@]/.test(v) ? `"${v.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : v);
      const head = ['customer', 'currency', 'not_due', 'days_1_30', 'days_31_60', 'days_61_90', 'over_90', 'total', 'items'];
      const lines = r.rows.map((x) => [cell(x.customer.name), x.currency, ...ageingBuckets.map((b) => x.buckets[b]), x.total, String(x.items)].join(','));
      return `${[head.join(','), ...lines].join('\r\n')}\r\n`;
    },
  };
}

export type AgeingService = ReturnType<typeof createAgeingService>;
