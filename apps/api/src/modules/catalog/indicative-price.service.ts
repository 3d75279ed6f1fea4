import type { IndicativePrice } from '@portal/schemas';
import {
  DomainError, Dec, UNIT_PRICE_SCALE, effectiveMarginFloor, calculateExportPrice, canSeePrices, checkMoq, currencyScale, indicativeFreightMode, isProductVisible, isStaff, midnightUtc,
  calendarDate, priceStory, type Actor, type CostedPrices, type CostedTerm, type ExportCostingInput, type ExportCostingResult, type PriceTierInput,
} from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import type { Clock } from '../../infra/clock.ts';
import type { SettingsService } from '../settings/settings.service.ts';
import * as repo from './indicative-price.repository.ts';

type Query = { quantity: string; incoterm: CostedTerm; port?: string | undefined; currency: string };
type Product = NonNullable<Awaited<ReturnType<typeof repo.findProductForPricing>>>;
type CostSheet = NonNullable<Awaited<ReturnType<typeof repo.findLatestCostSheet>>>;
type FreightRate = Awaited<ReturnType<typeof repo.findFreightRates>>[number];

const askForQuote = (why: string) => new DomainError('CONFLICT', `${why}: ask for a quote and we will price it for you`);
const invalid = (field: string, message: string) => new DomainError('VALIDATION', `${field} ${message}`, [{ field, message }]);
const packingOf = (p: Product) => ({
  unitsPerCarton: p.unitsPerCarton, cartonLengthCm: p.cartonLengthCm.toString(), cartonWidthCm: p.cartonWidthCm.toString(),
  cartonHeightCm: p.cartonHeightCm.toString(), cartonGrossWeightKg: p.cartonGrossWeightKg.toString(),
});

/**
 * The indicative price a buyer sees on a product page, told as one price story (domain priceStory):
 * the FOB price for the quantity is its list price tier when one applies, else the product's current
 * cost sheet at that quantity and today's bank buying rate, never below the margin floor; CFR and
 * CIF add to that FOB what the costing adds for freight to the requested port and for insurance. So
 * the same quantity never shows two FOB prices, and CIF ≥ CFR ≥ FOB. Only the price leaves: no
 * cost, margin or rate behind it.
 */
