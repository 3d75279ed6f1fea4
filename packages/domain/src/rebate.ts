/**
 * Default VAT and export rebate rates by HS code, for a new cost sheet. China's rebate rates are set
 * per tariff line (退税率); these defaults follow the 2026 schedule for the chapters this exporter
 * trades in, by the longest matching prefix. A clerk always sees and can change them.
 */
const rebateByPrefix: [prefix: string, rebate: string][] = [
  ['61', '0.13'], // knitted apparel (T-shirts, polos, hoodies)
  ['62', '0.13'], // woven apparel (aprons)
  ['6302', '0.13'], // bed, table, toilet and kitchen linen (towels)
  ['4202', '0.13'], // bags (tote bags)
  ['4419', '0.09'], // wooden tableware and kitchenware (bamboo boards)
  ['6912', '0.13'], // ceramic tableware (mugs)
  ['7013', '0.13'], // glassware
  ['7323', '0.13'], // steel table and kitchen articles
  ['8211', '0.13'], // knives
  ['3924', '0.13'], // plastic tableware and kitchenware
  ['9617', '0.13'], // vacuum flasks
];

export const STANDARD_VAT_RATE = '0.13';

/** The default VAT and rebate rates for an HS code; unknown codes get VAT 13% and no rebate. */
export function defaultTaxRates(hsCode: string | null | undefined): { vatRate: string; rebateRate: string; matched: string | null } {
  const code = (hsCode ?? '').replace(/\D/g, '');
  let best: [string, string] | undefined;
  for (const entry of rebateByPrefix) if (code.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return { vatRate: STANDARD_VAT_RATE, rebateRate: best ? best[1] : '0', matched: best ? best[0] : null };
}
