import { z } from 'zod';
import { isCalendarDate } from '@portal/domain/calendar';

export { z };

/** A record id (UUIDv7). */
export const Id = z.uuid().describe('Record id (UUID)');

/** The language of a printed document; without it, the reader's (their stored language, else Accept-Language, else English). */
export const DocumentLangQuery = z.object({
  lang: z.enum(['en', 'zh']).optional().describe('Print in English or Chinese instead of the reader’s language'),
});

/** The problem+json body of every error answer (RFC 9457). */
export const Problem = z
  .object({
    type: z.string().describe('A URI naming the kind of problem'),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable code, e.g. VALIDATION, NOT_FOUND'),
    detail: z.string().describe('What went wrong, for a person'),
    requestId: z.string(),
    errors: z
      .array(z.object({ field: z.string().describe('Dotted path, e.g. body.company.name'), message: z.string() }))
      .optional()
      .describe('One entry per invalid field'),
  })
  .describe('Problem details (RFC 9457)');
export type Problem = z.infer<typeof Problem>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be a valid email address' }))
  .describe('Email address (compared case-insensitively)');

export const Password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters')
  .regex(/[A-Za-z]/, 'must contain letters and digits')
  .regex(/\d/, 'must contain letters and digits')
  .describe('At least 10 characters with letters and digits');

export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be a country, given as its ISO 3166 two-letter code')
  .describe('ISO 3166-1 alpha-2 country code');

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 three-letter currency code')
  .describe('ISO 4217 currency code');

/** A decimal amount on the wire: a string, never a binary float. */
export const DecimalString = z
  .string()
  .regex(/^-?\d{1,14}(\.\d{1,4})?$/, 'must be a decimal number written as a string, e.g. "1250.00"')
  .describe('Decimal number as a string');

export const Money = z.object({ amount: DecimalString, currency: CurrencyCode }).describe('An amount with its currency');

/** An amount as the API answers it: a decimal string at the currency's scale (4 places for unit prices), with its currency. */
export const MoneyView = z.object({ amount: z.string(), currency: z.string() });
export type MoneyView = z.infer<typeof MoneyView>;

/** A calendar date, YYYY-MM-DD (trade dates are dates, not instants). */
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD').refine(isCalendarDate, 'is not a real date');

/** A quantity of goods: up to 3 decimals, above zero. */
export const Quantity = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,3})?$/, 'must be a positive quantity, e.g. "1000"')
  .refine((v) => /[1-9]/.test(v), 'must be greater than zero');

/** A unit price: up to 4 decimals (export prices often go below one cent), above zero. */
export const UnitPriceString = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,4})?$/, 'must be a unit price with at most 4 decimals, e.g. "3.2000"')
  .refine((v) => /[1-9]/.test(v), 'must be greater than zero');

/** A port by its UN/LOCODE; the example names a port the field usually holds. */
export const portCode = (example: string) => z.string().regex(/^[A-Z]{5}$/, `must be a UN/LOCODE, e.g. ${example}`);
export const PortCode = portCode('DEHAM');

/** C0 controls but tab, line feed and carriage return; DEL; the C1 controls. PostgreSQL refuses NUL outright. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Any control character: names are one line. */
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Bidirectional embeddings, overrides and isolates: they make a name read differently from what it is. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Text a person typed, as the database can keep it: no control characters (but line breaks and
 * tabs) and no lone surrogates, which PostgreSQL cannot store (they answered 500 before).
 */
const safeString = (controls: RegExp = CONTROL) =>
  z
    .string()
    .refine((v) => !controls.test(v), 'must not contain control characters')
    .refine((v) => !LONE_SURROGATE.test(v), 'must be valid Unicode text');

/** Trimmed text with a length limit; empty strings are refused. */
export const text = (max: number) => safeString().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
/** Optional trimmed text; an empty string counts as absent. */
export const optionalText = (max: number) =>
  safeString()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((v) => (v === '' ? undefined : v));
/** A name of a person or a company: one line of text, without bidirectional overrides. */
export const nameText = (max: number) =>
  safeString(ANY_CONTROL)
    .refine((v) => !BIDI.test(v), 'must not contain bidirectional control characters')
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);
/** Words to search for: trimmed, possibly empty, safe to hand to the database and the search engine. */
export const searchText = (max: number) => safeString().trim().max(max, `must be at most ${max} characters`);

export const Timestamp = z.string().describe('ISO 8601 instant in UTC');

export const Paging = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
