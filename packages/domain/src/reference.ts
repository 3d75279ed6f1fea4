import { DomainError } from './errors.ts';

/** ISO 3166-1 alpha-2 country codes. Names come from Intl.DisplayNames in the reader's language. */
export const countryCodes = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/** Currencies the exporter invoices in (ISO 4217). */
export const tradeCurrencies = ['USD', 'EUR', 'GBP', 'CNY', 'JPY', 'AUD', 'CAD', 'CHF', 'HKD', 'SGD', 'AED', 'SAR', 'INR', 'BRL', 'MXN', 'ZAR', 'RUB', 'KRW', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'TRY'] as const;

export const incoterms = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'] as const;
export type Incoterm = (typeof incoterms)[number];

/**
 * The terms an exporter quotes until a manager says otherwise: those the export costing prices (the
 * sea terms FOB, CFR, CIF and their any-mode twins FCA, CPT, CIP) and EXW. Delivered terms (DAP,
 * DPU, DDP) need destination costs the costing does not hold, and FAS is rare for container cargo.
 */
export const DEFAULT_QUOTED_INCOTERMS: readonly Incoterm[] = ['EXW', 'FCA', 'CPT', 'CIP', 'FOB', 'CFR', 'CIF'];

/** An inquiry asks for a term the exporter quotes; otherwise a VALIDATION error names the field and the terms on offer. */
export function assertQuotedIncoterm(incoterm: string, quoted: readonly string[], field = 'body.incoterm'): void {
  if (quoted.includes(incoterm)) return;
  throw new DomainError('VALIDATION', `we do not quote ${incoterm}`, [{ field, message: `is not a term we quote; choose one of ${quoted.join(', ')}` }]);
}

/** Kinds of place a UN/LOCODE names. */
export const portKinds = ['SEA', 'AIR', 'RAIL', 'INLAND'] as const;
export type PortKind = (typeof portKinds)[number];

/** How an instalment is paid: T/T, L/C, D/P, D/A, O/A. */
export const paymentMethods = ['TT', 'LC', 'DP', 'DA', 'OA'] as const;
export type PaymentMethodCode = (typeof paymentMethods)[number];

/** What an instalment falls due on (plus its days, if any). */
export const paymentTriggers = ['CONTRACT_CONFIRMATION', 'BEFORE_SHIPMENT', 'BL_COPY', 'BL_DATE', 'SIGHT', 'ACCEPTANCE', 'INVOICE_DATE'] as const;
export type PaymentTriggerCode = (typeof paymentTriggers)[number];

/** The payment methods as written on trade documents. */
export const paymentMethodNames: Record<PaymentMethodCode, string> = { TT: 'T/T', LC: 'L/C', DP: 'D/P', DA: 'D/A', OA: 'O/A' };
