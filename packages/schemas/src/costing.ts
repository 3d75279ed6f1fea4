import { containerTypes, costedTerms, freightModes, priceTerms, profitBases } from '@portal/domain/costing';
import { CurrencyCode, DecimalString, Id, Timestamp, text, z } from './common.ts';

/* Export price costing (出口报价核算) and the saved, versioned cost sheets built from it. */

// Field checks here are per field, so forms show them next to the input; the rules that combine
// fields (profit + commission + bank charges below 1, rebate ≤ VAT, what each freight mode needs)
// are the domain's, and come back as VALIDATION problems naming the same body fields.

const nonNegative = DecimalString.refine((v) => !v.startsWith('-'), 'must not be negative');
const positive = (pattern: RegExp, example: string) =>
  z
    .string()
    .regex(pattern, `must be a decimal number written as a string, e.g. "${example}"`)
    .refine((v) => /[1-9]/.test(v), 'must be greater than 0');
const positiveDecimal = positive(/^\d{1,14}(\.\d{1,4})?$/, '12.50');
/** An amount for the whole quantity: at most 16 digits and 2 decimal places, as Decimal(18, 2) holds. */
const amountField = z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'must be an amount of at most 16 digits and 2 decimal places, not negative, e.g. "4000.00"');

/** A rate from 0 up to (not including) 1, as a decimal string: "0.13" is 13%. */
export const CostingRate = z
  .string()
  .regex(/^0(\.\d{1,4})?$/, 'must be a rate from 0 up to (not including) 1, e.g. "0.13"')
  .describe('Rate as a decimal string from 0 up to (not including) 1, e.g. "0.13" for 13%');

export const CostingContainerType = z.enum(containerTypes).describe('20GP: 25 CBM / 17.5 t usable; 40GP: 55 CBM / 24.5 t; 40HQ: 68 CBM / 24.5 t');
export const FreightMode = z.enum(freightModes).describe('FCL: full containers; LCL: charged per W/M; NONE: no main carriage costed (FOB/FCA only)');
export const ProfitBasis = z
  .enum(profitBases)
  .describe('SHARE_OF_PRICE: price = cost / (1 − profit − commission − bank charges); MARKUP_ON_COST: price = cost × (1 + profit) / (1 − commission − bank charges)');

export const CostingPacking = z
  .strictObject({
    unitsPerCarton: z.number().int().min(1).max(1_000_000).describe('Units packed in one export carton'),
    cartonLengthCm: positiveDecimal.describe('Outer carton length, cm'),
    cartonWidthCm: positiveDecimal.describe('Outer carton width, cm'),
    cartonHeightCm: positiveDecimal.describe('Outer carton height, cm'),
    cartonGrossWeightKg: positiveDecimal.describe('Gross weight of one packed carton, kg'),
  })
  .describe('Export packing; needed to cost FCL or LCL freight');

