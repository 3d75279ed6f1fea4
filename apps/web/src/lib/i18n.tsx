import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, zh, type MessageKey } from './messages.ts';

export type Locale = 'en' | 'zh-CN';
const STORAGE_KEY = 'portal.locale';

type I18n = {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** An exact decimal string formatted as money in the reader's locale, e.g. "US$1,250.00". */
  money(amount: string, currency: string, digits?: number): string;
  number(value: string | number, digits?: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
  country(code: string): string;
};

const I18nContext = createContext<I18n | null>(null);

/** The language before anyone signs in: what was chosen last on this device, else the browser's. */
export function initialLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function I18nProvider({ children, locale: forced }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(forced ?? initialLocale());
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = locale === 'zh-CN' ? zh : en;
    const regionNames = new Intl.DisplayNames([locale], { type: 'region' });
    const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      locale,
      setLocale,
      t: (key, vars) => {
        let text: string = dict[key] ?? en[key] ?? key;
        if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
        return text;
      },
      // Intl formats decimal strings exactly (no conversion to a binary float).
      money: (amount, currency, digits = 2) =>
        new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount as unknown as number),
      number: (value, digits) =>
        new Intl.NumberFormat(locale, digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value as number),
      date: (iso) => dateFmt.format(new Date(iso)),
      dateTime: (iso) => dateTimeFmt.format(new Date(iso)),
      country: (code) => {
        try {
          return regionNames.of(code) ?? code;
        } catch {
          return code;
        }
      },
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
