import PDFDocument from 'pdfkit';

/*
 * The page every printed trade document (pro-forma invoice, sales confirmation) starts from:
 * A4 with 40 pt margins, the built-in Helvetica, and the helpers their layouts share.
 */

export const A4 = { width: 595.28, height: 841.89 };
export const M = 40;
export const W = A4.width - 2 * M;
export const ink = '#1f2937';
export const muted = '#6b7280';
export const rule = '#9ca3af';
export const accent = '#0b3d6b';

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

/**
 * Opens an A4 document that buffers into a Buffer, with the page-break and label helpers.
 * `compress: false` leaves the page content readable, for tests.
 */
export function startA4Document(info: { Title: string; Author: string; Subject: string; CreationDate: Date }, options: { compress?: boolean } = {}) {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: M, bottom: M, left: M, right: M },
    compress: options.compress ?? true,
    bufferPages: true,
    info,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const t = (text: string) => toWinAnsi(text);
  const bottom = A4.height - M - 24; // room for the footer
  /** Starts a new page when `height` more points would run into the footer. */
  const ensureSpace = (height: number) => {
    if (doc.y + height > bottom) {
      doc.addPage();
      doc.y = M;
    }
  };
  /** A small upper-case caption above a value. */
  const label = (text: string, x: number, y: number, width: number) =>
    doc.font('Helvetica-Bold').fontSize(7.5).fillColor(muted).text(t(text.toUpperCase()), x, y, { width, characterSpacing: 0.3 });
  return { doc, done, t, bottom, ensureSpace, label };
}

type A4Document = ReturnType<typeof startA4Document>;

/** A table column of a trade document's goods. */
export type LineColumn<K extends string> = { key: K; title: string; width: number; align: 'left' | 'right' };

/** The goods columns every trade document prints; the amount takes what the description leaves. */
export function goodsColumns(currency: string, descriptionWidth: number): LineColumn<'no' | 'description' | 'quantity' | 'unit' | 'unitPrice' | 'amount'>[] {
  return [
    { key: 'no', title: 'No.', width: 26, align: 'left' },
    { key: 'description', title: 'Description of goods', width: descriptionWidth, align: 'left' },
    { key: 'quantity', title: 'Quantity', width: 64, align: 'right' },
    { key: 'unit', title: 'Unit', width: 36, align: 'left' },
    { key: 'unitPrice', title: `Unit price ${currency}`, width: 84, align: 'right' },
    { key: 'amount', title: `Amount ${currency}`, width: W - 26 - descriptionWidth - 64 - 36 - 84, align: 'right' },
  ];
}

/** A goods line's cells: quantities and amounts with thousands grouped, as printed. */
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
  const { doc, t, bottom, ensureSpace } = page;
  const pad = 4;
  const header = () => {
    const y = doc.y;
    doc.rect(M, y, W, 18).fill(accent);
    let x = M;
    doc.font('Helvetica-Bold').fontSize(8).fillColor('#ffffff');
    for (const c of columns) {
      doc.text(t(c.title), x + pad, y + 5, { width: c.width - 2 * pad, align: c.align, lineBreak: false });
      x += c.width;
    }
    doc.fillColor(ink);
    doc.y = y + 18;
  };
  ensureSpace(60);
  header();
  rows.forEach((cells, i) => {
    doc.font('Helvetica').fontSize(8.5);
    const height = Math.max(...columns.map((c) => doc.heightOfString(t(cells[c.key]), { width: c.width - 2 * pad }))) + 2 * pad;
    if (doc.y + height > bottom) {
      doc.addPage();
      doc.y = M;
      header();
    }
    const y = doc.y;
    if (options.striped && i % 2 === 1) doc.rect(M, y, W, height).fill('#f3f4f6');
    let x = M;
    doc.font('Helvetica').fontSize(8.5).fillColor(ink);
    for (const c of columns) {
      doc.text(t(cells[c.key]), x + pad, y + pad, { width: c.width - 2 * pad, align: c.align });
      x += c.width;
    }
    doc.y = y + height;
  });
  if (options.closingRule) doc.moveTo(M, doc.y).lineTo(M + W, doc.y).lineWidth(0.5).strokeColor(rule).stroke();
}

/** The total line under the goods, right-aligned with the amounts, and the amount in words below it. */
export function drawTotal(page: A4Document, caption: string, currency: string, total: string, inWords: string, space: number) {
  const { doc, t, ensureSpace } = page;
  const pad = 4;
  ensureSpace(space);
  const totalY = doc.y + 6;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(ink)
    .text(t(caption), M, totalY, { width: W - 150 - pad, align: 'right' })
    .text(`${currency} ${groupThousands(total)}`, M + W - 150, totalY, { width: 150 - pad, align: 'right' });
  doc.font('Helvetica-Oblique').fontSize(8).fillColor(muted).text(inWords, M, doc.y + 4, { width: W });
  doc.y += 10;
}

/** Two signature lines, the seller's on the left and the buyer's on the right, each with two captions. */
export function drawSignatures(page: A4Document, seller: [string, string], buyer: [string, string], space: number, gap: number) {
  const { doc, t, ensureSpace } = page;
  ensureSpace(space);
  const sy = doc.y + gap;
  doc.moveTo(M, sy).lineTo(M + 210, sy).lineWidth(0.5).strokeColor(ink).stroke();
  doc.moveTo(M + W - 210, sy).lineTo(M + W, sy).stroke();
  doc.font('Helvetica').fontSize(8).fillColor(muted)
    .text(t(seller[0]), M, sy + 4, { width: 210 })
    .text(t(seller[1]), M, doc.y, { width: 210 });
  doc.text(t(buyer[0]), M + W - 210, sy + 4, { width: 210 }).text(t(buyer[1]), M + W - 210, doc.y, { width: 210 });
}

/** On every page: the document's name at the foot, "Page n of m", and a DRAFT mark across it when asked. */
export function drawFooters(page: A4Document, name: string, options: { draft?: boolean } = {}) {
  const { doc, t } = page;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (options.draft) {
      doc.save();
      doc.rotate(-35, { origin: [A4.width / 2, A4.height / 2] });
      doc.font('Helvetica-Bold').fontSize(120).fillColor('#dc2626').fillOpacity(0.12)
        .text('DRAFT', 0, A4.height / 2 - 60, { width: A4.width, align: 'center', lineBreak: false });
      doc.restore();
      doc.fillOpacity(1);
    }
    doc.font('Helvetica').fontSize(7.5).fillColor(muted)
      .text(t(name), M, A4.height - M - 10, { width: W / 2, lineBreak: false })
      .text(`Page ${i - range.start + 1} of ${range.count}`, M + W / 2, A4.height - M - 10, { width: W / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}
