import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

// Read from disk: under vitest a `?raw` import of a stylesheet comes back empty (this test checked nothing).
const file = './styles.css'; // a variable: Vite rewrites new URL('<literal>', import.meta.url) into an asset URL
const stylesheet = readFileSync(new URL(file, import.meta.url), 'utf8');

/*
 * The stylesheet is one file that several features append to. A block left open swallows every rule
 * after it (a phone-only @media once held the shipment timeline and the print styles): each block
 * closes, and a rule written at the left margin stands at the top level.
 */
describe('the stylesheet', () => {
  it('closes every block, and keeps rules written at the left margin at the top level', () => {
    expect(stylesheet.length).toBeGreaterThan(1000);
    const css = stylesheet.replace(/\/\*[\s\S]*?\*\//g, '');
    let depth = 0;
    const nested: string[] = [];
    css.split('\n').forEach((line, i) => {
      if (depth > 0 && /^[.#a-z:[*@]/i.test(line)) nested.push(`line ${i + 1}: ${line.slice(0, 60)}`);
      for (const ch of line) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      expect(depth, `line ${i + 1}`).toBeGreaterThanOrEqual(0);
    });
    expect(nested).toEqual([]);
    expect(depth).toBe(0);
  });
});