/** One product line to cost, per unit, in the cost currency unless said otherwise. */
export const CostingInput = z
  .strictObject({
    costCurrency: CurrencyCode.default('CNY').describe('Currency of the purchase cost and domestic expenses'),
    quoteCurrency: CurrencyCode.describe('Currency the buyer is quoted in'),
    purchaseCostInclVat: nonNegative.describe('Purchase cost per unit including VAT (含税采购成本)'),
    vatRate: CostingRate.describe('VAT rate (增值税率), e.g. "0.13"'),
    rebateRate: CostingRate.describe('Export rebate rate for the HS code (退税率), at most the VAT rate'),
    domesticExpensesFixed: nonNegative.default('0').describe('Domestic expenses per shipment (inland haulage, port, customs, inspection…), spread over the quantity'),
    domesticExpensesPerUnit: nonNegative.default('0').describe('Domestic expenses per unit (packing, labels…)'),
    quantity: positive(/^\d{1,12}(\.\d{1,3})?$/, '12000').describe('Quantity in units (at most 3 decimal places)'),
    packing: CostingPacking.optional(),
    freightMode: FreightMode,
    containerType: CostingContainerType.optional().describe('Container for FCL freight'),
    freightPerContainer: nonNegative.optional().describe('Ocean freight per container (FCL), in the freight currency'),
    freightCurrency: CurrencyCode.optional().describe('Currency of the freight rate: the cost or the quote currency; default the quote currency'),
    lclRatePerWm: nonNegative.optional().describe('LCL rate per W/M (the larger of CBM and tonnes), in the freight currency'),
    lclSurchargeRate: CostingRate.default('0').describe('LCL surcharges as a share of the base freight'),
    freightAmount: amountField
      .optional()
      .describe('Freight for the whole quantity as a forwarder quoted it, in the freight currency; instead of FCL/LCL rates (with freightMode NONE)'),
    insuranceAmount: amountField
      .optional()
      .describe('Insurance premium for the whole quantity as the policy states it, in the quote currency; instead of a premium rate'),
    insuranceCoverRate: z
      .string()
      .regex(/^(1(\.\d{1,4})?|2(\.0{1,4})?)$/, 'must be from 1 to 2 (100% to 200% of the invoice value), e.g. "1.10"')
      .default('1.10')
      .describe('Insured share of the CIF value (投保加成), default 1.10'),
    insurancePremiumRate: CostingRate.optional().describe('Insurance premium rate; without it there is no CIF/CIP price'),
    commissionRate: CostingRate.default('0').describe('Commission as a share of the price (佣金率)'),
    bankChargesRate: CostingRate.default('0').describe('Bank charges as a share of the price'),
    profitBasis: ProfitBasis,
    profitRate: CostingRate.describe('Profit rate, on the profit basis given'),
    exchangeRate: positive(/^\d{1,8}(\.\d{1,6})?$/, '7.1').describe('Bank buying rate: cost currency units per 1 unit of the quote currency'),
  })
  .describe('An export costing line (出口报价核算)');
export type CostingInput = z.input<typeof CostingInput>;

/** Up to 500 lines (a whole pro-forma quote), costed in one request. */
export const CostingBatchInput = z.strictObject({
  lines: z.array(CostingInput).min(1, 'must have at least one line').max(500, 'must have at most 500 lines'),
});
export type CostingBatchInput = z.input<typeof CostingBatchInput>;

const unitAmount = z.string().describe('Per unit, 4 decimal places');
const totalAmount = z.string().describe('Total at the currency’s scale');

export const CostingTermPrice = z.object({
  term: z.enum(priceTerms),
  costedAs: z.enum(costedTerms).describe('FCA, CPT and CIP are costed as FOB, CFR and CIF'),
  costBase: unitAmount.describe('Cost behind the price, per unit in the cost currency'),
  insurance: unitAmount,
  commission: unitAmount,
  bankCharges: unitAmount,
  profit: unitAmount,
  unitPriceInCostCurrency: unitAmount,
  unitPrice: unitAmount.describe('Price per unit in the quote currency, 4 decimal places'),
  amount: totalAmount.describe('Quoted unit price × quantity in the quote currency'),
});
export type CostingTermPrice = z.infer<typeof CostingTermPrice>;

