import type { Prisma } from '@portal/db';
import type { Db } from '../../infra/tx.ts';

/** The columns a sheet's input is read back from (see inputOf), with its result. */
export const sheetInputSelect = {
  costCurrency: true, quoteCurrency: true,
  purchaseCostInclVat: true, vatRate: true, rebateRate: true, domesticExpensesFixed: true, domesticExpensesPerUnit: true, quantity: true,
  freightMode: true, containerType: true, freightPerContainer: true, freightCurrency: true, lclRatePerWm: true, lclSurchargeRate: true,
  insuranceCoverRate: true, insurancePremiumRate: true, commissionRate: true, bankChargesRate: true, profitBasis: true, profitRate: true,
  exchangeRate: true, result: true,
} as const satisfies Prisma.CostSheetSelect;

const sheetSelect = {
  id: true, seriesId: true, version: true, name: true, productId: true, ...sheetInputSelect, createdAt: true,
  createdBy: { select: { name: true } },
} as const satisfies Prisma.CostSheetSelect;

export type CostSheetRow = Prisma.CostSheetGetPayload<{ select: typeof sheetSelect }>;
export type CostSheetInputRow = Prisma.CostSheetGetPayload<{ select: typeof sheetInputSelect }>;

export function findCostSheet(db: Db, id: string) {
  return db.costSheet.findUnique({ where: { id }, select: sheetSelect });
}

/** The newest version of every series (of one product, when given), newest first. */
export async function listLatestCostSheets(db: Db, productId: string | undefined) {
  const heads = await db.costSheet.groupBy({ by: ['seriesId'], where: productId ? { productId } : {}, _max: { version: true } });
  if (heads.length === 0) return [];
  return db.costSheet.findMany({
    where: { OR: heads.map((h) => ({ seriesId: h.seriesId, version: h._max.version! })) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: sheetSelect,
  });
}

export function listSeriesVersions(db: Db, seriesId: string) {
  return db.costSheet.findMany({
    where: { seriesId },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}

/** The newest version of a series, or null when there is no such series. */
export function findSeriesHead(db: Db, seriesId: string) {
  return db.costSheet.findFirst({ where: { seriesId }, orderBy: { version: 'desc' }, select: { id: true, version: true, productId: true } });
}

export function findProduct(db: Db, id: string) {
  return db.product.findUnique({ where: { id }, select: { id: true } });
}

export function createCostSheet(db: Db, data: Prisma.CostSheetUncheckedCreateInput) {
  return db.costSheet.create({ data, select: { id: true } });
}
