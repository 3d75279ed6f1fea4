import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nProvider, useFeatureMessages, useI18n, type Locale } from './i18n.tsx';
import { catalogues as payments } from '../features/payments/messages.ts';
import { catalogues as shipments } from '../features/shipments/messages.ts';
import { catalogues as tickets } from '../features/tickets/messages.ts';
import { en } from './messages.ts';
import { zh } from './messages.zh.ts';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** The argument names a message uses, nested ones (inside plural branches) included. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      names.add(el.value);
      if ('options' in el) for (const option of Object.values(el.options)) walk(option.value);
      if ('children' in el) walk(el.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const wrapper = (locale: Locale) => ({ children }: { children: ReactNode }) => <I18nProvider locale={locale}>{children}</I18nProvider>;

/** The hook once its catalogue is there (Chinese arrives as a chunk of its own). */
async function i18nFor(locale: Locale) {
  const view = renderHook(() => useI18n(), { wrapper: wrapper(locale) });
  await waitFor(() => expect(view.result.current?.locale).toBe(locale));
  return view;
}

describe('i18n', () => {
  it('has every message in both languages, each a valid ICU message with the same arguments', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(zh)) {
      expect(text, key).not.toBe('');
      // A Chinese message that drops or renames an argument ({count}, {date}) is a defect.
      expect(argumentsOf(text), key).toEqual(argumentsOf(en[key as keyof typeof en]));
    }
  });

  it('has the features’ own catalogues whole in both languages, valid ICU with the same arguments', () => {
    for (const [feature, c] of Object.entries({ payments, shipments, tickets })) {
      expect(Object.keys(c.zh).sort(), feature).toEqual(Object.keys(c.en).sort());
      for (const [key, text] of Object.entries(c.zh)) {
        expect(text, `${feature} ${key}`).not.toBe('');
        expect(argumentsOf(text), `${feature} ${key}`).toEqual(argumentsOf((c.en as Record<string, string>)[key]!));
      }
    }
  });

  it('words a feature’s own messages by ICU, with plural forms and grouped numbers', async () => {
    const view = renderHook(() => ({ i18n: useI18n(), s: useFeatureMessages(shipments) }), { wrapper: wrapper('en') });
    await waitFor(() => expect(view.result.current.i18n.locale).toBe('en'));
    expect(view.result.current.s('tracker.daysLate', { n: 1 })).toBe('1 day late');
    expect(view.result.current.s('tracker.daysLate', { n: 1200 })).toBe('1,200 days late');
    expect(view.result.current.s('ex.recordedBy', { who: 'Li Na', when: '3 Dec' })).toBe('Li Na, 3 Dec');
  });

  it('formats money from exact decimal strings, without float rounding', async () => {
    const { result } = await i18nFor('en');
    // 2^53 + 1 cents would lose its last digit as a binary float.
    expect(result.current.money('90071992547409.93', 'USD')).toBe('$90,071,992,547,409.93');
    expect(result.current.money('0.0313', 'USD', 4)).toBe('$0.0313');
  });

  it('words counts with plural forms', async () => {
    const { result } = await i18nFor('en');
    expect(result.current.t('catalog.results', { count: 1 })).toBe('1 product');
    expect(result.current.t('catalog.results', { count: 17 })).toBe('17 products');
    expect(result.current.t('catalog.results', { count: 12000 })).toBe('12,000 products');
  });

  it('formats for the Chinese locale and names countries in it', async () => {
    const { result } = await i18nFor('zh-CN');
    expect(result.current.money('1250.5', 'USD')).toBe('US$1,250.50');
    expect(result.current.date('2026-11-22T10:00:00Z')).toBe('2026年11月22日');
    expect(result.current.country('DE')).toBe('德国');
    expect(result.current.t('overview.welcome', { name: '李娜' })).toBe('欢迎，李娜');
    expect(result.current.t('catalog.results', { count: 12000 })).toBe('共 12,000 个产品');
  });

  it('switches language when asked, keeping the current words until the new catalogue is there', async () => {
    const { result } = await i18nFor('en');
    act(() => result.current.setLocale('zh-CN'));
    expect(result.current.t('overview.welcome', { name: 'Li' })).toBe('Welcome, Li');
    await waitFor(() => expect(result.current.t('overview.welcome', { name: 'Li' })).toBe('欢迎，Li'));
  });
});
