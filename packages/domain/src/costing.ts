import { DomainError } from './errors.ts';
import { Fixed } from './fixed-point.ts';
import { Dec, UNIT_PRICE_SCALE, currencyScale } from './money.ts';

/*
 * Export price costing (出口报价核算). Everything is computed per unit in the cost currency in exact
 * fixed point with 18 decimals (fixed-point.ts: sums exact, products and quotients rounded half-up
 * at the 18th place); nothing is rounded to a written scale until the result is written out.
 *
 * The formulas, with P = purchase cost incl. VAT, v = VAT rate, r = rebate rate, q = quantity,
 * p = profit rate, c = commission rate, b = bank charges rate, k = insurance cover (1.10),
 * i = premium rate, X = exchange rate (bank buying rate: cost currency per 1 quote currency):
 *
 *   rebate income        R   = P / (1 + v) × r
 *   actual cost          A   = P − R
 *   domestic expenses    D   = fixed per shipment / q + per unit
 *   freight per unit     F   = shipment freight / q   (× X when the freight is priced in the quote currency)
 *   cost base            FOB: A + D        CFR: A + D + F
 *   price of a cost base B:
 *     SHARE_OF_PRICE     price = B / (1 − p − c − b)          profit = p × price
 *     MARKUP_ON_COST     price = B × (1 + p) / (1 − c − b)    profit = p × B
 *     and in both        commission = c × price, bank charges = b × price
 *   CIF = CFR / (1 − k × i), premium = k × i × CIF = CIF − CFR
 *
 * So a CIF quote is its CFR quote plus the premium on the whole CIF invoice value (UCP 600 art. 28
 * insures the invoice value, commission included); its commission, bank charges and profit are
 * those of its CFR price (they are not grossed up again for the premium). This is the textbook
 * chain CFR = FOB-style price with freight, CIF = CFR + premium = CFR / (1 − 110% × rate), and it
 * reproduces the textbook check CFR 150 → CIF 151.668 → CIFC3 = CIF / 0.97 = 156.359 exactly:
 * with p = b = 0 the CIF price is B / ((1 − c)(1 − k i)), whichever of the two is applied first.
 * For FOB and CFR, "price with commission = net / (1 − c)" holds with net = price − commission.
 * (The one-denominator variant B / (1 − p − c − b − k i) would give CIFC3 = 156.413 instead.)
 *
 * Indicators are those of the FOB quote: net FX income = FOB − commission − bank charges (what
 * reaches the exporter in the quote currency); total cost = A + D; FX cost of export = total cost /
 * net FX income; profit/loss = net FX income × X − total cost (equals the profit line);
 * profit/loss rate = profit/loss / total cost.
 */

export const containerTypes = ['20GP', '40GP', '40HQ'] as const;
export type ContainerType = (typeof containerTypes)[number];
export const freightModes = ['FCL', 'LCL', 'NONE'] as const;
export type FreightMode = (typeof freightModes)[number];
export const profitBases = ['SHARE_OF_PRICE', 'MARKUP_ON_COST'] as const;
export type ProfitBasis = (typeof profitBases)[number];

/** The terms a cost sheet builds up to: the seller's cost on board, with freight, with insurance too. */
export const costedTerms = ['FOB', 'CFR', 'CIF'] as const;
export type CostedTerm = (typeof costedTerms)[number];
/** The terms a costing prices: the costed terms and their counterparts for any mode of transport. */
export const priceTerms = ['FOB', 'CFR', 'CIF', 'FCA', 'CPT', 'CIP'] as const;
export type PriceTerm = (typeof priceTerms)[number];

/**
 * How each Incoterm is costed from a cost sheet: the seller's cost up to the point the rule names.
 * FCA, CPT and CIP are costed as FOB, CFR and CIF; D-rules to the port of discharge (destination
 * charges are not on a cost sheet); E- and F-rules as FOB. The one mapping the API and the SPA use.
 */
export function costedTerm(incoterm: string): CostedTerm {
  if (incoterm === 'CIF' || incoterm === 'CIP') return 'CIF';
  if (incoterm === 'CFR' || incoterm === 'CPT' || incoterm === 'DAP' || incoterm === 'DPU' || incoterm === 'DDP') return 'CFR';
  return 'FOB';
}

/** Usable volume and payload per container: what is loaded in practice, not the inside dimensions. */
export const containerSpecs: Record<ContainerType, { capacityCbm: string; payloadTonnes: string }> = {
  '20GP': { capacityCbm: '25', payloadTonnes: '17.5' },
  '40GP': { capacityCbm: '55', payloadTonnes: '24.5' },
  '40HQ': { capacityCbm: '68', payloadTonnes: '24.5' },
};
/** The usable volume (CBM) and payload (kg) of a container, as decimals. */
const containerLimits = /* @__PURE__ */ (() => {
  const limits = {} as Record<ContainerType, { cbm: Fixed; kg: Fixed }>;
  for (const type of containerTypes) {
    limits[type] = { cbm: Fixed.parse(containerSpecs[type].capacityCbm), kg: Fixed.parse(containerSpecs[type].payloadTonnes).timesInteger(1000n) };
  }
  return limits;
})();

/** A decimal as written on the wire, or already parsed. Never a binary float. */
export type DecimalInput = string | Dec;

export type PackingInput = {
  unitsPerCarton: number | string;
  cartonLengthCm: DecimalInput;
  cartonWidthCm: DecimalInput;
  cartonHeightCm: DecimalInput;
  cartonGrossWeightKg: DecimalInput;
};

