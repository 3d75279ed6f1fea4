import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LANGS, compile, defineMessages, formatMoney, langOf, renderMessage, type Catalogue } from './messages.ts';

const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../modules');

/** Every catalogue of the API: modules/<feature>/<feature>.messages.ts. */
async function catalogues(): Promise<[string, Catalogue][]> {
  const found: [string, Catalogue][] = [];
  for (const feature of readdirSync(modules)) {
    for (const file of readdirSync(path.join(modules, feature)).filter((f) => f.endsWith('.messages.ts'))) {
      const mod = (await import(pathToFileURL(path.join(modules, feature, file)).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (value && typeof value === 'object' && 'en' in value && 'zh' in value) found.push([`${file}:${name}`, value as Catalogue]);
      }
    }
  }
  return found;
}

/** The argument names a pattern uses, nested plurals and selects included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) { argumentsOf(el.children, into); continue; }
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

describe('messages', () => {
  it('formats money for the reader: grouped, with the code in English and the CLDR symbol in Chinese, exact decimals', () => {
    expect(formatMoney({ amount: '110400.00', currency: 'USD' }, 'en')).toBe('USD 110,400.00');
    expect(formatMoney({ amount: '110400.00', currency: 'USD' }, 'zh')).toBe('US$110,400.00');
    expect(formatMoney({ amount: '40200', currency: 'EUR' }, 'en')).toBe('EUR 40,200.00');
    // A unit price keeps its four places; a float would not give these digits back.
    expect(formatMoney({ amount: '0.4125', currency: 'USD' }, 'en')).toBe('USD 0.4125');
    expect(formatMoney({ amount: '3.2500', currency: 'USD' }, 'zh')).toBe('US$3.2500');
    expect(formatMoney({ amount: '9007199254740993.01', currency: 'USD' }, 'en')).toBe('USD 9,007,199,254,740,993.01');
    expect(formatMoney({ amount: '1234567', currency: 'JPY' }, 'zh')).toBe('JP¥1,234,567');
  });

  it('renders plurals, grouped numbers and calendar dates per language', () => {
    const cat = defineMessages({
      en: { x: { title: '{n, plural, one {# line} other {# lines}} of {q, number} pcs by {d, date, long}', body: 'Total {total}' } },
      zh: { x: { title: '{n} 行，{q, number} 件，{d, date, long}前', body: '总额 {total}' } },
    });
    const params = { n: 1, q: '50000', d: new Date('2026-12-01T00:00:00Z'), total: { amount: '110400.00', currency: 'USD' } };
    expect(renderMessage(cat, 'x', 'en', params)).toMatchObject({ title: '1 line of 50,000 pcs by December 1, 2026', body: 'Total USD 110,400.00' });
    expect(renderMessage(cat, 'x', 'en', { ...params, n: 3 }).title).toBe('3 lines of 50,000 pcs by December 1, 2026');
    expect(renderMessage(cat, 'x', 'zh', params)).toMatchObject({ title: '1 行，50,000 件，2026年12月1日前', body: '总额 US$110,400.00' });
  });

  it('reads a calendar date in UTC, so the day never shifts with the server’s zone', () => {
    const cat = defineMessages({ en: { d: { title: '{d, date, medium}' } }, zh: { d: { title: '{d, date, medium}' } } });
    expect(renderMessage(cat, 'd', 'en', { d: new Date('2026-01-31T00:00:00Z') }).title).toBe('Jan 31, 2026');
  });

  it('gives mail the body as its text unless paragraphs are given, and drops empty paragraphs', () => {
    const cat = defineMessages({
      en: { a: { title: 'T', body: 'B {x}' }, b: { title: 'T', paragraphs: ['one', '{note}', '{lines}'] } },
      zh: { a: { title: 'T', body: 'B {x}' }, b: { title: 'T', paragraphs: ['一', '{note}', '{lines}'] } },
    });
    expect(renderMessage(cat, 'a', 'en', { x: 1 })).toMatchObject({ subject: 'T', paragraphs: ['B 1'] });
    expect(renderMessage(cat, 'b', 'en', { note: '', lines: (lang) => (lang === 'en' ? 'l1\nl2' : '') }).paragraphs).toEqual(['one', 'l1', 'l2']);
  });

  it('maps stored locales to a language, English when unknown', () => {
    expect([langOf('zh-CN'), langOf('zh'), langOf('en'), langOf('fr'), langOf(null)]).toEqual(['zh', 'zh', 'en', 'en', 'en']);
  });

  it('every catalogue has each kind in both languages, with the same arguments, and every text compiles', async () => {
    const all = await catalogues();
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const [name, cat] of all) {
      expect(Object.keys(cat.zh).sort(), name).toEqual(Object.keys(cat.en).sort());
      for (const kind of Object.keys(cat.en)) {
        const used = Object.fromEntries(LANGS.map((lang) => {
          const m = cat[lang][kind]!;
          const texts = [m.title, m.body, m.subject, m.action, ...(m.paragraphs ?? [])].filter((t): t is string => t !== undefined);
          const args = new Set<string>();
          for (const t of texts) argumentsOf(compile(t, lang).getAst(), args);
          return [lang, [...args].sort()];
        }));
        expect(used.zh, `${name} ${kind}`).toEqual(used.en);
      }
    }
  });
});

describe('a sentence that starts with a choice', () => {
  it('starts with a capital letter: "A credit note … is recorded", not "a credit note …"', async () => {
    const { claimMessages } = await import('../modules/claims/claims.messages.ts');
    const params = { number: 'CLM-2026-000003', settlement: 'CREDIT_NOTE', amount: { amount: '2115.07', currency: 'USD' }, reference: 'CN-1', company: 'Northwind', proposer: 'Li Na' };
    for (const kind of ['claims.settled', 'claims.accepted', 'claims.approvalNeeded'] as const) {
      expect(renderMessage(claimMessages, kind, 'en', params).body, kind).toMatch(/^A credit note against a later contract of /);
    }
  });
});
