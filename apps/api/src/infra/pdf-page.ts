import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { defineTexts, formatMoney, textOf, type Lang, type Params } from './messages.ts';

/*
 * The page every printed trade document (pro-forma invoice, sales confirmation, commercial invoice,
 * packing list) starts from: A4 with 40 pt margins, in the reader's language, and the helpers their
 * layouts share. Latin text is set in the built-in Helvetica (nothing embedded, so English documents
 * stay small); Chinese documents, and any text Helvetica cannot draw, are set in Noto Sans SC
 * (OFL, shipped by the npm package @embedpdf/fonts-sc, never downloaded at run time), which pdfkit
 * subsets into the file with a ToUnicode map, so the text stays searchable and copyable.
 */

export const A4 = { width: 595.28, height: 841.89 };
export const M = 40;
export const W = A4.width - 2 * M;
export const ink = '#1f2937';
export const muted = '#6b7280';
export const rule = '#9ca3af';
export const accent = '#0b3d6b';

/** The weights a document uses; the Chinese face has no oblique, so italic is its regular. */
export type Weight = 'regular' | 'bold' | 'italic';
const HELVETICA: Record<Weight, string> = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
const CJK: Record<Weight, string> = { regular: 'NotoSansSC', bold: 'NotoSansSC-Bold', italic: 'NotoSansSC' };

type CjkFonts = { regular: fontkit.Font; bold: fontkit.Font; covers: (codePoint: number) => boolean };
let cjkFonts: CjkFonts | undefined;
/**
 * The Chinese faces, read and parsed once per process (8 MB each; pdfkit embeds only the glyphs
 * used). pdfkit takes a parsed font as well as a file: given the file, it parsed it again for every
 * document, and the tables and glyphs it had read were lost with it (a bilingual contract took
 * 120-160 ms to render, now 40-55 ms, byte for byte the same). Each document still makes its own
 * subset of the face.
 */
function loadCjkFonts(): CjkFonts {
  if (!cjkFonts) {
    // The package exports only its index; the fonts sit beside its dist folder.
    const dir = new URL('../fonts/', import.meta.resolve('@embedpdf/fonts-sc'));
    const regular = fontkit.create(readFileSync(fileURLToPath(new URL('NotoSansHans-Regular.otf', dir)))) as fontkit.Font;
    const bold = fontkit.create(readFileSync(fileURLToPath(new URL('NotoSansHans-Bold.otf', dir)))) as fontkit.Font;
    cjkFonts = { regular, bold, covers: (cp) => regular.hasGlyphForCodePoint(cp) };
  }
  return cjkFonts;
}

// The built-in Helvetica covers WinAnsi (Latin-1 and a few typographic signs) only.
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
// Letters that do not decompose into a base letter and an accent.
const plainLetters: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŀ: 'L', ŀ: 'l', Ŧ: 'T', ŧ: 't', '≥': '>=', '≤': '<=', '′': "'", '″': '"' };

/** Text the standard fonts can draw: accents outside WinAnsi are dropped, other characters become "?". */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(ch) || ch === '\n') out += ch;
    else if (ch === '\t') out += ' ';
    else if (plainLetters[ch]) out += plainLetters[ch];
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += /^[\x20-\x7e]+$/.test(base) ? base : '?';
    }
  }
  return out;
}

