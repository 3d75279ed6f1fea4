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
