import { amountInWords } from '@portal/domain';
import { A4, M, W, accent, groupThousands, ink, muted, rule, startA4Document, toWinAnsi } from '../../infra/pdf-page.ts';

/** What a pro-forma invoice shows; plain strings, already formatted as decimals (4 places for unit prices). */
export type PiDocument = {
  number: string;
  revisionNo: number;
  /** The issue date: when the revision was sent (or created, for a draft), YYYY-MM-DD. */
  date: string;
  validUntil: string;
  /** Anything but sent prints a DRAFT mark: such a PI is not an offer. */
  draft: boolean;
  seller: Party & { website: string | null };
  buyer: Party;
  currency: string;
  incoterm: string;
  namedPlace: string;
  portOfLoading: string | null;
  portOfDischarge: string | null;
  paymentTerms: string;
  leadTimeDays: number;
  shipmentDate: string | null;
  packing: string | null;
  notes: string | null;
  bankDetails: string | null;
  inquiryNumber: string;
  lines: { no: number; description: string; sku: string | null; quantity: string; unit: string; unitPrice: string; amount: string }[];
  total: string;
};

type Party = { name: string; addressLines: string[]; country: string; taxId: string | null; phone: string | null };

/**
 * Renders the PI as a PDF (A4, built-in Helvetica). `compress: false` leaves the page content
 * readable, for tests. The creation date is the PI date, so the same PI renders the same file.
 */