export type ExportCostingInput = {
  /** Currency of the purchase cost and domestic expenses; default CNY. */
  costCurrency?: string;
  quoteCurrency: string;
  purchaseCostInclVat: DecimalInput;
  vatRate: DecimalInput;
  rebateRate: DecimalInput;
  /** Per shipment, spread over the quantity; default 0. */
  domesticExpensesFixed?: DecimalInput;
  domesticExpensesPerUnit?: DecimalInput;
  quantity: DecimalInput;
  packing?: PackingInput;
  freightMode: FreightMode;
  containerType?: ContainerType;
  freightPerContainer?: DecimalInput;
  /** The currency freight is priced in: the cost or the quote currency; default the quote currency. */
  freightCurrency?: string;
  lclRatePerWm?: DecimalInput;
  lclSurchargeRate?: DecimalInput;
  /**
   * Freight for the whole quantity as a forwarder quoted it, in the freight currency: instead of
   * FCL/LCL rates (give it with freightMode NONE).
   */
  freightAmount?: DecimalInput;
  /** Insurance for the whole quantity as the policy states it, in the quote currency: instead of a premium rate. */
  insuranceAmount?: DecimalInput;
  /** Default 1.10 (110% of the invoice value). */
  insuranceCoverRate?: DecimalInput;
  /** Without it there is no CIF/CIP price. */
  insurancePremiumRate?: DecimalInput;
  commissionRate?: DecimalInput;
  bankChargesRate?: DecimalInput;
  profitBasis: ProfitBasis;
  profitRate: DecimalInput;
  exchangeRate: DecimalInput;
};

/** One quoted term: the build-up per unit in the cost currency, then the price in the quote currency. */
export type TermPrice = {
  term: PriceTerm;
  /** FCA, CPT and CIP are costed as FOB, CFR and CIF (costedTerm). */
  costedAs: CostedTerm;
  costBase: string;
  insurance: string;
  commission: string;
  bankCharges: string;
  profit: string;
  unitPriceInCostCurrency: string;
  unitPrice: string;
  /** Quoted unit price (4 places) × quantity, at the quote currency's scale: the pro-forma line amount. */
  amount: string;
};

export type FreightBreakdown = {
  mode: 'FCL' | 'LCL';
  currency: string;
  cartons: number;
  cartonCbm: string;
  shipmentCbm: string;
  shipmentTonnes: string;
  fcl: {
    containerType: ContainerType;
    capacityCbm: string;
    payloadTonnes: string;
    cartonsByVolume: number;
    cartonsByWeight: number;
    cartonsPerContainer: number;
    limitedBy: 'VOLUME' | 'WEIGHT';
    containers: number;
    pricePerContainer: string;
  } | null;
  lcl: {
    chargeableWm: string;
    chargedBy: 'VOLUME' | 'WEIGHT';
    ratePerWm: string;
    baseFreight: string;
    surcharges: string;
  } | null;
  /** Freight for the shipment, in the freight currency. */
  total: string;
  perUnit: string;
  perUnitInCostCurrency: string;
};

export type ExportCostingResult = {
  costCurrency: string;
  quoteCurrency: string;
  exchangeRate: string;
  quantity: string;
  profitBasis: ProfitBasis;
  profitRate: string;
  costs: {
    purchaseCostInclVat: string;
    purchaseCostExclVat: string;
    rebateIncome: string;
    actualCost: string;
    domesticExpensesPerUnit: string;
    freightPerUnit: string | null;
    /** Actual cost + domestic expenses: the cost behind the FOB price. */
    totalCostPerUnit: string;
  };
  freight: FreightBreakdown | null;
  prices: Record<'FOB' | 'FCA', TermPrice> & Record<'CFR' | 'CPT' | 'CIF' | 'CIP', TermPrice | null>;
  indicators: {
    basis: 'FOB';
    totalCost: string;
    netFxIncomePerUnit: string;
    netFxIncome: string;
    /** Null when there is no FX income to divide by (a zero price). */
    fxCostOfExport: string | null;
    profitLoss: string;
    profitLossRate: string;
  };
  notes: string[];
};

type FieldError = { field: string; message: string };

// Pure: a bundle that imports only this module's lists (the SPA's schemas) leaves decimal.js out.
const ZERO = Fixed.ZERO;
const ONE = Fixed.ONE;
const DEC_ONE = /* @__PURE__ */ new Dec(1);
const MEASURE_SCALE = 3;
const RATE_SCALE = 4;
const decimalPattern = /^-?\d+(\.\d+)?$/;

/** CIF from CFR when the premium is cover × rate of the CIF value: CIF = CFR / (1 − cover × rate). */
export function cifFromCfr(cfr: DecimalInput, coverRate: DecimalInput, premiumRate: DecimalInput): Dec {
  return new Dec(cfr).div(DEC_ONE.minus(new Dec(coverRate).times(premiumRate)));
}

/** CFR from CIF: CFR = CIF × (1 − cover × rate). */
export function cfrFromCif(cif: DecimalInput, coverRate: DecimalInput, premiumRate: DecimalInput): Dec {
  return new Dec(cif).times(DEC_ONE.minus(new Dec(coverRate).times(premiumRate)));
}

/** The price with commission (含佣价) that leaves the net price after paying the commission on it. */
export function priceWithCommission(net: DecimalInput, commissionRate: DecimalInput): Dec {
  return new Dec(net).div(DEC_ONE.minus(commissionRate));
}

/** Writes a decimal at a fixed scale, half-up, never as "-0.00". */
const fixed = (d: Fixed, scale: number) => d.toFixed(scale);
const unit = (d: Fixed) => d.toFixed(UNIT_PRICE_SCALE);
const rate = (d: Fixed) => d.toFixed(RATE_SCALE);
const measure = (d: Fixed) => d.toFixed(MEASURE_SCALE);
const total = (d: Fixed, currency: string) => d.toFixed(currencyScale(currency));
/** Counts of cartons and containers are whole numbers far below 2^53. */
const count = (d: Fixed) => d.toSafeInteger();