export function createIndicativePriceService(deps: { prisma: PrismaClient; clock: Clock; settings: Pick<SettingsService, 'get'> }) {
  const { prisma, clock } = deps;

  /** Units of `to` per one unit of `from`, from the bank buying rates in CNY (a cross rate when neither is CNY). */
  async function conversion(from: string, to: string, day: Date): Promise<Dec | null> {
    if (from === to) return new Dec(1);
    const inCny = async (c: string) => (c === 'CNY' ? new Dec(1) : (await repo.findBuyingRate(prisma, c, 'CNY', day).then((r) => (r ? new Dec(r.rate.toString()) : null))));
    const [a, b] = await Promise.all([inCny(from), inCny(to)]);
    return a && b ? a.div(b) : null;
  }

  async function marginFloorRate(product: Product): Promise<Dec> {
    return effectiveMarginFloor((await deps.settings.get()).marginFloorRate, product.marginFloorRate?.toString());
  }

  /** The freight part of a costing input: a 40′HQ when the goods fill ≥ 60% of one, else LCL by W/M. */
  async function freightFor(product: Product, destination: string, quantity: string, costCurrency: string, quoteCurrency: string, day: Date) {
    if (!product.portOfLoadingCode) throw askForQuote('this product has no port of loading for a freight estimate');
    const rates = await repo.findFreightRates(prisma, product.portOfLoadingCode, destination, day);
    const fcl = rates.find((r) => r.mode === 'FCL' && r.containerType === '40HQ');
    const lcl = rates.find((r) => r.mode === 'LCL' && r.lclRatePerWm !== null);
    const full = indicativeFreightMode(packingOf(product), quantity) === 'FCL';
    const chosen: FreightRate | undefined = full ? (fcl ?? lcl) : (lcl ?? fcl);
    if (!chosen) throw askForQuote(`we have no freight rate from ${product.portOfLoadingCode} to ${destination} yet`);
    // Freight in a third currency is converted into the cost currency, which the costing accepts.
    let currency = chosen.currency;
    let factor = new Dec(1);
    if (currency !== costCurrency && currency !== quoteCurrency) {
      const rate = await conversion(currency, costCurrency, day);
      if (!rate) throw askForQuote(`we have no exchange rate for freight in ${currency}`);
      factor = rate;
      currency = costCurrency;
    }
    const amount = new Dec(chosen.amount.toString()).times(factor);
    if (chosen.mode === 'FCL') {
      return { input: { freightMode: 'FCL', containerType: '40HQ', freightPerContainer: amount, freightCurrency: currency } as const, lclMinimum: null };
    }
    return {
      input: { freightMode: 'LCL', lclRatePerWm: new Dec(chosen.lclRatePerWm!.toString()).times(factor), lclSurchargeRate: '0', freightCurrency: currency } as const,
      lclMinimum: amount,
    };
  }

  /** Runs the costing; a cost sheet the costing refuses must not tell the buyer why (its fields are internal). */
  function cost(input: ExportCostingInput): ExportCostingResult {
    try {
      return calculateExportPrice(input);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'VALIDATION') throw askForQuote('an indicative price cannot be computed for this product and quantity');
      throw err;
    }
  }

  /** The costed prices for the quantity (FOB, and CFR/CIF with freight to the port when asked for). */
  async function fromCostSheet(product: Product, sheet: CostSheet, q: Query, day: Date): Promise<CostedPrices> {
    const exchangeRate = await conversion(q.currency, sheet.costCurrency, day);
    if (!exchangeRate) throw invalid('query.currency', `is not a currency we have an exchange rate for`);
    const base: ExportCostingInput = {
      costCurrency: sheet.costCurrency,
      quoteCurrency: q.currency,
      purchaseCostInclVat: sheet.purchaseCostInclVat.toString(),
      vatRate: sheet.vatRate.toString(),
      rebateRate: sheet.rebateRate.toString(),
      domesticExpensesFixed: sheet.domesticExpensesFixed.toString(),
      domesticExpensesPerUnit: sheet.domesticExpensesPerUnit.toString(),
      quantity: q.quantity,
      packing: packingOf(product),
      freightMode: 'NONE',
      insuranceCoverRate: sheet.insuranceCoverRate.toString(),
      insurancePremiumRate: sheet.insurancePremiumRate.toString(),
      commissionRate: sheet.commissionRate.toString(),
      bankChargesRate: sheet.bankChargesRate.toString(),
      profitBasis: sheet.profitBasis,
      profitRate: sheet.profitRate.toString(),
      exchangeRate,
    };
    let input = base;
    if (q.incoterm !== 'FOB') {
      const freight = await freightFor(product, q.port!, q.quantity, sheet.costCurrency, q.currency, day);
      input = { ...base, ...freight.input };
      const first = cost(input);
      // LCL is charged at least the lane's minimum (one W/M): spread it as a higher rate per W/M.
      const lcl = first.freight?.lcl;
      if (lcl && freight.lclMinimum && new Dec(first.freight!.total).lt(freight.lclMinimum) && new Dec(lcl.chargeableWm).gt(0)) {
        input = { ...input, lclRatePerWm: freight.lclMinimum.div(lcl.chargeableWm) };
      }
    }
    // Each term's price, never below the price at the margin floor (profit as that share of the price).
    const priced = cost(input).prices;
    const floor = cost({ ...input, profitBasis: 'SHARE_OF_PRICE', profitRate: await marginFloorRate(product) }).prices;
    const atLeastFloor = (term: CostedTerm) => {
      const p = priced[term];
      if (!p) return null;
      const f = floor[term];
      return f && new Dec(f.unitPrice).gt(p.unitPrice) ? new Dec(f.unitPrice) : new Dec(p.unitPrice);
    };
    return { FOB: atLeastFloor('FOB')!, CFR: atLeastFloor('CFR'), CIF: atLeastFloor('CIF') };
  }

  /** The FOB list price tiers, in the asked currency at today's rates. */
  async function tiersIn(product: Product, currency: string, day: Date): Promise<PriceTierInput[]> {
    const tiers: PriceTierInput[] = [];
    for (const t of product.priceTiers) {
      const rate = await conversion(t.currency, currency, day);
      if (!rate) throw invalid('query.currency', 'is not a currency we have an exchange rate for');
      tiers.push({ minQuantity: t.minQuantity.toString(), unitPrice: new Dec(t.unitPrice.toString()).times(rate) });
    }
    return tiers;
  }

  return {
    async get(actor: Actor, productId: string, q: Query): Promise<IndicativePrice> {
      if (!isStaff(actor.role)) {
        const company = await repo.findCompanyStatus(prisma, actor.companyId);
        if (!canSeePrices({ role: actor.role, companyStatus: company?.status })) throw new DomainError('FORBIDDEN', 'prices are shown to approved buyers');
      }
      const product = await repo.findProductForPricing(prisma, productId);
      if (!product || !isProductVisible(product.status, isStaff(actor.role))) throw new DomainError('NOT_FOUND', 'product not found');

      const moq = checkMoq(q.quantity, product.moq.toString(), product.unit);
      if (moq) throw invalid('query.quantity', moq);
      if (!product.incoterms.includes(q.incoterm)) throw invalid('query.incoterm', `is not offered for this product (${product.incoterms.join(', ')})`);
      if (q.incoterm !== 'FOB' && !q.port) throw invalid('query.port', `is required for ${q.incoterm}: the port the goods are shipped to`);
      const now = clock.now();
      const day = midnightUtc(calendarDate(now));
      const [destination, loading, sheet] = await Promise.all([
        q.port ? repo.findPort(prisma, q.port) : null,
        product.portOfLoadingCode ? repo.findPort(prisma, product.portOfLoadingCode) : null,
        repo.findLatestCostSheet(prisma, product.id),
      ]);
      if (q.port && !destination) throw invalid('query.port', 'is not a known port');

      if (!sheet && q.incoterm !== 'FOB') throw askForQuote(`there is no indicative ${q.incoterm} price for this product yet`);
      const [tiers, costed] = await Promise.all([tiersIn(product, q.currency, day), sheet ? fromCostSheet(product, sheet, q, day) : null]);
      const story = priceStory({ quantity: q.quantity, tiers, costed });
      const told = story?.prices[q.incoterm];
      if (!story || !told) throw askForQuote(sheet ? `a ${q.incoterm} price cannot be computed for this product` : 'there is no list price for this quantity');
      const unitPrice = new Dec(told);
      const scale = currencyScale(q.currency);
      const total = unitPrice.times(q.quantity).toDecimalPlaces(scale, Dec.ROUND_HALF_UP);
      const namedPlace = q.incoterm === 'FOB' ? (loading?.name ?? product.portOfLoadingCode ?? 'port of loading') : destination!.name;
      const quantityText = `${new Dec(q.quantity).toFixed()} ${product.unit}`;
      return {
        indicative: true,
        unitPrice: { amount: unitPrice.toFixed(UNIT_PRICE_SCALE), currency: q.currency },
        total: { amount: total.toFixed(scale), currency: q.currency },
        incoterm: q.incoterm,
        namedPlace,
        basis: story.basis,
        note: story.basis === 'cost-sheet' || q.incoterm !== 'FOB'
          ? `Indicative ${q.incoterm} ${namedPlace} (Incoterms 2020) for ${quantityText}, based on today's costs, ocean freight and exchange rates. Not an offer: send an inquiry for a binding pro-forma quote.`
          : `Indicative FOB ${namedPlace} (Incoterms 2020) list price for ${quantityText}. Not an offer: send an inquiry for a binding pro-forma quote.`,
        computedAt: now.toISOString(),
      };
    },
  };
}

export type IndicativePriceService = ReturnType<typeof createIndicativePriceService>;
