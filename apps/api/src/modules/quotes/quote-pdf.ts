import { amountInWords, calendarDate, currencyScale, isSent } from '@portal/domain';
import { addressLines, countryNameOf } from '../companies/company.mappers.ts';
import type { QuoteRow, RevisionRow } from './quotes.repository.ts';
import { M, W, accent, drawFooters, drawLineTable, drawSignatures, drawTotal, goodsCells, goodsColumns, ink, muted, startA4Document, toWinAnsi } from '../../infra/pdf-page.ts';

/** What a pro-forma invoice shows; plain strings, already formatted as decimals (4 places for unit prices). */
export type QuoteDocument = {
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
export function renderQuotePdf(pi: QuoteDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const page = startA4Document(
    {
      Title: `Pro-forma invoice ${pi.number} rev. ${pi.revisionNo}`,
      Author: toWinAnsi(pi.seller.name),
      Subject: `Pro-forma invoice for ${toWinAnsi(pi.buyer.name)}`,
      CreationDate: new Date(`${pi.date}T00:00:00Z`),
    },
    options,
  );
  const { doc, done, t, ensureSpace, label } = page;

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
  drawLineTable(
    page,
    goodsColumns(pi.currency, 205),
    pi.lines.map((line) => goodsCells({ ...line, description: line.sku ? `${line.description}\nItem no. ${line.sku}` : line.description })),
    { striped: true, closingRule: true },
  );

  // ── Total
  drawTotal(page, `TOTAL ${pi.incoterm} ${pi.namedPlace}`, pi.currency, pi.total, amountInWords(pi.total, pi.currency), 48);

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
  drawSignatures(page, [`For and on behalf of ${pi.seller.name}`, 'Authorised signature and company stamp'], [`Accepted by ${pi.buyer.name}`, 'Signature, name and date'], 70, 34);

  // ── Footer and draft mark on every page
  drawFooters(page, `${pi.number} rev. ${pi.revisionNo} - ${pi.seller.name}`, { draft: pi.draft });
  doc.end();
  return done;
}

/** The seller as the PI prints it, or null when the exporter is not set up. */
type Exporter = { name: string; addressLine1: string; addressLine2: string | null; city: string; postalCode: string | null; country: string; taxId: string | null; phone: string | null; website: string | null };

/** The file name of a revision's PI. */
export const quotePdfName = (quote: { number: string }, rev: { revisionNo: number }) => `${quote.number}-rev${rev.revisionNo}.pdf`;

/**
 * What the PI of a revision shows: dated when it was sent (`sentAt` while it is being sent), a
 * draft until then; the ports with their countries; the exporter's bank details from the settings.
 */
export function quoteDocument(
  quote: QuoteRow,
  rev: RevisionRow,
  facts: { exporter: Exporter | null; bankDetails: unknown; ports: readonly { code: string; name: string; country: string }[]; sentAt: Date | null },
): QuoteDocument {
  const portText = (code: string | null) => {
    if (!code) return null;
    const p = facts.ports.find((x) => x.code === code);
    return p ? `${p.name}, ${countryNameOf(p.country)} (${code})` : code;
  };
  const { exporter } = facts;
  const b = quote.buyerCompany;
  const scale = currencyScale(rev.currency);
  return {
    number: quote.number,
    revisionNo: rev.revisionNo,
    date: calendarDate(facts.sentAt ?? rev.sentAt ?? rev.createdAt),
    validUntil: calendarDate(rev.validUntil),
    draft: !(facts.sentAt || isSent(rev.status)),
    seller: {
      name: exporter?.name ?? 'The exporter',
      addressLines: exporter ? addressLines(exporter) : [],
      country: exporter ? countryNameOf(exporter.country) : '',
      taxId: exporter?.taxId ?? null,
      phone: exporter?.phone ?? null,
      website: exporter?.website ?? null,
    },
    buyer: { name: b.name, addressLines: addressLines(b), country: countryNameOf(b.country), taxId: b.taxId, phone: b.phone },
    currency: rev.currency,
    incoterm: rev.incoterm,
    namedPlace: rev.namedPlace,
    portOfLoading: portText(rev.portOfLoadingCode),
    portOfDischarge: portText(rev.portOfDischargeCode),
    paymentTerms: rev.paymentTermsText,
    leadTimeDays: rev.leadTimeDays,
    shipmentDate: rev.shipmentDate ? calendarDate(rev.shipmentDate) : null,
    packing: rev.packing,
    notes: rev.notes,
    bankDetails: typeof facts.bankDetails === 'string' && facts.bankDetails.trim() ? facts.bankDetails : null,
    inquiryNumber: quote.inquiry.number,
    lines: rev.lines.map((l) => ({
      no: l.lineNo,
      description: l.description,
      sku: l.product?.sku ?? null,
      quantity: l.quantity.toFixed(),
      unit: l.unit,
      unitPrice: l.unitPrice.toFixed(4),
      amount: l.amount.toFixed(scale),
    })),
    total: rev.totalAmount.toFixed(scale),
  };
}
