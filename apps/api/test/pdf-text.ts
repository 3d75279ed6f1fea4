/*
 * The text of an uncompressed PDF as pdfkit writes it, in drawing order, one line per text run:
 * Helvetica runs are WinAnsi bytes; runs in an embedded (Type0, Identity-H) font are glyph ids,
 * read back through the font's ToUnicode map, as a PDF reader's copy and search would.
 */

/** The code → text map of a ToUnicode CMap (bfchar and bfrange, both forms). */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  // A ligature maps to several UTF-16 units, which pdfkit writes with spaces between them (<0066 0069>).
  const utf16 = (hex: string) => String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = parseInt(m[1]!, 16);
      const to = parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        [...m[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((d, i) => map.set(from + i, utf16(d[1]!)));
      } else {
        const start = parseInt(m[3]!.slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(start + c - from));
      }
    }
  }
  return map;
}

/** The text runs of an uncompressed PDF, one per line. */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!);
  // Font resource name (F1 …) → its ToUnicode map, for the embedded fonts.
  const maps = new Map<string, Map<number, string>>();
  for (const m of source.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = objects.get(m[2]!);
    const toUnicode = font?.match(/\/ToUnicode (\d+) 0 R/);
    if (font?.includes('/Type0') && toUnicode) maps.set(m[1]!, parseToUnicode(objects.get(toUnicode[1]!) ?? ''));
  }
  const runs: string[] = [];
  let current: Map<number, string> | undefined;
  for (const m of source.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ/g)) {
    if (m[1]) {
      current = maps.get(m[1]);
      continue;
    }
    const hexes = [...m[2]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!);
    runs.push(hexes.map((hex) => (current ? (hex.match(/.{4}/g) ?? []).map((g) => current!.get(parseInt(g, 16)) ?? '\ufffd').join('') : Buffer.from(hex, 'hex').toString('latin1'))).join(''));
  }
  return runs.join('\n');
}

/** Whether a PDF embeds the Chinese face (a subset of Noto Sans SC). */
export const embedsChineseFont = (pdf: Buffer) => /\/BaseFont \/[A-Z]{6}\+NotoSansHans/.test(pdf.toString('latin1'));