export const CostingResult = z
  .object({
    costCurrency: z.string(),
    quoteCurrency: z.string(),
    exchangeRate: z.string(),
    quantity: z.string(),
    profitBasis: ProfitBasis,
    profitRate: z.string(),
    costs: z
      .object({
        purchaseCostInclVat: unitAmount,
        purchaseCostExclVat: unitAmount,
        rebateIncome: unitAmount.describe('退税收入 = cost incl. VAT / (1 + VAT) × rebate rate'),
        actualCost: unitAmount.describe('实际成本 = cost incl. VAT − rebate income'),
        domesticExpensesPerUnit: unitAmount,
        freightPerUnit: unitAmount.nullable().describe('In the cost currency; null without freight'),
        totalCostPerUnit: unitAmount.describe('Actual cost + domestic expenses'),
      })
      .describe('Cost build-up per unit in the cost currency'),
    freight: z
      .object({
        mode: z.enum(['FCL', 'LCL']),
        currency: z.string(),
        cartons: z.number().int(),
        cartonCbm: z.string(),
        shipmentCbm: z.string(),
        shipmentTonnes: z.string(),
        fcl: z
          .object({
            containerType: CostingContainerType,
            capacityCbm: z.string(),
            payloadTonnes: z.string(),
            cartonsByVolume: z.number().int(),
            cartonsByWeight: z.number().int(),
            cartonsPerContainer: z.number().int(),
            limitedBy: z.enum(['VOLUME', 'WEIGHT']).describe('The limit that binds: the smaller number of cartons'),
            containers: z.number().int(),
            pricePerContainer: z.string(),
          })
          .nullable(),
        lcl: z
          .object({
            chargeableWm: z.string(),
            chargedBy: z.enum(['VOLUME', 'WEIGHT']).describe('Whichever of CBM and tonnes is larger'),
            ratePerWm: z.string(),
            baseFreight: z.string(),
            surcharges: z.string(),
          })
          .nullable(),
        total: totalAmount.describe('Freight for the shipment in the freight currency'),
        perUnit: unitAmount.describe('In the freight currency'),
        perUnitInCostCurrency: unitAmount,
      })
      .nullable(),
    prices: z.object({
      FOB: CostingTermPrice,
      FCA: CostingTermPrice,
      CFR: CostingTermPrice.nullable(),
      CPT: CostingTermPrice.nullable(),
      CIF: CostingTermPrice.nullable(),
      CIP: CostingTermPrice.nullable(),
    }),
    indicators: z
      .object({
        basis: z.literal('FOB'),
        totalCost: totalAmount.describe('出口总成本 in the cost currency'),
        netFxIncomePerUnit: unitAmount.describe('FOB less commission and bank charges, quote currency'),
        netFxIncome: totalAmount,
        fxCostOfExport: z.string().nullable().describe('出口换汇成本: total cost / net FX income (cost currency per unit of quote currency)'),
        profitLoss: totalAmount.describe('盈亏额: net FX income × exchange rate − total cost'),
        profitLossRate: z.string().describe('盈亏率: profit/loss / total cost'),
      })
      .describe('Indicators of the FOB quote'),
    notes: z.array(z.string()),
  })
  .describe('The costed line: build-up and prices');
export type CostingResult = z.infer<typeof CostingResult>;

/** A note of a batch answer: the same explanation holds for many lines, so it is written once. */
export const CostingBatchNote = z
  .object({ text: z.string(), lines: z.array(z.number().int()).describe('The 0-based lines it explains, ascending') })
  .describe('An explanation of how lines were costed, once, with the lines it applies to');

export const CostingBatchResult = z.object({
  results: z.array(CostingResult.omit({ notes: true })).describe('One result per line, in order; their notes are under `notes`'),
  notes: z.array(CostingBatchNote).describe('Each distinct note once, in the order first met: line i\'s notes are those whose `lines` hold i'),
});
export type CostingBatchResult = z.infer<typeof CostingBatchResult>;

// ───────────────────────────── Counter-offer costing (还价核算) ─────────────────────────────

/** A price to evaluate: the costing inputs without the profit, plus the term and the given unit price. */
export const CostingEvaluationInput = CostingInput.omit({ profitBasis: true, profitRate: true })
  .extend({
    term: z.enum(priceTerms).describe('The term the given price is on: FOB/FCA, CFR/CPT, CIF/CIP'),
    unitPrice: positiveDecimal.describe('The given price per unit in the quote currency (e.g. the buyer’s counter-offer), at most 4 decimal places'),
    targetProfitBasis: ProfitBasis.optional().describe('With targetProfitRate: the answer says what purchase cost would allow the price'),
    targetProfitRate: CostingRate.optional().describe('A profit to reach, on targetProfitBasis'),
  })
  .describe('A counter-offer line to evaluate (还价核算)');
export type CostingEvaluationInput = z.input<typeof CostingEvaluationInput>;

export const CostingEvaluationBatchInput = z.strictObject({
  lines: z.array(CostingEvaluationInput).min(1, 'must have at least one line').max(500, 'must have at most 500 lines'),
});
export type CostingEvaluationBatchInput = z.input<typeof CostingEvaluationBatchInput>;

