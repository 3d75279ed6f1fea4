import { IntlMessageFormat } from 'intl-messageformat';

/*
 * What the portal says to people (notifications, mail, PDF clauses) in the reader's language.
 * Texts are ICU MessageFormat (FormatJS `intl-messageformat`, the library the SPA's react-intl is
 * built on): plurals, grouped numbers and dates for the locale inside the message. Each capability
 * keeps its texts in one catalogue, `modules/<feature>/<feature>.messages.ts`, English and Chinese
 * side by side; services pass a message `kind` and its `params` (facts, not words), and the text is
 * rendered per recipient when the notice or mail is written.
 */

/** The languages the portal writes in. */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** The locale each language formats numbers, money and dates with. */
const TAG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

/** The language of a stored locale ('en', 'zh-CN', 'zh' …); English when unknown. */
export function langOf(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The locale a language formats with (for Intl outside messages, e.g. PDFs). */
export function intlLocale(lang: Lang): string {
  return TAG[lang];
}

/** An amount of money as the domain keeps it: an exact decimal string and its currency. */
export type Money = { amount: string; currency: string };
/**
 * A fact a message may use: text, a number (or an exact decimal as a string), a date, money, or
 * words that depend on the reader's language (a list of changes, a summary), made per language.
 */
export type Param = string | number | Date | Money | ((lang: Lang) => string) | null | undefined;
export type Params = Record<string, Param>;

/**
 * One message in one language, each text ICU MessageFormat over the same params: `title` and `body`
 * are the portal notice (the title is also the mail's subject unless `subject` is given); a mail
 * says `paragraphs` (else the body) with a button worded `action`.
 */
export type Message = { title: string; body?: string; subject?: string; paragraphs?: readonly string[]; action?: string };

/** A capability's messages: the same kinds in every language. */
export type Catalogue<K extends string = string> = { readonly [L in Lang]: Readonly<Record<K, Message>> };

/** Declares a catalogue; the type makes Chinese carry exactly the kinds English has. */
export function defineMessages<K extends string>(catalogue: { en: Record<K, Message>; zh: Record<NoInfer<K>, Message> }): Catalogue<K> {
  return catalogue;
}

/**
 * Printed words (a PDF's labels and clauses): one ICU pattern per key and language, formatted with
 * the same params and rules as messages.
 */
export type Texts<K extends string = string> = { readonly [L in Lang]: Readonly<Record<K, string>> };

/** Declares printed words; the type makes Chinese carry exactly the keys English has. */
export function defineTexts<K extends string>(texts: { en: Record<K, string>; zh: Record<NoInfer<K>, string> }): Texts<K> {
  return texts;
}

/** One printed text for a reader of a language. */
export function textOf<K extends string>(texts: Texts<K>, key: K, lang: Lang, params: Params = {}): string {
  const pattern = texts[lang][key];
  if (pattern === undefined) throw new Error(`no ${lang} text for ${key}`);
  return formatPattern(pattern, lang, params);
}

/** A message rendered for one reader. */
export type RenderedMessage = { title: string; body: string; subject: string; paragraphs: string[]; action: string | undefined };

/** Calendar dates are stored as UTC midnight: dates in messages are read in UTC so the day never shifts. */
const dateFormats = {
  date: {
    short: { timeZone: 'UTC' },
    medium: { timeZone: 'UTC' },
    long: { timeZone: 'UTC' },
    full: { timeZone: 'UTC' },
  },
} as const;

const compiled = new Map<string, IntlMessageFormat>();

/** The compiled form of a pattern in a language (parsed once per process). */
export function compile(pattern: string, lang: Lang): IntlMessageFormat {
  const key = `${lang}\u0000${pattern}`;
  let format = compiled.get(key);
  if (!format) {
    format = new IntlMessageFormat(pattern, TAG[lang], dateFormats, { ignoreTag: true });
    compiled.set(key, format);
  }
  return format;
}

function isMoney(value: Param): value is Money {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'amount' in value && 'currency' in value;
}

/**
 * Money for a reader: "USD 110,400.00" in English (the code, as trade documents write it),
 * "US$110,400.00" in Chinese (CLDR's symbol for zh). The decimal string is formatted as it is,
 * never through a float, with the currency's decimals or more when the amount has them (a unit
 * price of 0.4125 keeps its four places).
 */
export function formatMoney(money: Money, lang: Lang): string {
  const places = money.amount.includes('.') ? money.amount.length - money.amount.indexOf('.') - 1 : 0;
  const base = new Intl.NumberFormat('en', { style: 'currency', currency: money.currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const format = new Intl.NumberFormat(TAG[lang], {
    style: 'currency', currency: money.currency, currencyDisplay: lang === 'en' ? 'code' : 'symbol',
    minimumFractionDigits: Math.min(Math.max(base, places), 6), maximumFractionDigits: Math.min(Math.max(base, places), 6),
  });
  // Intl formats a decimal string exactly; the typings only know numbers.
  return format.format(money.amount as unknown as number).replace(/\u00a0/g, ' ');
}

/** A number grouped for a reader ("50,000"); exact for decimal strings. */
export function formatNumber(value: string | number, lang: Lang): string {
  return new Intl.NumberFormat(TAG[lang], { maximumFractionDigits: 4 }).format(value as number);
}

/** A calendar date for a reader ("1 December 2026" / "2026年12月1日"). */
export function formatDate(value: Date | string, lang: Lang): string {
  return new Intl.DateTimeFormat(TAG[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(typeof value === 'string' ? calendarDay(value) : value);
}

/** A country's name for a reader, from its ISO code ("GB" → "United Kingdom" / "英国"). */
export function formatCountry(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([TAG[lang]], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A calendar date ('2026-12-01') as the Date a message formats (UTC midnight). */
export function calendarDay(value: string): Date {
  return new Date(`${value.slice(0, 10)}T00:00:00Z`);
}

/** Params as ICU takes them: money already formatted for the reader, nothing missing left undefined. */
function valuesFor(params: Params, lang: Lang): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined) values[name] = '';
    else if (typeof value === 'function') values[name] = value(lang);
    else if (isMoney(value)) values[name] = formatMoney(value, lang);
    else values[name] = value;
  }
  return values;
}

/** Formats one ICU pattern for a reader. */
export function formatPattern(pattern: string, lang: Lang, params: Params = {}): string {
  return String(compile(pattern, lang).format(valuesFor(params, lang)));
}

/** Renders a message of a catalogue for a reader of a language. */
export function renderMessage<K extends string>(catalogue: Catalogue<K>, kind: K, lang: Lang, params: Params = {}): RenderedMessage {
  const message = catalogue[lang][kind];
  if (!message) throw new Error(`no ${lang} message for ${kind}`);
  const values = valuesFor(params, lang);
  const text = (pattern: string) => String(compile(pattern, lang).format(values));
  const title = text(message.title).trim();
  const body = message.body === undefined ? '' : text(message.body).trim();
  return {
    title,
    body,
    subject: message.subject === undefined ? title : text(message.subject),
    // A paragraph may render to several lines (a list of lines) or to nothing (an optional note).
    paragraphs: (message.paragraphs ? message.paragraphs.map(text) : [body]).flatMap((p) => p.split('\n')).filter((p) => p.trim() !== ''),
    action: message.action === undefined ? undefined : text(message.action),
  };
}

/** What every mail says around its own text. */
export const mailMessages = defineMessages({
  en: {
    greeting: { title: 'Dear {name},' },
    hello: { title: 'Hello,' },
    open: { title: 'Open it in the portal' },
  },
  zh: {
    greeting: { title: '{name}，您好：' },
    hello: { title: '您好：' },
    open: { title: '在门户中查看' },
  },
});