// A quote's lines repeat the same rates and expenses: each text is parsed once (values are immutable).
const parsed = new Map<string, Fixed>();
function parseCached(text: string): Fixed {
  let d = parsed.get(text);
  if (!d) {
    if (parsed.size >= 4096) parsed.clear();
    d = Fixed.parse(text);
    parsed.set(text, d);
  }
  return d;
}

type Rule = 'nonNegative' | 'positive' | 'rate' | 'cover';
const ruleMessages: Record<Rule, string> = {
  nonNegative: 'must not be negative',
  positive: 'must be greater than 0',
  rate: 'must be a rate from 0 up to (not including) 1, e.g. "0.13"',
  cover: 'must be from 1 to 2 (100% to 200% of the invoice value), e.g. "1.10"',
};

const TWO = /* @__PURE__ */ Fixed.ofInteger(2);
function satisfies(d: Fixed, rule: Rule): boolean {
  switch (rule) {
    case 'nonNegative': return d.gte(ZERO);
    case 'positive': return d.gt(ZERO);
    case 'rate': return d.gte(ZERO) && d.lt(ONE);
    case 'cover': return d.gte(ONE) && d.lte(TWO);
  }
}

/** Reads the input field by field, collecting every problem instead of stopping at the first. */
function createReader() {
  const errors: FieldError[] = [];
  function read(field: string, value: DecimalInput | number | undefined, rule: Rule, fallback?: string): Fixed | undefined {
    if (value === undefined || value === null) {
      if (fallback !== undefined) return parseCached(fallback);
      errors.push({ field, message: 'is required' });
      return undefined;
    }
    let d: Fixed;
    if (Dec.isDecimal(value)) d = parseCached(value.toFixed());
    else if (typeof value === 'string' && decimalPattern.test(value)) d = parseCached(value);
    else if (typeof value === 'number' && Number.isSafeInteger(value)) d = Fixed.ofInteger(value);
    else {
      errors.push({ field, message: 'must be a decimal number written as a string, e.g. "12.50"' });
      return undefined;
    }
    if (!satisfies(d, rule)) {
      errors.push({ field, message: ruleMessages[rule] });
      return undefined;
    }
    return d;
  }
  return { errors, read, fail: (field: string, message: string) => void errors.push({ field, message }) };
}

type Inputs = {
  P: Fixed; v: Fixed; r: Fixed; fixedExpenses: Fixed; perUnitExpenses: Fixed; q: Fixed;
  packing: { perCarton: Fixed; cbm: Fixed; kg: Fixed } | undefined;
  freight:
    | { mode: 'FCL'; container: ContainerType; price: Fixed; currency: string }
    | { mode: 'LCL'; ratePerWm: Fixed; surchargeRate: Fixed; currency: string }
    | { mode: 'AMOUNT'; amount: Fixed; currency: string }
    | { mode: 'NONE' };
  k: Fixed; i: Fixed | undefined; insuranceAmount: Fixed | undefined; c: Fixed; b: Fixed; p: Fixed; X: Fixed;
  costCurrency: string; quoteCurrency: string; basis: ProfitBasis;
};

