import type { Db } from '../../infra/tx.ts';

export function listPorts(db: Db) {
  return db.port.findMany({ orderBy: [{ country: 'asc' }, { name: 'asc' }], select: { code: true, name: true, country: true, kind: true } });
}

/** The latest bank buying rate of each currency against CNY. */
export async function latestBuyingRates(db: Db) {
  const rows = await db.exchangeRate.findMany({ where: { kind: 'BUYING', quote: 'CNY' }, orderBy: { validOn: 'desc' }, select: { base: true, quote: true, rate: true, validOn: true } });
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.base) && seen.add(r.base));
}
