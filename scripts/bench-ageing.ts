// `pnpm bench:ageing`: the ageing report over 1,000,000 schedule items of 2,000 customers on the
// PostgreSQL server. It creates a fresh database (dropped at the end), applies the migrations,
// generates the customers and the items in SQL, and times the report's own query (ageingRows, the
// one the API runs) as of today, several runs, in two shapes of the same million items:
//   (b) a lived-in ledger: 15 % of the items open, the rest paid (isOpen false);
//   (a) the worst case: every item open.
// What makes it fast: the covering index (isOpen, buyerCompanyId, currency, dueDate, openAmount),
// so the report is an index-only scan of the open items (after VACUUM sets the visibility map) with a
// hash aggregate; the open amount is kept on the item by the ledger's transactions (pre-aggregated per
// item), so no ledger rows are read. An as-of date in the past replays the ledger instead (timed once).
//
// The items' foreign key to contracts is dropped in this throw-away database: the report never reads
// contracts, and generating a million contracts' quotes and inquiries would only slow the set-up.
//
// Environment: BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres), BENCH_ITEMS
// (default 1000000), BENCH_CUSTOMERS (default 2000), BENCH_RUNS (default 7).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../packages/db/src/index.ts';
import { addDays, calendarDate } from '../packages/domain/src/index.ts';
import { ageingRows } from '../apps/api/src/modules/payments/ageing.service.ts';

const PG_URL = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 2_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const dbName = `bench_ageing_${process.pid}`;
const maintenance = await openDatabase({ kind: 'postgres', url: PG_URL, poolSize: 1 });
await maintenance.prisma.$executeRawUnsafe(`CREATE DATABASE ${dbName}`);
const url = new URL(PG_URL);
url.pathname = `/${dbName}`;
const db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;
try {
  await db.migrate();
  const p = db.prisma;
  const today = calendarDate(new Date());
  let t0 = performance.now();
  await p.$executeRawUnsafe(`ALTER TABLE "PaymentScheduleItem" DROP CONSTRAINT "PaymentScheduleItem_contractId_fkey"`);
  await p.$executeRawUnsafe(`
    INSERT INTO "Company" (id, kind, name, country, "addressLine1", city, status, "updatedAt")
    SELECT gen_random_uuid(), 'BUYER', 'Customer ' || lpad(g::text, 5, '0'), 'DE', 'Street 1', 'Hamburg', 'APPROVED', now()
    FROM generate_series(1, ${CUSTOMERS}) g`);
  await p.$executeRawUnsafe('VACUUM ANALYZE "Company"');
  const indexes = await p.$queryRawUnsafe<{ indexdef: string; indexname: string }[]>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'PaymentScheduleItem' AND indexname <> 'PaymentScheduleItem_pkey'`,
  );

  /** Loads the items afresh, `openPercent` of them open: a bulk load (indexes dropped, rows in, indexes built once, vacuumed). */
  const load = async (openPercent: number) => {
    const t = performance.now();
    await p.$executeRawUnsafe('TRUNCATE "PaymentScheduleItem" CASCADE');
    for (const i of indexes) await p.$executeRawUnsafe(`DROP INDEX IF EXISTS "${i.indexname}"`);
    // Per customer several contracts, three currencies, due dates from 200 days ago to 100 days ahead, some without one yet.
    await p.$executeRawUnsafe(`
      WITH c AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM "Company" WHERE kind = 'BUYER')
      INSERT INTO "PaymentScheduleItem" (id, "contractId", "buyerCompanyId", seq, key, "termSeq", method, trigger, days, description, "dueDate", amount, currency, reference, "paidAmount", "openAmount", "isOpen", status, "updatedAt")
      SELECT gen_random_uuid(), gen_random_uuid(), c.id, 1, '1', 1, 'TT', 'BL_COPY', 0, 'bench item',
        CASE WHEN g % 17 = 0 THEN NULL ELSE DATE '${today}' - ((g * 7919) % 300 - 100)::int END,
        amt, (ARRAY['USD','EUR','GBP'])[1 + g % 3], 'RF00B' || g,
        CASE WHEN open THEN 0 ELSE amt END, CASE WHEN open THEN amt ELSE 0 END, open, CASE WHEN open THEN 'DUE' ELSE 'PAID' END::"ScheduleItemStatus", now()
      FROM generate_series(1::bigint, ${ITEMS}) g
      JOIN c ON c.n = g % ${CUSTOMERS}
      CROSS JOIN LATERAL (SELECT round((100 + (g * 104729) % 90000)::numeric / 3, 2) AS amt, abs(hashint8(g)) % 100 < ${openPercent} AS open) a`);
    for (const i of indexes) await p.$executeRawUnsafe(i.indexdef);
    await p.$executeRawUnsafe('VACUUM ANALYZE "PaymentScheduleItem"');
    console.log(`loaded ${ITEMS.toLocaleString('en')} items of ${CUSTOMERS.toLocaleString('en')} customers, ${openPercent} % open, in ${ms(t)}`);
  };

  const time = async (label: string, asOf: string) => {
    await ageingRows(p, asOf, today); // warm
    const runs: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      rows = (await ageingRows(p, asOf, today)).length;
      runs.push(performance.now() - s);
    }
    runs.sort((a, b) => a - b);
    console.log(`${label} (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores): ${rows} rows (customer × currency); per run ${runs.map((r) => r.toFixed(0)).join(', ')} ms; median ${runs[Math.floor(runs.length / 2)]!.toFixed(0)} ms`);
  };
  const plan = async () => {
    const lines = await p.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN SELECT "buyerCompanyId", currency, "dueDate", "openAmount" FROM "PaymentScheduleItem" WHERE "isOpen"`);
    console.log(`    scan: ${lines.map((r) => r['QUERY PLAN'].trim()).filter((l) => /Scan/.test(l)).join(' | ')}`);
  };

  t0 = performance.now();
  await load(15);
  await time('(b) 15 % open, as of today', today);
  await time('(b) 15 % open, as of in 60 days', addDays(today, 60));
  await plan();
  await load(100);
  await time('(a) every item open, as of today', today);
  await plan();
  console.log(`total ${ms(t0)}`);
} finally {
  await db.close();
  await maintenance.prisma.$executeRawUnsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await maintenance.close();
}
