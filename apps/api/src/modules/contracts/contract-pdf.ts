import { amountInWords } from '@portal/domain';
import { A4, M, W, accent, groupThousands, ink, muted, startA4Document, toWinAnsi } from '../../infra/pdf-page.ts';

type Party = { name: string; addressLines: string[]; country: string; taxId: string | null; phone: string | null };

/** What a sales confirmation shows; plain strings, amounts already formatted as decimals. */
export type ContractDocument = {
  number: string;
  amendmentNo: number;
  /** Issue date, YYYY-MM-DD. */
  date: string;
  quoteReference: string;
  seller: Party;
  buyer: Party;
  currency: string;
  lines: { no: number; description: string; quantity: string; unit: string; unitPrice: string; amount: string }[];
  total: string;
  terms: [label: string, text: string][];
  confirmed: { by: string; at: string } | null;
};


/**
 * Renders the sales confirmation (销售确认书) as a PDF: both parties, the goods, every clause and
 * signature blocks, in English with the built-in Helvetica. The creation date is the issue date,
 * so the same contract renders the same file.
 */
export function renderContractPdf(sc: ContractDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, done, t, bottom, ensureSpace, label } = startA4Document(
    { Title: `Sales confirmation ${sc.number}`, Author: toWinAnsi(sc.seller.name), Subject: `Sales contract with ${toWinAnsi(sc.buyer.name)}`, CreationDate: new Date(`${sc.date}T00:00:00Z`) },
    options,
  );

  // ── Title
  doc.font('Helvetica-Bold').fontSize(16).fillColor(ink).text('SALES CONFIRMATION', M, M, { width: W, align: 'center' });
  doc.font('Helvetica').fontSize(9).fillColor(muted)
    .text(t(`No. ${sc.number}${sc.amendmentNo > 0 ? `, as amended (amendment ${sc.amendmentNo})` : ''}   Date: ${sc.date}   Ref.: ${sc.quoteReference}`), M, doc.y + 4, { width: W, align: 'center' });
  doc.y += 8;
  doc.moveTo(M, doc.y).lineTo(M + W, doc.y).lineWidth(1).strokeColor(accent).stroke();
  doc.y += 10;

  // ── Parties
  const half = W / 2 - 10;
  const top = doc.y;
  const party = (title: string, p: Party, x: number) => {
    label(title, x, top, half);
    doc.font('Helvetica-Bold').fontSize(10).fillColor(ink).text(t(p.name), x, top + 11, { width: half });
    const lines = [...p.addressLines, p.country, p.taxId ? `Tax ID: ${p.taxId}` : null, p.phone ? `Tel. ${p.phone}` : null].filter((l): l is string => Boolean(l));
    doc.font('Helvetica').fontSize(8.5).text(t(lines.join('\n')), x, doc.y + 1, { width: half });
    return doc.y;
  };
  const leftBottom = party('The Seller', sc.seller, M);
  const rightBottom = party('The Buyer', sc.buyer, M + W / 2 + 10);
  doc.y = Math.max(leftBottom, rightBottom) + 10;
  doc.font('Helvetica').fontSize(8.5).fillColor(ink)
    .text('The Seller and the Buyer confirm the sale and purchase of the goods below on the terms and conditions stated in this confirmation.', M, doc.y, { width: W });
  doc.y += 8;

  // ── Goods
  const cols = [
    { key: 'no', title: 'No.', width: 26, align: 'left' as const },
    { key: 'description', title: 'Description of goods', width: 215, align: 'left' as const },
    { key: 'quantity', title: 'Quantity', width: 64, align: 'right' as const },
    { key: 'unit', title: 'Unit', width: 36, align: 'left' as const },
    { key: 'unitPrice', title: `Unit price ${sc.currency}`, width: 84, align: 'right' as const },
    { key: 'amount', title: `Amount ${sc.currency}`, width: W - 26 - 215 - 64 - 36 - 84, align: 'right' as const },
  ];
  const pad = 4;
  const header = () => {
    const y = doc.y;
    doc.rect(M, y, W, 18).fill(accent);
    let x = M;
    doc.font('Helvetica-Bold').fontSize(8).fillColor('#ffffff');
    for (const c of cols) {
      doc.text(t(c.title), x + pad, y + 5, { width: c.width - 2 * pad, align: c.align, lineBreak: false });
      x += c.width;
    }
    doc.fillColor(ink);
    doc.y = y + 18;
  };
  ensureSpace(60);
  header();
  for (const line of sc.lines) {
    const cells: Record<string, string> = {
      no: String(line.no), description: line.description, quantity: groupThousands(line.quantity), unit: line.unit,
      unitPrice: groupThousands(line.unitPrice), amount: groupThousands(line.amount),
    };
    doc.font('Helvetica').fontSize(8.5);
    const height = Math.max(...cols.map((c) => doc.heightOfString(t(cells[c.key]!), { width: c.width - 2 * pad }))) + 2 * pad;
    if (doc.y + height > bottom) {
      doc.addPage();
      doc.y = M;
      header();
    }
    const y = doc.y;
    let x = M;
    for (const c of cols) {
      doc.font('Helvetica').fontSize(8.5).fillColor(ink).text(t(cells[c.key]!), x + pad, y + pad, { width: c.width - 2 * pad, align: c.align });
      x += c.width;
    }
    doc.y = y + height;
  }
  ensureSpace(40);
  const totalY = doc.y + 6;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(ink)
    .text('TOTAL CONTRACT VALUE', M, totalY, { width: W - 150 - pad, align: 'right' })
    .text(`${sc.currency} ${groupThousands(sc.total)}`, M + W - 150, totalY, { width: 150 - pad, align: 'right' });
  doc.font('Helvetica-Oblique').fontSize(8).fillColor(muted).text(amountInWords(sc.total, sc.currency), M, doc.y + 4, { width: W });
  doc.y += 10;

  // ── Clauses
  sc.terms.forEach(([title, body], i) => {
    doc.font('Helvetica').fontSize(8.5);
    ensureSpace(doc.heightOfString(t(body), { width: W - 130 }) + 8);
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(8.5).fillColor(ink).text(t(`${i + 1}. ${title}`), M, y, { width: 125 });
    const leftEnd = doc.y;
    doc.font('Helvetica').fontSize(8.5).text(t(body), M + 130, y, { width: W - 130 });
    doc.y = Math.max(doc.y, leftEnd) + 4;
  });

  // ── Signatures
  ensureSpace(90);
  const sy = doc.y + 40;
  doc.moveTo(M, sy).lineTo(M + 210, sy).lineWidth(0.5).strokeColor(ink).stroke();
  doc.moveTo(M + W - 210, sy).lineTo(M + W, sy).stroke();
  doc.font('Helvetica').fontSize(8).fillColor(muted)
    .text(t(`THE SELLER: ${sc.seller.name}`), M, sy + 4, { width: 210 })
    .text('Authorised signature and company stamp', M, doc.y, { width: 210 });
  doc.text(t(`THE BUYER: ${sc.buyer.name}`), M + W - 210, sy + 4, { width: 210 });
  doc.text(t(sc.confirmed ? `Confirmed in the portal by ${sc.confirmed.by} on ${sc.confirmed.at}` : 'Signature, name and date'), M + W - 210, doc.y, { width: 210 });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7.5).fillColor(muted)
      .text(t(`Sales confirmation ${sc.number} - ${sc.seller.name}`), M, A4.height - M - 10, { width: W / 2, lineBreak: false })
      .text(`Page ${i - range.start + 1} of ${range.count}`, M + W / 2, A4.height - M - 10, { width: W / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
