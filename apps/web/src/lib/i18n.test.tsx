import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nProvider, useI18n, type Locale } from './i18n.tsx';
import { en, zh } from './messages.ts';

const wrapper = (locale: Locale) => ({ children }: { children: ReactNode }) => <I18nProvider locale={locale}>{children}</I18nProvider>;

describe('i18n', () => {
  it('has every message in both languages', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(zh)) expect(text, key).not.toBe('');
  });

  it('formats money from exact decimal strings, without float rounding', () => {
    const { result } = renderHook(() => useI18n(), { wrapper: wrapper('en') });
    // 2^53 + 1 cents would lose its last digit as a binary float.
    expect(result.current.money('90071992547409.93', 'USD')).toBe('$90,071,992,547,409.93');
    expect(result.current.money('0.0313', 'USD', 4)).toBe('$0.0313');
  });

  it('formats for the Chinese locale and names countries in it', () => {
    const { result } = renderHook(() => useI18n(), { wrapper: wrapper('zh-CN') });
    expect(result.current.money('1250.5', 'USD')).toBe('US$1,250.50');
    expect(result.current.date('2026-11-22T10:00:00Z')).toBe('2026年11月22日');
    expect(result.current.country('DE')).toBe('德国');
    expect(result.current.t('overview.welcome', { name: '李娜' })).toBe('欢迎，李娜');
  });
});
