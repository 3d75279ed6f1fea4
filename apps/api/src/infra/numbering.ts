import type { Db } from './tx.ts';

/**
 * The next document number of a series in a year, e.g. PI-2026-000123. Gapless and safe under
 * concurrency: one atomic upsert-increment per number, inside the caller's transaction.
 */
export async function nextDocumentNumber(db: Db, series: 'INQ' | 'PI' | 'SC' | 'SHP' | 'CLM' | 'TKT', at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const row = await db.numberSequence.upsert({
    where: { series_year: { series, year } },
    create: { series, year, value: 1 },
    update: { value: { increment: 1 } },
    select: { value: true },
  });
  return `${series}-${year}-${String(row.value).padStart(6, '0')}`;
}