/** Checks and parses the input; one VALIDATION error names every field at fault. */
function parseInput(input: ExportCostingInput, extra?: (reader: ReturnType<typeof createReader>) => void): Inputs {
  const reader = createReader();
  const { errors, read, fail } = reader;
  const costCurrency = input.costCurrency ?? 'CNY';
  const quoteCurrency = input.quoteCurrency;
  const P = read('purchaseCostInclVat', input.purchaseCostInclVat, 'nonNegative');
  const v = read('vatRate', input.vatRate, 'rate');
  const r = read('rebateRate', input.rebateRate, 'rate');
  const fixedExpenses = read('domesticExpensesFixed', input.domesticExpensesFixed, 'nonNegative', '0');
  const perUnitExpenses = read('domesticExpensesPerUnit', input.domesticExpensesPerUnit, 'nonNegative', '0');
  const q = read('quantity', input.quantity, 'positive');
  const k = read('insuranceCoverRate', input.insuranceCoverRate, 'cover', '1.10');
  const i = input.insurancePremiumRate === undefined ? undefined : read('insurancePremiumRate', input.insurancePremiumRate, 'rate');
  const insuranceAmount = input.insuranceAmount === undefined ? undefined : read('insuranceAmount', input.insuranceAmount, 'nonNegative');
  if (i && insuranceAmount) fail('insuranceAmount', 'give either an insurance amount or a premium rate, not both');
  const c = read('commissionRate', input.commissionRate, 'rate', '0');
  const b = read('bankChargesRate', input.bankChargesRate, 'rate', '0');
  const p = read('profitRate', input.profitRate, 'rate');
  const X = read('exchangeRate', input.exchangeRate, 'positive');
  const basis = input.profitBasis;
  if (!profitBases.includes(basis)) fail('profitBasis', `must be one of ${profitBases.join(', ')}`);

  if (v && r && r.gt(v)) fail('rebateRate', 'must not exceed the VAT rate');
  if (k && i && k.times(i).gte(ONE)) fail('insurancePremiumRate', 'cover × premium rate must be below 1');
  if (p && c && b) {
    if (basis === 'SHARE_OF_PRICE' && p.plus(c).plus(b).gte(ONE)) fail('profitRate', 'profit + commission + bank charges must be below 1 when profit is a share of the price');
    if (basis === 'MARKUP_ON_COST' && c.plus(b).gte(ONE)) fail('commissionRate', 'commission + bank charges must be below 1');
  }

  const mode = input.freightMode;
  let freight: Inputs['freight'] = { mode: 'NONE' };
  let packing: Inputs['packing'];
  if (!freightModes.includes(mode)) fail('freightMode', `must be one of ${freightModes.join(', ')}`);
  if (mode === 'FCL' || mode === 'LCL') {
    const currency = input.freightCurrency ?? quoteCurrency;
    if (currency !== costCurrency && currency !== quoteCurrency) fail('freightCurrency', `must be the cost currency (${costCurrency}) or the quote currency (${quoteCurrency})`);
    if (!input.packing) fail('packing', 'is required to cost freight');
    else {
      const perCarton = read('packing.unitsPerCarton', input.packing.unitsPerCarton, 'positive');
      if (perCarton && !perCarton.isInteger()) fail('packing.unitsPerCarton', 'must be a whole number');
      const l = read('packing.cartonLengthCm', input.packing.cartonLengthCm, 'positive');
      const w = read('packing.cartonWidthCm', input.packing.cartonWidthCm, 'positive');
      const h = read('packing.cartonHeightCm', input.packing.cartonHeightCm, 'positive');
      const kg = read('packing.cartonGrossWeightKg', input.packing.cartonGrossWeightKg, 'positive');
      if (perCarton && l && w && h && kg) packing = { perCarton, cbm: l.times(w).times(h).divInteger(1_000_000n), kg };
    }
    if (mode === 'FCL') {
      const container = input.containerType;
      if (!container || !containerTypes.includes(container)) fail('containerType', `must be one of ${containerTypes.join(', ')} for FCL freight`);
      const price = read('freightPerContainer', input.freightPerContainer, 'nonNegative');
      if (container && containerTypes.includes(container) && price) freight = { mode, container, price, currency };
    } else {
      const ratePerWm = read('lclRatePerWm', input.lclRatePerWm, 'nonNegative');
      const surchargeRate = read('lclSurchargeRate', input.lclSurchargeRate, 'rate', '0');
      if (ratePerWm && surchargeRate) freight = { mode, ratePerWm, surchargeRate, currency };
    }
    if (input.freightAmount !== undefined) fail('freightAmount', `give either a freight amount (with freightMode NONE) or ${mode} rates, not both`);
  } else if (mode === 'NONE' && input.freightAmount !== undefined) {
    const currency = input.freightCurrency ?? quoteCurrency;
    if (currency !== costCurrency && currency !== quoteCurrency) fail('freightCurrency', `must be the cost currency (${costCurrency}) or the quote currency (${quoteCurrency})`);
    const amount = read('freightAmount', input.freightAmount, 'nonNegative');
    if (amount) freight = { mode: 'AMOUNT', amount, currency };
  }
  extra?.(reader);

  if (errors.length > 0 || !P || !v || !r || !fixedExpenses || !perUnitExpenses || !q || !k || !c || !b || !p || !X) {
    throw new DomainError('VALIDATION', `the costing input is invalid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);
  }
  return { P, v, r, fixedExpenses, perUnitExpenses, q, packing, freight, k, i, insuranceAmount, c, b, p, X, costCurrency, quoteCurrency, basis };
}

/**
 * Freight for the shipment: from the packing (containers bound by volume or weight, or LCL by W/M),
 * or the amount a forwarder quoted for the whole quantity (then there is no breakdown).
 */
function costFreight(inp: Inputs): { perUnit: Fixed; perUnitCost: Fixed; breakdown: FreightBreakdown | null } | null {
  const { freight, packing, q } = inp;
  if (freight.mode === 'AMOUNT') {
    const perUnit = freight.amount.div(q);
    return { perUnit, perUnitCost: freight.currency === inp.costCurrency ? perUnit : perUnit.times(inp.X), breakdown: null };
  }
  if (freight.mode === 'NONE' || !packing) return null;
  const cartons = q.divCeil(packing.perCarton);
  const shipmentCbm = cartons.times(packing.cbm);
  const shipmentTonnes = cartons.times(packing.kg).divInteger(1000n);
  let shipmentFreight: Fixed;
  let fcl: FreightBreakdown['fcl'] = null;
  let lcl: FreightBreakdown['lcl'] = null;

  if (freight.mode === 'FCL') {
    const spec = containerSpecs[freight.container];
    const limits = containerLimits[freight.container];
    const byVolume = limits.cbm.divFloor(packing.cbm);
    const byWeight = limits.kg.divFloor(packing.kg);
    const perContainer = Fixed.min(byVolume, byWeight);
    if (perContainer.lt(ONE)) {
      const limit = byVolume.lt(ONE) ? 'volume' : 'weight';
      throw new DomainError('VALIDATION', `one carton exceeds the usable ${limit} of a ${freight.container} container`, [
        { field: 'packing', message: `one carton exceeds the usable ${limit} of a ${freight.container} container` },
      ]);
    }
    const containers = cartons.divCeil(perContainer);
    shipmentFreight = containers.times(freight.price);
    fcl = {
      containerType: freight.container,
      capacityCbm: spec.capacityCbm,
      payloadTonnes: spec.payloadTonnes,
      cartonsByVolume: count(byVolume),
      cartonsByWeight: count(byWeight),
      cartonsPerContainer: count(perContainer),
      // On a tie the volume is reported: both limits are reached at once.
      limitedBy: byWeight.lt(byVolume) ? 'WEIGHT' : 'VOLUME',
      containers: count(containers),
      pricePerContainer: total(freight.price, freight.currency),
    };
  } else {
    // W/M: the shipment pays on whichever is larger, cubic metres or metric tonnes.
    const chargedBy = shipmentTonnes.gt(shipmentCbm) ? 'WEIGHT' : 'VOLUME';
    const wm = chargedBy === 'WEIGHT' ? shipmentTonnes : shipmentCbm;
    const base = wm.times(freight.ratePerWm);
    const surcharges = base.times(freight.surchargeRate);
    shipmentFreight = base.plus(surcharges);
    lcl = {
      chargeableWm: measure(wm),
      chargedBy,
      ratePerWm: total(freight.ratePerWm, freight.currency),
      baseFreight: total(base, freight.currency),
      surcharges: total(surcharges, freight.currency),
    };
  }

  const perUnit = shipmentFreight.div(q);
  const perUnitCost = freight.currency === inp.costCurrency ? perUnit : perUnit.times(inp.X);
  return {
    perUnit,
    perUnitCost,
    breakdown: {
      mode: freight.mode,
      currency: freight.currency,
      cartons: count(cartons),
      cartonCbm: fixed(packing.cbm, 4),
      shipmentCbm: measure(shipmentCbm),
      shipmentTonnes: measure(shipmentTonnes),
      fcl,
      lcl,
      total: total(shipmentFreight, freight.currency),
      perUnit: unit(perUnit),
      perUnitInCostCurrency: unit(perUnitCost),
    },
  };
}

type Priced = { costBase: Fixed; insurance: Fixed; commission: Fixed; bankCharges: Fixed; profit: Fixed; price: Fixed };

/** Prices a cost base with profit, commission and bank charges, on the chosen profit basis. */
function pricer(inp: Inputs): (costBase: Fixed) => Priced {
  const { p, c, b } = inp;
  if (inp.basis === 'SHARE_OF_PRICE') {
    const share = ONE.minus(p).minus(c).minus(b);
    return (costBase) => {
      const price = costBase.div(share);
      return { costBase, insurance: ZERO, commission: price.times(c), bankCharges: price.times(b), profit: price.times(p), price };
    };
  }
  const markup = ONE.plus(p).div(ONE.minus(c).minus(b));
  return (costBase) => {
    const price = costBase.times(markup);
    return { costBase, insurance: ZERO, commission: price.times(c), bankCharges: price.times(b), profit: costBase.times(p), price };
  };
}

/**
 * Costs an export price per unit: rebate, actual cost, domestic expenses, freight from the packing,
 * insurance, commission, bank charges and profit, then FOB/CFR/CIF (and FCA/CPT/CIP) in the quote
 * currency, with the FX cost of export and the profit/loss. Throws VALIDATION naming each bad field.
 */
/**
 * The cost build-up per unit in the cost currency, the same for costing a price and for evaluating
 * one: purchase cost without VAT, the rebate, the actual cost, domestic expenses, FOB cost, freight.
 */
function costBuildUp(inp: Inputs) {
  const exclVat = inp.P.div(ONE.plus(inp.v));
  const rebateIncome = exclVat.times(inp.r);
  const actualCost = inp.P.minus(rebateIncome);
  const domestic = inp.fixedExpenses.div(inp.q).plus(inp.perUnitExpenses);
  const fobCost = actualCost.plus(domestic);
  const freight = costFreight(inp);
  return { exclVat, rebateIncome, actualCost, domestic, fobCost, freight };
}

/** The build-up as the results write it, per unit. */
function costsOf(inp: Inputs, b: ReturnType<typeof costBuildUp>) {
  return {
    purchaseCostInclVat: unit(inp.P),
    purchaseCostExclVat: unit(b.exclVat),
    rebateIncome: unit(b.rebateIncome),
    actualCost: unit(b.actualCost),
    domesticExpensesPerUnit: unit(b.domestic),
    freightPerUnit: b.freight ? unit(b.freight.perUnitCost) : null,
    totalCostPerUnit: unit(b.fobCost),
  };
}

export function calculateExportPrice(input: ExportCostingInput): ExportCostingResult {
  const inp = parseInput(input);
  const { q, X, costCurrency, quoteCurrency } = inp;

  const built = costBuildUp(inp);
  const { fobCost, freight } = built;

  const priceOf = pricer(inp);
  const fob = priceOf(fobCost);
  const cfr = freight ? priceOf(fobCost.plus(freight.perUnitCost)) : null;
  let cif: Priced | null = null;
  if (cfr && inp.i) {
    const price = cfr.price.div(ONE.minus(inp.k.times(inp.i)));
    cif = { ...cfr, insurance: price.minus(cfr.price), price };
  } else if (cfr && inp.insuranceAmount) {
    // The policy's premium for the whole quantity, in the quote currency, spread per unit.
    const insurance = inp.insuranceAmount.div(q).times(X);
    cif = { ...cfr, insurance, price: cfr.price.plus(insurance) };
  }

  const quote = (term: TermPrice['costedAs'], x: Priced): TermPrice => {
    const unitPrice = x.price.div(X);
    return {
      term,
      costedAs: term,
      costBase: unit(x.costBase),
      insurance: unit(x.insurance),
      commission: unit(x.commission),
      bankCharges: unit(x.bankCharges),
      profit: unit(x.profit),
      unitPriceInCostCurrency: unit(x.price),
      unitPrice: unit(unitPrice),
      // The pro-forma line is the quoted (rounded) unit price times the quantity.
      amount: total(unitPrice.round(UNIT_PRICE_SCALE).times(q), quoteCurrency),
    };
  };

  const fobQuote = quote('FOB', fob);
  const cfrQuote = cfr && quote('CFR', cfr);
  const cifQuote = cif && quote('CIF', cif);
  const costed: Record<CostedTerm, TermPrice | null> = { FOB: fobQuote, CFR: cfrQuote, CIF: cifQuote };
  const asTerm = (term: PriceTerm): TermPrice | null => {
    const base = costed[costedTerm(term)];
    return base && { ...base, term };
  };

  const netFxPerUnit = fob.price.minus(fob.commission).minus(fob.bankCharges).div(X);
  const totalCost = fobCost.times(q);
  const netFx = netFxPerUnit.times(q);
  const profitLoss = netFx.times(X).minus(totalCost);

  // Notes are plain ASCII ("-" and "*" in formulas): a batch answer is then one byte per character,
  // which Node writes to the socket without transcoding (bench:costing: p95 ~2 ms less on 200 lines).
  const notes = [
    inp.basis === 'SHARE_OF_PRICE'
      ? `Profit is ${rate(inp.p)} of the price (SHARE_OF_PRICE): price = cost / (1 - profit - commission - bank charges).`
      : `Profit is a mark-up of ${rate(inp.p)} on cost (MARKUP_ON_COST): price = cost * (1 + profit) / (1 - commission - bank charges).`,
    'FCA, CPT and CIP are costed as FOB, CFR and CIF: the same cost items, handed over at a named place instead of on board.',
  ];
  if (cif && inp.insuranceAmount) notes.push(`CIF = CFR + the insurance amount of ${total(inp.insuranceAmount, quoteCurrency)} ${quoteCurrency} spread over the quantity.`);
  else if (cif) notes.push('CIF = CFR / (1 - cover * premium rate): the premium is on the whole CIF value; commission, bank charges and profit are those of the CFR price. CIP under Incoterms 2020 needs ICC (A) cover: give that premium rate when quoting CIP.');
  const freightCurrency = inp.freight.mode === 'NONE' ? costCurrency : inp.freight.currency;
  if (inp.freight.mode === 'AMOUNT') notes.push(`Freight is the amount given for the whole quantity: ${total(inp.freight.amount, freightCurrency)} ${freightCurrency}.`);
  if (freight && freightCurrency !== costCurrency) notes.push(`Freight in ${freightCurrency} is converted at the exchange rate ${inp.X.toString()}.`);
  if (!freight) notes.push('No freight costed: only FOB and FCA are quoted.');
  else if (!cif) notes.push('No insurance premium rate or amount given: CIF and CIP are not quoted.');

  return {
    costCurrency,
    quoteCurrency,
    exchangeRate: inp.X.toString(),
    quantity: q.toString(),
    profitBasis: inp.basis,
    profitRate: rate(inp.p),
    costs: costsOf(inp, built),
    freight: freight?.breakdown ?? null,
    prices: {
      FOB: fobQuote,
      CFR: cfrQuote,
      CIF: cifQuote,
      FCA: asTerm('FCA')!,
      CPT: asTerm('CPT'),
      CIP: asTerm('CIP'),
    },
    indicators: {
      basis: 'FOB',
      totalCost: total(totalCost, costCurrency),
      netFxIncomePerUnit: unit(netFxPerUnit),
      netFxIncome: total(netFx, quoteCurrency),
      fxCostOfExport: netFx.isZero() ? null : rate(totalCost.div(netFx)),
      profitLoss: total(profitLoss, costCurrency),
      profitLossRate: totalCost.isZero() ? rate(ZERO) : rate(profitLoss.div(totalCost)),
    },
    notes,
  };
}

/**
 * Costs many lines (a whole quote) in order, each note once with the lines it explains (see
 * `notesOnce`). Every invalid line is reported, its fields named `lines.<index>.<field>`.
 */
export function calculateExportPrices(lines: readonly ExportCostingInput[]): CostedBatch<ExportCostingResult> {
  return notesOnce(batch(lines, calculateExportPrice));
}

// ───────────────────────────── Counter-offer costing (还价核算) ─────────────────────────────

/*
 * From a given price back to profit. G = the given unit price × X (in the cost currency), on term T:
 *
 *   insurance      I = cover × premium rate × G (CIF/CIP), or the insurance amount / q × X
 *   price before insurance  P′ = G − I   (the FOB or CFR price the costing above would have built)
 *   commission     C = c × P′,  bank charges  B = b × P′   (as the costing charges them)
 *   freight        F = freight per unit (CFR/CPT/CIF/CIP)
 *   net FX income  N = (G − F − I − C − B) / X per unit, in the quote currency (= FOB net)
 *   total cost     (A + D) × q;  FX cost of export = total cost / (N × q)
 *   profit/loss    N × q × X − total cost;  rate = profit/loss / total cost
 *   profit per unit  P′ − C − B − cost base of T (A + D, + F beyond FOB)
 *     as a share of the price  profit / P′;  as a mark-up on cost  profit / cost base
 *
 * so that evaluating the price the costing quotes for a profit rate gives that rate back. The same
 * deal on the other terms keeps the net FX income: FOB = N / (1 − c − b), CFR = (N + F) / (1 − c − b),
 * CIF = CFR / (1 − cover × rate) or CFR + insurance: with c = b = 0, FOB = CFR − F and
 * CFR = CIF × (1 − cover × rate), the textbook conversions.
 *
 * The purchase cost that allows the price at a target profit: the cost base the price leaves,
 * P′ × (1 − p − c − b) (share of price) or P′ × (1 − c − b) / (1 + p) (mark-up), less the domestic
 * expenses and freight, is the actual cost A; the cost incl. VAT is A / (1 − r / (1 + v)).
 */

export type ExportEvaluationInput = Omit<ExportCostingInput, 'profitBasis' | 'profitRate'> & {
  /** The term the given price is on. */
  term: PriceTerm;
  /** The given price per unit in the quote currency (the buyer's counter-offer, or a price to test). */
  unitPrice: DecimalInput;
  /** A profit to reach: the evaluation then says what purchase cost would allow the price. */
  targetProfitBasis?: ProfitBasis;
  targetProfitRate?: DecimalInput;
};

export type ExportEvaluationResult = {
  term: PriceTerm;
  costedAs: CostedTerm;
  costCurrency: string;
  quoteCurrency: string;
  exchangeRate: string;
  quantity: string;
  /** The given price, 4 places, and the line amount at it. */
  unitPrice: string;
  amount: string;
  costs: ExportCostingResult['costs'];
  freight: FreightBreakdown | null;
  /** What comes off the given price per unit before it reaches the exporter, in the quote currency. */
  deductions: { freight: string; insurance: string; commission: string; bankCharges: string };
  /** The same deal on the other terms, at the same freight and insurance, per unit in the quote currency. */
  equivalents: Record<'FOB' | 'FCA', string> & Record<'CFR' | 'CPT' | 'CIF' | 'CIP', string | null>;
  indicators: {
    totalCost: string;
    netFxIncomePerUnit: string;
    netFxIncome: string;
    fxCostOfExport: string | null;
    profitLoss: string;
    profitLossRate: string;
    /** Profit per unit in the cost currency, at the given price. */
    profitPerUnit: string;
    /** The profit rate the price leaves, on both profit bases. */
    profitRateOfPrice: string;
    profitMarkupOnCost: string | null;
  };
  /** For a target profit: the purchase cost incl. VAT per unit that would allow the price (null: none can). */
  target: { profitBasis: ProfitBasis; profitRate: string; purchaseCostInclVat: string | null; reduction: string | null } | null;
  notes: string[];
};

/**
 * Counter-offer costing (还价核算): from a given unit price on any term back to the net FX income,
 * the FX cost of export, the profit or loss and the profit rate it leaves on both bases; the same
 * deal on the other terms; and for a target profit the purchase cost that would allow the price.
 * Throws VALIDATION naming each bad field, including the freight or insurance a term needs.
 */
export function evaluateExportPrice(input: ExportEvaluationInput): ExportEvaluationResult {
  let G0: Fixed | undefined;
  let targetRate: Fixed | undefined;
  const inp = parseInput({ ...input, profitBasis: 'SHARE_OF_PRICE', profitRate: '0' }, ({ read, fail }) => {
    if (!(priceTerms as readonly string[]).includes(input.term)) fail('term', `must be one of ${priceTerms.join(', ')}`);
    G0 = read('unitPrice', input.unitPrice, 'positive');
    if (input.targetProfitRate !== undefined || input.targetProfitBasis !== undefined) {
      if (!input.targetProfitBasis || !profitBases.includes(input.targetProfitBasis)) fail('targetProfitBasis', `must be one of ${profitBases.join(', ')} with a target profit rate`);
      targetRate = read('targetProfitRate', input.targetProfitRate, 'rate');
    }
    const costed = (priceTerms as readonly string[]).includes(input.term) ? costedTerm(input.term) : 'FOB';
    const hasFreight = input.freightAmount !== undefined || input.freightMode === 'FCL' || input.freightMode === 'LCL';
    if (costed !== 'FOB' && !hasFreight) fail('freightAmount', `is required for ${input.term}: give the freight amount, or FCL/LCL freight rates`);
    if (costed === 'CIF' && input.insurancePremiumRate === undefined && input.insuranceAmount === undefined) {
      fail('insurancePremiumRate', `is required for ${input.term}: give the premium rate, or the insurance amount`);
    }
  });
  const G = G0!.times(inp.X);
  const { q, X, c, b, costCurrency, quoteCurrency } = inp;
  const term = input.term;
  const costed = costedTerm(term);

  const built = costBuildUp(inp);
  const { domestic, fobCost, freight } = built;
  const F = costed === 'FOB' || !freight ? ZERO : freight.perUnitCost;
  const insuranceOf = (cif: Fixed) => (inp.i ? cif.times(inp.k).times(inp.i) : inp.insuranceAmount ? inp.insuranceAmount.div(q).times(X) : ZERO);
  const I = costed === 'CIF' ? insuranceOf(G) : ZERO;
  const beforeInsurance = G.minus(I);
  const C = beforeInsurance.times(c);
  const B = beforeInsurance.times(b);
  const costBase = fobCost.plus(F);
  const profit = beforeInsurance.minus(C).minus(B).minus(costBase);

  const netPerUnit = G.minus(F).minus(I).minus(C).minus(B);
  const totalCost = fobCost.times(q);
  const netFx = netPerUnit.div(X).times(q);
  const profitLoss = netPerUnit.times(q).minus(totalCost);

  // The same deal on the other terms: the net FX income kept, at the same freight and insurance.
  const keep = ONE.minus(c).minus(b);
  const fobEq = netPerUnit.div(keep);
  const freightAll = freight ? freight.perUnitCost : null;
  const cfrEq = freightAll ? netPerUnit.plus(freightAll).div(keep) : null;
  let cifEq: Fixed | null = null;
  if (cfrEq && inp.i) cifEq = cfrEq.div(ONE.minus(inp.k.times(inp.i)));
  else if (cfrEq && inp.insuranceAmount) cifEq = cfrEq.plus(inp.insuranceAmount.div(q).times(X));
  const inQuote = (d: Fixed | null) => (d ? unit(d.div(X)) : null);

  let target: ExportEvaluationResult['target'] = null;
  if (input.targetProfitBasis && targetRate) {
    const p = targetRate;
    const base = input.targetProfitBasis === 'SHARE_OF_PRICE' ? beforeInsurance.times(ONE.minus(p).minus(c).minus(b)) : beforeInsurance.times(keep).div(ONE.plus(p));
    const actual = base.minus(domestic).minus(F);
    const purchase = actual.div(ONE.minus(inp.r.div(ONE.plus(inp.v))));
    const possible = purchase.gt(ZERO) && !(input.targetProfitBasis === 'SHARE_OF_PRICE' && p.plus(c).plus(b).gte(ONE));
    target = {
      profitBasis: input.targetProfitBasis,
      profitRate: rate(p),
      purchaseCostInclVat: possible ? unit(purchase) : null,
      reduction: possible ? unit(inp.P.minus(purchase)) : null,
    };
  }

  const notes = [
    `Evaluated at ${unit(G0!)} ${quoteCurrency} ${term}: net FX income = price - freight - insurance - commission - bank charges.`,
  ];
  if (costed === 'CIF') notes.push(inp.i ? 'Insurance = cover * premium rate * the given CIF price.' : 'Insurance is the amount given, spread over the quantity.');
  if (target && target.purchaseCostInclVat === null) notes.push('No purchase cost allows this price at the target profit: the price does not cover the expenses and freight.');
  if (profitLoss.isNegative()) notes.push('The price is a loss: it does not cover the total cost.');

  return {
    term,
    costedAs: costed,
    costCurrency,
    quoteCurrency,
    exchangeRate: X.toString(),
    quantity: q.toString(),
    unitPrice: unit(G0!),
    amount: total(G0!.round(UNIT_PRICE_SCALE).times(q), quoteCurrency),
    costs: costsOf(inp, built),
    freight: freight?.breakdown ?? null,
    deductions: { freight: unit(F.div(X)), insurance: unit(I.div(X)), commission: unit(C.div(X)), bankCharges: unit(B.div(X)) },
    equivalents: { FOB: unit(fobEq.div(X)), FCA: unit(fobEq.div(X)), CFR: inQuote(cfrEq), CPT: inQuote(cfrEq), CIF: inQuote(cifEq), CIP: inQuote(cifEq) },
    indicators: {
      totalCost: total(totalCost, costCurrency),
      netFxIncomePerUnit: unit(netPerUnit.div(X)),
      netFxIncome: total(netFx, quoteCurrency),
      fxCostOfExport: netFx.lte(ZERO) ? null : rate(totalCost.div(netFx)),
      profitLoss: total(profitLoss, costCurrency),
      profitLossRate: totalCost.isZero() ? rate(ZERO) : rate(profitLoss.div(totalCost)),
      profitPerUnit: unit(profit),
      profitRateOfPrice: rate(profit.div(beforeInsurance)),
      profitMarkupOnCost: costBase.isZero() ? null : rate(profit.div(costBase)),
    },
    target,
    notes,
  };
}

/** Evaluates many lines (a whole counter-offer) in order; invalid lines are named `lines.<index>.<field>`. */
export function evaluateExportPrices(lines: readonly ExportEvaluationInput[]): CostedBatch<ExportEvaluationResult> {
  return notesOnce(batch(lines, evaluateExportPrice));
}

/**
 * Converts a unit price from one term to another at a given freight and insurance per unit (same
 * currency), keeping what the seller nets: FOB = CFR − freight, CFR = CIF × (1 − cover × rate),
 * CIF = CFR / (1 − cover × rate), or ± an insurance amount per unit; with commission the net price
 * is converted and the commission put back on (price with commission = net / (1 − c)).
 */
export function convertTermPrice(args: {
  unitPrice: DecimalInput;
  from: PriceTerm;
  to: PriceTerm;
  freightPerUnit?: DecimalInput;
  insurance?: { coverRate?: DecimalInput; premiumRate: DecimalInput } | { perUnit: DecimalInput };
  commissionRate?: DecimalInput;
}): Dec {
  const from = costedTerm(args.from);
  const to = costedTerm(args.to);
  const c = new Dec(args.commissionRate ?? 0);
  const needs = (what: string) => new DomainError('VALIDATION', `${what} is needed to convert ${args.from} to ${args.to}`, [{ field: what, message: `is required to convert ${args.from} to ${args.to}` }]);
  const order = { FOB: 0, CFR: 1, CIF: 2 } as const;
  let net = new Dec(args.unitPrice).times(DEC_ONE.minus(c));
  const freight = () => {
    if (args.freightPerUnit === undefined) throw needs('freightPerUnit');
    return new Dec(args.freightPerUnit);
  };
  const ins = args.insurance;
  const toCfr = (cif: Dec) => {
    if (!ins) throw needs('insurance');
    return 'perUnit' in ins ? cif.minus(ins.perUnit) : cfrFromCif(cif, ins.coverRate ?? '1.10', ins.premiumRate);
  };
  const toCif = (cfr: Dec) => {
    if (!ins) throw needs('insurance');
    return 'perUnit' in ins ? cfr.plus(ins.perUnit) : cifFromCfr(cfr, ins.coverRate ?? '1.10', ins.premiumRate);
  };
  if (order[from] > order[to]) {
    if (from === 'CIF') net = toCfr(net);
    if (to === 'FOB') net = net.minus(freight());
  } else if (order[from] < order[to]) {
    if (from === 'FOB') net = net.plus(freight());
    if (to === 'CIF') net = toCif(net);
  }
  return priceWithCommission(net, c);
}

/** A note of a batch, written once: its text and the (0-based) lines it explains, ascending. */
export type BatchNote = { text: string; lines: number[] };
/** The results of a batch, in order, without their notes, and each distinct note once. */
export type CostedBatch<R extends { notes: string[] }> = { results: Omit<R, 'notes'>[]; notes: BatchNote[] };

/**
 * Takes the notes out of each result and writes each distinct text once, in the order first met,
 * with the lines it belongs to. The notes explain the formulas and repeat from line to line: in a
 * 200-line quote they were a fifth of the answer, the same four sentences 200 times. Nothing is
 * lost: line i's notes are the texts whose `lines` hold i (in the order of the batch's notes).
 */
export function notesOnce<R extends { notes: string[] }>(results: readonly R[]): CostedBatch<R> {
  const linesOf = new Map<string, number[]>();
  const out = results.map(({ notes, ...rest }, index) => {
    for (const text of notes) {
      const lines = linesOf.get(text);
      if (lines) lines.push(index);
      else linesOf.set(text, [index]);
    }
    return rest;
  });
  return { results: out, notes: Array.from(linesOf, ([text, lines]) => ({ text, lines })) };
}

/** Runs `fn` on each line; every invalid line is reported at once, its fields named `lines.<index>.<field>`. */
function batch<I, R>(lines: readonly I[], fn: (line: I) => R): R[] {
  const results: R[] = [];
  const errors: FieldError[] = [];
  lines.forEach((line, index) => {
    try {
      results.push(fn(line));
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'VALIDATION') throw err;
      for (const f of err.fields ?? [{ field: '', message: err.message }]) {
        errors.push({ field: f.field ? `lines.${index}.${f.field}` : `lines.${index}`, message: f.message });
      }
    }
  });
  if (errors.length > 0) {
    throw new DomainError('VALIDATION', `${new Set(errors.map((e) => e.field.split('.')[1])).size} line(s) cannot be costed: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);
  }
  return results;
}
