import { describe, expect, it } from 'vitest';
import { nameText, optionalText, searchText, text, z } from './common.ts';

const issues = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('the shared text schemas', () => {
  it('keep ordinary text in any script, with line breaks and tabs', () => {
    expect(text(100).parse('  Ningbo 宁波 — Zürich\nline two\tend ')).toBe('Ningbo 宁波 — Zürich\nline two\tend');
    expect(text(100).parse('Emoji 👍 pairs are whole')).toBe('Emoji 👍 pairs are whole');
    expect(optionalText(10).parse('')).toBeUndefined();
  });

  it('refuse NUL and other control characters', () => {
    for (const bad of ['a\u0000b', 'bell\u0007', 'esc\u001b[31m', 'del\u007f', 'c1\u0085']) {
      expect(issues(text(100), bad)).toEqual(['must not contain control characters']);
      expect(issues(optionalText(100), bad)).toEqual(['must not contain control characters']);
      expect(issues(searchText(100), bad)).toEqual(['must not contain control characters']);
    }
  });

  it('refuse lone surrogates, which no database stores', () => {
    for (const bad of ['\ud800', 'x\udc00y', 'pair reversed \udc00\ud800']) {
      expect(issues(text(100), bad)).toEqual(['must be valid Unicode text']);
      expect(issues(searchText(100), bad)).toEqual(['must be valid Unicode text']);
    }
  });

  it('names also refuse line breaks and bidirectional overrides', () => {
    expect(nameText(100).parse('Jonas Becker')).toBe('Jonas Becker');
    expect(nameText(100).parse('شركة الخليج')).toBe('شركة الخليج');
    expect(issues(nameText(100), 'Evil\u202Egnp.exe')).toEqual(['must not contain bidirectional control characters']);
    expect(issues(nameText(100), 'Isolate\u2066x\u2069')).toEqual(['must not contain bidirectional control characters']);
    expect(issues(nameText(100), 'Two\nlines')).toEqual(['must not contain control characters']);
    expect(issues(nameText(100), 'a\u0000')).toEqual(['must not contain control characters']);
  });
});
