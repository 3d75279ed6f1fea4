import { Dec } from '@portal/domain';

/** A rate in percent with a fixed number of places: "0.0812" → "8.1". Decimal, so 0.07 stays 7. */
export function percentOf(rate: string | Dec, digits = 1): string {
  return new Dec(rate).times(100).toFixed(digits);
}

/** A rate as a percentage, "8.1 %", or a dash when there is none. */
export function percent(rate: string | Dec | null, digits = 1): string {
  return rate === null ? '—' : `${percentOf(rate, digits)} %`;
}
