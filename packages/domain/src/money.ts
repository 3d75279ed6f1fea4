import Decimal from 'decimal.js';

/** A decimal library configured for money: enough precision that only explicit rounding rounds. */
// Pure, and the package is free of side effects (package.json): modules that import only lists and
// calendar dates from the domain do not bring decimal.js into the SPA's bundles.
export const Dec = /* @__PURE__ */ Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** An amount with its currency. Amounts are never binary floats. */
export type Money = { amount: Dec; currency: string };

/** Decimal places by currency for totals (ISO 4217 minor units); unit prices keep 4. */
const minorUnits: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, KWD: 3, BHD: 3, OMR: 3, JOD: 3, TND: 3 };
export const UNIT_PRICE_SCALE = 4;

/** The number of decimal places a total in this currency is rounded to. */
export function currencyScale(currency: string): number {
  return minorUnits[currency] ?? 2;
}

/** Parses a decimal string (as sent on the wire) into Money; throws on anything not a plain decimal. */
export function money(amount: string | Dec, currency: string): Money {
  if (typeof amount === 'string' && !/^-?\d+(\.\d+)?$/.test(amount)) {
    throw new RangeError(`not a decimal amount: ${amount}`);
  }
  return { amount: new Dec(amount), currency };
}

/** Adds amounts of one currency; refuses to add across currencies. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new RangeError(`cannot add ${a.currency} to ${b.currency}`);
  return { amount: a.amount.plus(b.amount), currency: a.currency };
}

/** Rounds half-up to the currency's total precision. */
export function roundTotal(m: Money): Money {
  return { amount: m.amount.toDecimalPlaces(currencyScale(m.currency), Dec.ROUND_HALF_UP), currency: m.currency };
}

/** The wire form of an amount: a fixed-point string at the given scale (default: the currency's). */
export function formatAmount(m: Money, scale = currencyScale(m.currency)): string {
  return m.amount.toFixed(scale, Dec.ROUND_HALF_UP);
}

/**
 * An amount in another currency at the bank buying rates (units of CNY per unit of each currency, as
 * the exchange-rate table keeps them; CNY itself is 1), to `places` decimals half-up. Null when a rate
 * is missing. For showing a price in the reader's currency as indicative, never for invoicing.
 */
export function convertAtBuyingRates(amount: string, from: string, to: string, rates: ReadonlyMap<string, string>, places = UNIT_PRICE_SCALE): string | null {
  if (from === to) return new Dec(amount).toFixed(places);
  const cny = (c: string) => (c === 'CNY' ? '1' : rates.get(c));
  const fromRate = cny(from);
  const toRate = cny(to);
  if (!fromRate || !toRate || new Dec(toRate).lte(0)) return null;
  return new Dec(amount).times(fromRate).div(toRate).toFixed(places);
}
