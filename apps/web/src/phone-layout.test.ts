import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

// Read from disk: under vitest a `?raw` import of a stylesheet comes back empty.
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const stylesheet = read('./styles.css');
const claimsCss = read('./features/claims/claims.css');

/*
 * Rules that keep pages within a phone's 390 px (no layout in jsdom: the rules themselves are read).
 * Checked in Chromium at 390 px: the bell panel, the users tables and the costing table on an inquiry.
 */
const css = stylesheet.replace(/\/\*[\s\S]*?\*\//g, '');
/** The body of every @media block whose condition contains the text. */
function mediaBlocks(source: string, condition: string): string[] {
  const blocks: string[] = [];
  let at = source.indexOf('@media');
  while (at >= 0) {
    const open = source.indexOf('{', at);
    let depth = 1;
    let i = open + 1;
    for (; depth > 0; i++) depth += source[i] === '{' ? 1 : source[i] === '}' ? -1 : 0;
    if (source.slice(at, open).includes(condition)) blocks.push(source.slice(open + 1, i - 1));
    at = source.indexOf('@media', i);
  }
  return blocks;
}
/** A selector list split at its top-level commas (not those inside :is(…)). */
const split = (list: string) => list.split(/,(?![^(]*\))/).map((s) => s.trim());
const selectors = (block: string) => [...block.matchAll(/([^{}]+)\{[^{}]*\}/g)].flatMap((m) => split(m[1]!));
const declarations = (block: string, selector: string) =>
  [...block.matchAll(/([^{}]+)\{([^{}]*)\}/g)].filter((m) => split(m[1]!).includes(selector)).map((m) => m[2]!).join(';');

describe('phone layout rules', () => {
  it('a table scroll box is positioned, so a visually hidden column label cannot widen the page', () => {
    expect(declarations(css, '.table-wrap')).toMatch(/position:\s*relative/);
  });

  it('the stacked-table pattern reaches only the table’s own rows and cells, not a table nested in a cell', () => {
    const stack = [...mediaBlocks(css, 'max-width: 600px'), ...mediaBlocks(css, 'max-width: 700px')].flatMap(selectors).filter((s) => s.includes('.table--stack'));
    expect(stack.length).toBeGreaterThan(5);
    // After .table--stack, every step down is a child combinator (a descendant one reached the costing table's header).
    const descendant = stack.filter((s) => /\.table--stack(\.[\w-]+)*\s+(?!>)[^\s>]/.test(s.replace(/\s*>\s*/g, ' > ')));
    expect(descendant).toEqual([]);
    // Its caption stays a line of text when the table becomes a block.
    expect(mediaBlocks(css, 'max-width: 600px').map((b) => declarations(b, '.table--stack > caption')).join('')).toMatch(/display:\s*block/);
  });

  it('a feature’s stylesheet does not restyle the shared stacked tables (it stayed loaded for every later page)', () => {
    expect(claimsCss.replace(/\/\*[\s\S]*?\*\//g, '')).not.toContain('.table--stack');
  });

  it('on a phone the notification panel spans the screen under the header instead of hanging left of the bell', () => {
    const phone = mediaBlocks(css, 'max-width: 860px').join('\n');
    expect(declarations(phone, '.bell')).toMatch(/position:\s*static/);
    const panel = declarations(phone, '.bell__panel');
    expect(panel).toMatch(/left:\s*8px/);
    expect(panel).toMatch(/right:\s*8px/);
    expect(panel).toMatch(/width:\s*auto/);
  });

  it('a heading after a plain list has space above it', () => {
    expect(declarations(css, '.plain-list + :is(h2, h3)')).toMatch(/margin-top:\s*16px/);
  });
});