/** 12000.5 → "12,000.5"; keeps the given decimals exactly as written. */
export function groupThousands(value: string): string {
  const [whole = '0', fraction] = value.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** What every trade document prints around its own words: the goods columns, totals, page numbers. */
export const pageTexts = defineTexts({
  en: {
    no: 'No.',
    description: 'Description of goods',
    quantity: 'Quantity',
    unit: 'Unit',
    unitPrice: 'Unit price {currency}',
    amount: 'Amount {currency}',
    pageOf: 'Page {page} of {pages}',
    draft: 'DRAFT',
  },
  zh: {
    no: '序号',
    description: '货物描述',
    quantity: '数量',
    unit: '单位',
    unitPrice: '单价 {currency}',
    amount: '金额 {currency}',
    pageOf: '第 {page} 页，共 {pages} 页',
    draft: '草稿',
  },
});

/** Whether Helvetica would lose letters of a text (Chinese, Cyrillic …) that transliteration cannot save. */
export function needsCjkFont(text: string): boolean {
  return toWinAnsi(text).split('?').length !== text.normalize('NFC').split('?').length;
}

/**
 * Opens an A4 document in a reader's language that buffers into a Buffer, with the page-break,
 * font and label helpers. `compress: false` leaves the page content readable, for tests. The
 * output depends only on the input: the creation date is the document's date, and pdfkit's subset
 * font names derive from the font's place in the document.
 */
export function startA4Document(info: { Title: string; Author: string; Subject: string; CreationDate: Date }, options: { compress?: boolean; lang?: Lang } = {}) {
  const lang = options.lang ?? 'en';
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: M, bottom: M, left: M, right: M },
    compress: options.compress ?? true,
    bufferPages: true,
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    info,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  let registered = false;
  /** Whether a text is set in the Chinese face: all of a Chinese document, else what Helvetica cannot draw. */
  const inCjk = (text: string) => lang === 'zh' || needsCjkFont(text);
  /** Text as the chosen face can draw it: WinAnsi for Helvetica; for the Chinese face, what it lacks transliterated. */
  const t = (text: string) => {
    if (!inCjk(text)) return toWinAnsi(text);
    const { covers } = loadCjkFonts();
    let out = '';
    for (const ch of text.normalize('NFC')) out += ch === '\n' || covers(ch.codePointAt(0)!) ? ch : toWinAnsi(ch);
    return out;
  };
  /** Sets the face for a text (the text decides between Helvetica and the Chinese face) and returns the document. */
  const font = (weight: Weight, text = '') => {
    if (!inCjk(text)) return doc.font(HELVETICA[weight]);
    if (!registered) {
      const files = loadCjkFonts();
      // pdfkit's types list files only; its font factory also takes a parsed fontkit font.
      doc.registerFont(CJK.regular, files.regular as unknown as Buffer);
      doc.registerFont(CJK.bold, files.bold as unknown as Buffer);
      registered = true;
    }
    return doc.font(CJK[weight]);
  };
  /** A text of the shared page words in the document's language. */
  const say = (key: keyof (typeof pageTexts)['en'], params?: Params) => textOf(pageTexts, key, lang, params);
  /** Money as the reader reads it: "USD 48,873.20" / "US$48,873.20", the exact decimal as given. */
  const money = (amount: string, currency: string) => formatMoney({ amount, currency }, lang);
  const bottom = A4.height - M - 24; // room for the footer
  /** Starts a new page when `height` more points would run into the footer. */
  const ensureSpace = (height: number) => {
    if (doc.y + height > bottom) {
      doc.addPage();
      doc.y = M;
    }
  };
  /** A small caption above a value (upper case where the script has it). */
  const label = (text: string, x: number, y: number, width: number) =>
    font('bold', text).fontSize(7.5).fillColor(muted).text(t(text.toUpperCase()), x, y, { width, characterSpacing: inCjk(text) ? 0 : 0.3 });
  return { doc, done, lang, t, font, say, money, bottom, ensureSpace, label };
}

export type A4Document = ReturnType<typeof startA4Document>;

/** A table column of a trade document's goods. */
export type LineColumn<K extends string> = { key: K; title: string; width: number; align: 'left' | 'right' };

/** The goods columns every trade document prints, titled in the document's language; the amount takes what the description leaves. */
export function goodsColumns(page: Pick<A4Document, 'say'>, currency: string, descriptionWidth: number): LineColumn<'no' | 'description' | 'quantity' | 'unit' | 'unitPrice' | 'amount'>[] {
  const { say } = page;
  return [
    { key: 'no', title: say('no'), width: 26, align: 'left' },
    { key: 'description', title: say('description'), width: descriptionWidth, align: 'left' },
    { key: 'quantity', title: say('quantity'), width: 64, align: 'right' },
    { key: 'unit', title: say('unit'), width: 36, align: 'left' },
    { key: 'unitPrice', title: say('unitPrice', { currency }), width: 84, align: 'right' },
    { key: 'amount', title: say('amount', { currency }), width: W - 26 - descriptionWidth - 64 - 36 - 84, align: 'right' },
  ];
}

/** A goods line's cells: quantities and amounts with thousands grouped (as both English and Chinese group them), as printed. */
export function goodsCells(line: { no: number; description: string; quantity: string; unit: string; unitPrice: string; amount: string }) {
  return {
    no: String(line.no), description: line.description, quantity: groupThousands(line.quantity), unit: line.unit,
    unitPrice: groupThousands(line.unitPrice), amount: groupThousands(line.amount),
  };
}

/**
 * The goods table of a trade document (PI, sales confirmation): a header band in the accent colour,
 * one row per line as tall as its tallest cell, the header again at the top of each new page.
 * `striped` shades every second row; `closingRule` draws a rule under the last row.
 */
