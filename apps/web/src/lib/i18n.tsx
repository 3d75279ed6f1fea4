import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl, type IntlShape } from 'react-intl';
import { en, type Catalogue, type MessageKey } from './messages.ts';

export type Locale = 'en' | 'zh-CN';
const STORAGE_KEY = 'portal.locale';

/** Values a message is worded from: ICU arguments (`{count, plural, …}`, `{date, date, medium}`, `{name}`). */
export type MessageValues = Record<string, string | number | Date>;

type I18n = {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The message `key` in the reader's language, formatted by ICU MessageFormat with `values`. */
  t(key: MessageKey, values?: MessageValues): string;
  /** An exact decimal string formatted as money in the reader's locale, e.g. "US$1,250.00". */
  money(amount: string, currency: string, digits?: number): string;
  number(value: string | number, digits?: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
  country(code: string): string;
  /** react-intl's own API, for what the helpers above do not cover (relative time, lists). */
  intl: IntlShape;
};

const LocaleContext = createContext<{ locale: Locale; setLocale(locale: Locale): void } | null>(null);

/** The language before anyone signs in: what was chosen last on this device, else the browser's. */
export function initialLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let chinese: Catalogue | undefined;

/** A language's catalogue: English is at hand; Chinese is fetched once, the first time someone reads it. */
export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  if (locale === 'en') return en;
  chinese ??= (await import('./messages.zh.ts')).zh;
  return chinese;
}

function catalogueAtHand(locale: Locale): Catalogue | undefined {
  return locale === 'en' ? en : chinese;
}

/**
 * react-intl's provider with the reader's language and its catalogue. Switching to a language whose
 * catalogue is still on its way keeps the current one on screen until it arrives (no flash of keys);
 * only a first page in Chinese waits for it.
 */
export function I18nProvider({ children, locale: forced }: { children: ReactNode; locale?: Locale }) {
  const [wanted, setWanted] = useState<Locale>(forced ?? initialLocale());
  const [shown, setShown] = useState<{ locale: Locale; messages: Catalogue } | null>(() => {
    const messages = catalogueAtHand(wanted);
    return messages ? { locale: wanted, messages } : null;
  });
  useEffect(() => {
    let current = true;
    void loadCatalogue(wanted).then((messages) => current && setShown({ locale: wanted, messages }));
    return () => {
      current = false;
    };
  }, [wanted]);
  const setLocale = useCallback((l: Locale) => {
    setWanted(l);
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
  }, []);
  const value = useMemo(() => ({ locale: shown?.locale ?? wanted, setLocale }), [shown?.locale, wanted, setLocale]);
  if (!shown) return null;
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={shown.locale} defaultLocale="en" messages={shown.messages} onError={reportIntlError}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

/** A message that fails to format is a defect: loud in development and tests, quiet for a reader. */
function reportIntlError(err: Error) {
  if (import.meta.env.DEV || import.meta.env.MODE === 'test') console.error(err);
}

export function useI18n(): I18n {
  const ctx = useContext(LocaleContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  const intl = useIntl();
  const { locale, setLocale } = ctx;
  return useMemo<I18n>(() => {
    const regionNames = new Intl.DisplayNames([locale], { type: 'region' });
    return {
      locale,
      setLocale,
      intl,
      t: (key, values) => intl.formatMessage({ id: key }, values),
      // Intl formats decimal strings exactly (no conversion to a binary float).
      money: (amount, currency, digits = 2) =>
        intl.formatNumber(amount as unknown as number, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }),
      number: (value, digits) =>
        intl.formatNumber(value as number, digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
      date: (iso) => intl.formatDate(iso, { dateStyle: 'medium' }),
      dateTime: (iso) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }),
      country: (code) => {
        try {
          return regionNames.of(code) ?? code;
        } catch {
          return code;
        }
      },
    };
  }, [locale, setLocale, intl]);
}

/** A feature's own catalogue in both languages (the same keys in each). */
export type FeatureCatalogues<K extends string> = { en: Record<K, string>; zh: Record<K, string> };

/**
 * A feature's own messages, kept in its lazily loaded chunk (so the first load does not carry them),
 * rendered by ICU MessageFormat exactly as the shared catalogue is: plurals, selects, numbers. The
 * formatter is react-intl's memoized one, so each message is parsed once per language.
 */
export function useFeatureMessages<K extends string>(catalogues: FeatureCatalogues<K>) {
  const { intl, locale } = useI18n();
  return useCallback(
    (key: K, values?: MessageValues): string => {
      const text = (locale === 'zh-CN' ? catalogues.zh : catalogues.en)[key] ?? catalogues.en[key];
      try {
        return String(intl.formatters.getMessageFormat(text, locale, intl.formats, { formatters: intl.formatters }).format(values));
      } catch (err) {
        reportIntlError(err as Error);
        return text;
      }
    },
    [intl, locale, catalogues],
  );
}