export function renderPiPdf(pi: PiDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, done, t, bottom, ensureSpace, label } = startA4Document(
    {
      Title: `Pro-forma invoice ${pi.number} rev. ${pi.revisionNo}`,
      Author: toWinAnsi(pi.seller.name),
      Subject: `Pro-forma invoice for ${toWinAnsi(pi.buyer.name)}`,
      CreationDate: new Date(`${pi.date}T00:00:00Z`),
    },
    options,
  );

  // ── Seller (left) and title (right)
  const top = M;
  doc.font('Helvetica-Bold').fontSize(13).fillColor(accent).text(t(pi.seller.name), M, top, { width: 300 });
  doc.font('Helvetica').fontSize(8.5).fillColor(ink);
  const sellerLines = [
    ...pi.seller.addressLines,
    pi.seller.country,
    pi.seller.phone ? `Tel. ${pi.seller.phone}` : null,
    pi.seller.taxId ? `Tax ID (USCC): ${pi.seller.taxId}` : null,
    pi.seller.website,
  ].filter((l): l is string => Boolean(l));
  doc.text(t(sellerLines.join('\n')), M, doc.y + 2, { width: 300 });
  const sellerBottom = doc.y;

  const boxX = M + W - 200;
  doc.font('Helvetica-Bold').fontSize(16).fillColor(ink).text('PRO-FORMA INVOICE', boxX, top, { width: 200, align: 'right' });
  const facts: [string, string][] = [
    ['PI No.', pi.number],
    ['Revision', String(pi.revisionNo)],
    ['Date', pi.date],
    ['Valid until', pi.validUntil],
    ['Your inquiry', pi.inquiryNumber],
  ];
  let fy = top + 24;
  for (const [k, v] of facts) {
    doc.font('Helvetica').fontSize(8.5).fillColor(muted).text(k, boxX, fy, { width: 80 });
    doc.font('Helvetica-Bold').fillColor(ink).text(t(v), boxX + 80, fy, { width: 120, align: 'right' });
    fy += 13;
  }
  doc.y = Math.max(sellerBottom, fy) + 10;
  doc.moveTo(M, doc.y).lineTo(M + W, doc.y).lineWidth(1).strokeColor(accent).stroke();
  doc.y += 10;

  // ── Buyer (left) and terms (right)
  const blockTop = doc.y;
  const half = W / 2 - 10;
  label('Buyer', M, blockTop, half);
  doc.font('Helvetica-Bold').fontSize(10).fillColor(ink).text(t(pi.buyer.name), M, blockTop + 11, { width: half });
  const buyerLines = [...pi.buyer.addressLines, pi.buyer.country, pi.buyer.taxId ? `Tax / VAT ID: ${pi.buyer.taxId}` : null, pi.buyer.phone ? `Tel. ${pi.buyer.phone}` : null].filter(
    (l): l is string => Boolean(l),
  );
  doc.font('Helvetica').fontSize(8.5).text(t(buyerLines.join('\n')), M, doc.y + 1, { width: half });
  const buyerBottom = doc.y;

  const termsX = M + W / 2 + 10;
  label('Terms of sale', termsX, blockTop, half);
  const terms: [string, string][] = [
    ['Delivery', `${pi.incoterm} ${pi.namedPlace}, Incoterms® 2020`],
    ...(pi.portOfLoading ? [['Port of loading', pi.portOfLoading] as [string, string]] : []),
    ...(pi.portOfDischarge ? [['Port of discharge', pi.portOfDischarge] as [string, string]] : []),
    ['Payment', pi.paymentTerms],
    ['Lead time', `${pi.leadTimeDays} days after order confirmation${pi.paymentTerms.includes('contract confirmation') ? ' and receipt of deposit' : ''}`],
    ...(pi.shipmentDate ? [['Shipment', `not later than ${pi.shipmentDate}`] as [string, string]] : []),
    ['Currency', pi.currency],
  ];
  let ty = blockTop + 11;
  for (const [k, v] of terms) {
    doc.font('Helvetica').fontSize(8.5).fillColor(muted).text(k, termsX, ty, { width: 78 });
    doc.font('Helvetica').fillColor(ink).text(t(v), termsX + 78, ty, { width: half - 78 });
    ty = Math.max(doc.y, ty + 11) + 2;
  }
  doc.y = Math.max(buyerBottom, ty) + 14;

  // ── Lines
  const cols = [
    { key: 'no', title: 'No.', width: 26, align: 'left' as const },
    { key: 'description', title: 'Description of goods', width: 205, align: 'left' as const },
    { key: 'quantity', title: 'Quantity', width: 64, align: 'right' as const },
    { key: 'unit', title: 'Unit', width: 36, align: 'left' as const },
    { key: 'unitPrice', title: `Unit price ${pi.currency}`, width: 84, align: 'right' as const },
    { key: 'amount', title: `Amount ${pi.currency}`, width: W - 26 - 205 - 64 - 36 - 84, align: 'right' as const },
  ];
  const pad = 4;
  function header() {
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
  }
  ensureSpace(60);
  header();
  pi.lines.forEach((line, i) => {
    const cells: Record<string, string> = {
      no: String(line.no),
      description: line.sku ? `${line.description}\nItem no. ${line.sku}` : line.description,
      quantity: groupThousands(line.quantity),
      unit: line.unit,
      unitPrice: groupThousands(line.unitPrice),
      amount: groupThousands(line.amount),
    };
    doc.font('Helvetica').fontSize(8.5);
    const height = Math.max(...cols.map((c) => doc.heightOfString(t(cells[c.key]!), { width: c.width - 2 * pad }))) + 2 * pad;
    if (doc.y + height > bottom) {
      doc.addPage();
      doc.y = M;
      header();
    }
    const y = doc.y;
    if (i % 2 === 1) doc.rect(M, y, W, height).fill('#f3f4f6');
    let x = M;
    doc.font('Helvetica').fontSize(8.5).fillColor(ink);
    for (const c of cols) {
      doc.text(t(cells[c.key]!), x + pad, y + pad, { width: c.width - 2 * pad, align: c.align });
      x += c.width;
    }
    doc.y = y + height;
  });
  doc.moveTo(M, doc.y).lineTo(M + W, doc.y).lineWidth(0.5).strokeColor(rule).stroke();

  // ── Total
  ensureSpace(48);
  const totalY = doc.y + 6;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(ink)
    .text(t(`TOTAL ${pi.incoterm} ${pi.namedPlace}`), M, totalY, { width: W - 150 - pad, align: 'right' })
    .text(`${pi.currency} ${groupThousands(pi.total)}`, M + W - 150, totalY, { width: 150 - pad, align: 'right' });
  doc.font('Helvetica-Oblique').fontSize(8).fillColor(muted).text(amountInWords(pi.total, pi.currency), M, doc.y + 4, { width: W });
  doc.y += 10;

  // ── Packing, bank, notes
  function section(title: string, body: string | null) {
    if (!body) return;
    doc.font('Helvetica').fontSize(8.5);
    ensureSpace(doc.heightOfString(t(body), { width: W }) + 20);
    label(title, M, doc.y, W);
    doc.font('Helvetica').fontSize(8.5).fillColor(ink).text(t(body), M, doc.y + 2, { width: W });
    doc.y += 8;
  }
  section('Packing', pi.packing ?? 'Standard export cartons.');
  section('Bank details for payment', pi.bankDetails ?? 'Bank details will be given on the sales confirmation.');
  section('Notes', pi.notes);
  section(
    'Conditions',
    `Prices are quoted ${pi.incoterm} ${pi.namedPlace}, Incoterms® 2020, in ${pi.currency}. This pro-forma invoice is an offer valid until ` +
      `${pi.validUntil}; the order becomes binding on the sales confirmation signed by both parties. Quantities and prices as above; ` +
      'bank charges outside the seller’s country are for the buyer’s account.',
  );

  // ── Signatures
  ensureSpace(70);
  const sy = doc.y + 34;
  doc.moveTo(M, sy).lineTo(M + 210, sy).lineWidth(0.5).strokeColor(ink).stroke();
  doc.moveTo(M + W - 210, sy).lineTo(M + W, sy).stroke();
  doc.font('Helvetica').fontSize(8).fillColor(muted)
    .text(t(`For and on behalf of ${pi.seller.name}`), M, sy + 4, { width: 210 })
    .text('Authorised signature and company stamp', M, doc.y, { width: 210 });
  doc.text(t(`Accepted by ${pi.buyer.name}`), M + W - 210, sy + 4, { width: 210 }).text('Signature, name and date', M + W - 210, doc.y, { width: 210 });

  // ── Footer and draft mark on every page
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (pi.draft) {
      doc.save();
      doc.rotate(-35, { origin: [A4.width / 2, A4.height / 2] });
      doc.font('Helvetica-Bold').fontSize(120).fillColor('#dc2626').fillOpacity(0.12)
        .text('DRAFT', 0, A4.height / 2 - 60, { width: A4.width, align: 'center', lineBreak: false });
      doc.restore();
      doc.fillOpacity(1);
    }
    doc.font('Helvetica').fontSize(7.5).fillColor(muted)
      .text(t(`${pi.number} rev. ${pi.revisionNo} - ${pi.seller.name}`), M, A4.height - M - 10, { width: W / 2, lineBreak: false })
      .text(`Page ${i - range.start + 1} of ${range.count}`, M + W / 2, A4.height - M - 10, { width: W / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
