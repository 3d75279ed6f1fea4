import type { Db } from '../../infra/tx.ts';

/** What pricing a product needs: packing, port of loading, margin floor and FOB price tiers. Never sent out as such. */
export function findProductForPricing(db: Db, id: string) {
  return db.product.findUnique({
    where: { id },
    select: {
      id: true, status: true, unit: true, moq: true, incoterms: true, portOfLoadingCode: true, marginFloorRate: true,
      unitsPerCarton: true, cartonLengthCm: true, cartonWidthCm: true, cartonHeightCm: true, cartonGrossWeightKg: true,
      priceTiers: { where: { incoterm: 'FOB' }, select: { minQuantity: true, unitPrice: true, currency: true }, orderBy: { minQuantity: 'asc' } },
    },
  });
}

/** The product's most recently saved cost sheet version. */
export function findLatestCostSheet(db: Db, productId: string) {
  return db.costSheet.findFirst({
    where: { productId },
    orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
    select: {
      id: true, costCurrency: true, purchaseCostInclVat: true, vatRate: true, rebateRate: true, domesticExpensesFixed: true,
      domesticExpensesPerUnit: true, insuranceCoverRate: true, insurancePremiumRate: true, commissionRate: true, bankChargesRate: true,
      profitBasis: true, profitRate: true,
    },
  });
}

/** The bank buying rate of `base` in `quote` valid on a day: the latest published on or before it. */
export function findBuyingRate(db: Db, base: string, quote: string, onOrBefore: Date) {
  return db.exchangeRate.findFirst({
    where: { base, quote, kind: 'BUYING', validOn: { lte: onOrBefore } },
    orderBy: { validOn: 'desc' },
    select: { rate: true, validOn: true },
  });
}

/** Freight rates on a lane valid on a day, the most recent first. */
export function findFreightRates(db: Db, originPortCode: string, destinationPortCode: string, on: Date) {
  return db.freightRate.findMany({
    where: { originPortCode, destinationPortCode, validFrom: { lte: on }, OR: [{ validTo: null }, { validTo: { gte: on } }] },
    orderBy: { validFrom: 'desc' },
    select: { mode: true, containerType: true, amount: true, currency: true, lclRatePerWm: true },
  });
}

export function findPort(db: Db, code: string) {
  return db.port.findUnique({ where: { code }, select: { code: true, name: true } });
}

export function findCompanyStatus(db: Db, companyId: string) {
  return db.company.findUnique({ where: { id: companyId }, select: { status: true } });
}