export function drawLineTable<K extends string>(page: A4Document, columns: LineColumn<K>[], rows: Record<K, string>[], options: { striped?: boolean; closingRule?: boolean } = {}) {
  const { doc, t, font, bottom, ensureSpace } = page;
  const pad = 4;
  // A title may have a second line (the bilingual contract's Chinese): the band grows with it.
  const titleLines = Math.max(...columns.map((c) => c.title.split('\n').length));
  const band = 8 + 10 * titleLines;
  const header = () => {
    const y = doc.y;
    doc.rect(M, y, W, band).fill(accent);
    let x = M;
    for (const c of columns) {
      c.title.split('\n').forEach((line, i) => {
        font('bold', line).fontSize(8).fillColor('#ffffff').text(t(line), x + pad, y + 5 + 10 * i, { width: c.width - 2 * pad, align: c.align, lineBreak: false });
      });
      x += c.width;
    }
    doc.fillColor(ink);
    doc.y = y + band;
  };
  ensureSpace(60);
  header();
  rows.forEach((cells, i) => {
    const height = Math.max(...columns.map((c) => font('regular', cells[c.key]).fontSize(8.5).heightOfString(t(cells[c.key]), { width: c.width - 2 * pad }))) + 2 * pad;
    if (doc.y + height > bottom) {
      doc.addPage();
      doc.y = M;
      header();
    }
    const y = doc.y;
    if (options.striped && i % 2 === 1) doc.rect(M, y, W, height).fill('#f3f4f6');
    let x = M;
    for (const c of columns) {
      font('regular', cells[c.key]).fontSize(8.5).fillColor(ink).text(t(cells[c.key]), x + pad, y + pad, { width: c.width - 2 * pad, align: c.align });
      x += c.width;
    }
    doc.y = y + height;
  });
  if (options.closingRule) doc.moveTo(M, doc.y).lineTo(M + W, doc.y).lineWidth(0.5).strokeColor(rule).stroke();
}

/** The total line under the goods, right-aligned with the amounts, money as the reader reads it, and the amount in words below it. */
export function drawTotal(page: A4Document, caption: string, currency: string, total: string, inWords: string, space: number) {
  const { doc, t, font, money, ensureSpace } = page;
  const pad = 4;
  ensureSpace(space);
  const totalY = doc.y + 6;
  const amount = money(total, currency);
  font('bold', caption).fontSize(10).fillColor(ink).text(t(caption), M, totalY, { width: W - 150 - pad, align: 'right' });
  font('bold', amount).fontSize(10).text(t(amount), M + W - 150, totalY, { width: 150 - pad, align: 'right' });
  font('italic', inWords).fontSize(8).fillColor(muted).text(t(inWords), M, doc.y + 4, { width: W });
  doc.y += 10;
}

/** Two signature lines, the seller's on the left and the buyer's on the right, each with its captions (one line each). */
export function drawSignatures(page: A4Document, seller: string[], buyer: string[], space: number, gap: number) {
  const { doc, t, font, ensureSpace } = page;
  ensureSpace(space);
  const sy = doc.y + gap;
  doc.moveTo(M, sy).lineTo(M + 210, sy).lineWidth(0.5).strokeColor(ink).stroke();
  doc.moveTo(M + W - 210, sy).lineTo(M + W, sy).stroke();
  const captions = (lines: string[], x: number) => {
    doc.y = sy + 4;
    for (const line of lines) font('regular', line).fontSize(8).fillColor(muted).text(t(line), x, doc.y, { width: 210 });
  };
  captions(seller, M);
  const sellerEnd = doc.y;
  captions(buyer, M + W - 210);
  doc.y = Math.max(doc.y, sellerEnd);
}

/** On every page: the document's name at the foot, "Page n of m", and a DRAFT mark across it when asked. */
export function drawFooters(page: A4Document, name: string, options: { draft?: boolean } = {}) {
  const { doc, t, font, say } = page;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (options.draft) {
      const mark = say('draft');
      doc.save();
      doc.rotate(-35, { origin: [A4.width / 2, A4.height / 2] });
      font('bold', mark).fontSize(120).fillColor('#dc2626').fillOpacity(0.12)
        .text(t(mark), 0, A4.height / 2 - 60, { width: A4.width, align: 'center', lineBreak: false });
      doc.restore();
      doc.fillOpacity(1);
    }
    const pageNo = say('pageOf', { page: i - range.start + 1, pages: range.count });
    font('regular', name).fontSize(7.5).fillColor(muted).text(t(name), M, A4.height - M - 10, { width: W / 2, lineBreak: false });
    font('regular', pageNo).fontSize(7.5).text(t(pageNo), M + W / 2, A4.height - M - 10, { width: W / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}