const quotePerUnit = z.string().describe('Per unit in the quote currency, 4 decimal places');
export const CostingEvaluation = z
  .object({
    term: z.enum(priceTerms),
    costedAs: z.enum(costedTerms),
    costCurrency: z.string(),
    quoteCurrency: z.string(),
    exchangeRate: z.string(),
    quantity: z.string(),
    unitPrice: quotePerUnit.describe('The given price'),
    amount: totalAmount.describe('The given price × quantity'),
    costs: CostingResult.shape.costs,
    freight: CostingResult.shape.freight,
    deductions: z
      .object({ freight: quotePerUnit, insurance: quotePerUnit, commission: quotePerUnit, bankCharges: quotePerUnit })
      .describe('What comes off the given price before it reaches the exporter'),
    equivalents: z
      .object({ FOB: quotePerUnit, FCA: quotePerUnit, CFR: quotePerUnit.nullable(), CPT: quotePerUnit.nullable(), CIF: quotePerUnit.nullable(), CIP: quotePerUnit.nullable() })
      .describe('The same deal on the other terms, at the same freight and insurance (the net FX income kept)'),
    indicators: z.object({
      totalCost: totalAmount.describe('出口总成本 in the cost currency'),
      netFxIncomePerUnit: quotePerUnit,
      netFxIncome: totalAmount.describe('出口外汇净收入: price − freight − insurance − commission − bank charges'),
      fxCostOfExport: z.string().nullable().describe('出口换汇成本 = total cost / net FX income; null when nothing is left'),
      profitLoss: totalAmount.describe('盈亏额 in the cost currency'),
      profitLossRate: z.string().describe('盈亏率 = profit/loss / total cost'),
      profitPerUnit: unitAmount.describe('Profit per unit in the cost currency'),
      profitRateOfPrice: z.string().describe('The profit the price leaves as a share of the price (SHARE_OF_PRICE)'),
      profitMarkupOnCost: z.string().nullable().describe('The profit the price leaves as a mark-up on cost (MARKUP_ON_COST)'),
    }),
    target: z
      .object({ profitBasis: ProfitBasis, profitRate: z.string(), purchaseCostInclVat: z.string().nullable(), reduction: z.string().nullable() })
      .nullable()
      .describe('For a target profit: the purchase cost incl. VAT per unit that allows the price (what to ask of the factory); null when none can'),
    notes: z.array(z.string()),
  })
  .describe('A given price worked back to the profit');
export type CostingEvaluation = z.infer<typeof CostingEvaluation>;

export const CostingEvaluationBatchResult = z.object({
  results: z.array(CostingEvaluation.omit({ notes: true })).describe('One evaluation per line, in order; their notes are under `notes`'),
  notes: z.array(CostingBatchNote).describe('Each distinct note once, in the order first met: line i\'s notes are those whose `lines` hold i'),
});
export type CostingEvaluationBatchResult = z.infer<typeof CostingEvaluationBatchResult>;

// ───────────────────────────── Cost sheets ─────────────────────────────

export const CostSheetSaveBody = z.strictObject({
  seriesId: Id.optional().describe('Save as the next version of this cost sheet'),
  name: text(200),
  productId: Id.optional(),
  input: z.record(z.string(), z.unknown()).describe('A CostingInput (validated as such)'),
});

export const CostSheetView = z.object({
  id: Id,
  seriesId: Id,
  version: z.number().int(),
  name: z.string(),
  productId: Id.nullable(),
  input: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.unknown()),
  createdBy: z.string(),
  createdAt: Timestamp,
  versions: z
    .array(z.object({ id: Id, version: z.number().int(), createdBy: z.string(), createdAt: Timestamp }))
    .optional()
    .describe('Every version of this series, newest first (on the single cost sheet only)'),
});
export type CostSheetView = z.infer<typeof CostSheetView>;
export type CostSheetSaveBody = z.input<typeof CostSheetSaveBody>;

export const CostSheetListQuery = z.strictObject({
  productId: Id.optional().describe('Only the cost sheets of this product'),
});
export type CostSheetListQuery = z.input<typeof CostSheetListQuery>;
