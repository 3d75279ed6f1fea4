import type { SalesContractView } from '@portal/schemas';
import { amendmentChangesText, amountInWords, paymentMethodNames } from '@portal/domain';
import { letterOfCreditClause } from '../letters-of-credit/letter-of-credit.mappers.ts';
import { M, W, accent, drawFooters, drawLineTable, drawSignatures, drawTotal, goodsCells, goodsColumns, ink, muted, startA4Document, toWinAnsi } from '../../infra/pdf-page.ts';

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
  const page = startA4Document(
    { Title: `Sales confirmation ${sc.number}`, Author: toWinAnsi(sc.seller.name), Subject: `Sales contract with ${toWinAnsi(sc.buyer.name)}`, CreationDate: new Date(`${sc.date}T00:00:00Z`) },
    options,
  );
  const { doc, done, t, ensureSpace, label } = page;

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
  drawLineTable(page, goodsColumns(sc.currency, 215), sc.lines.map(goodsCells));
  drawTotal(page, 'TOTAL CONTRACT VALUE', sc.currency, sc.total, amountInWords(sc.total, sc.currency), 40);

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
  drawSignatures(
    page,
    [`THE SELLER: ${sc.seller.name}`, 'Authorised signature and company stamp'],
    [`THE BUYER: ${sc.buyer.name}`, sc.confirmed ? `Confirmed in the portal by ${sc.confirmed.by} on ${sc.confirmed.at}` : 'Signature, name and date'],
    90,
    40,
  );
  drawFooters(page, `Sales confirmation ${sc.number} - ${sc.seller.name}`);
  doc.end();
  return done;
}

/** "; line 2 by 2026-05-20": the lines with a shipment date of their own. */
const lineDates = (v: SalesContractView) => v.lines.filter((l) => l.shipmentDate).map((l) => `; line ${l.lineNo} by ${l.shipmentDate}`).join('');

/** The sales confirmation of a contract as shown: every clause in order, the confirmed amendments last. */
export function contractDocument(v: SalesContractView): { fileName: string; document: ContractDocument } {
  const portText = (p: { code: string; name: string } | null) => (p ? `${p.name} (${p.code})` : 'any port at the Seller’s option');
  const terms: [string, string][] = [
    ['Price term', `${v.incoterm} ${v.namedPlace}, Incoterms® 2020, in ${v.currency}`],
    ['Port of loading', portText(v.portOfLoading)],
    ['Port of destination', portText(v.portOfDischarge)],
    ['Time of shipment', `Not later than ${v.latestShipmentDate}${v.leadTimeDays ? ` (lead time ${v.leadTimeDays} days)` : ''}${lineDates(v)}`],
    ['Partial shipment', v.partialShipmentAllowed ? 'Allowed' : 'Not allowed'],
    ['Transhipment', v.transhipmentAllowed ? 'Allowed' : 'Not allowed'],
    ['Packing', v.packing ?? 'Standard export cartons'],
    ['Shipping marks', v.shippingMarks ?? 'At the Seller’s option'],
    ...(v.specialTerms ? [['Special terms', v.specialTerms] as [string, string]] : []),
    ['Inspection', v.inspection ?? 'By the manufacturer before shipment'],
    ['Insurance', v.insurance ?? 'To be covered by the Buyer'],
    ['Payment', `${v.paymentTermsText}. ${v.paymentTerms.map((p) => `${paymentMethodNames[p.method]} ${p.percent}%: ${v.currency} ${p.amount.amount}`).join('; ')}`],
    ...(v.lc ? [['Letter of credit', letterOfCreditClause(v.lc)] as [string, string]] : []),
    ['Claims', v.claimsClause ?? ''],
    ['Force majeure', 'The Seller shall not be liable for failure or delay in delivery caused by force majeure; it shall inform the Buyer without delay and provide evidence.'],
    ['Arbitration', 'Disputes shall be settled amicably; failing that, by arbitration at the China International Economic and Trade Arbitration Commission (CIETAC), whose award is final and binding on both parties.'],
    ...v.amendments.filter((a) => a.status === 'CONFIRMED').map((a) => [`Amendment ${a.number}`, `${a.reason} (${amendmentChangesText(a.changes)})`] as [string, string]),
  ];
  const party = (p: SalesContractView['seller']) => ({ name: p.name, addressLines: p.addressLines, country: p.country, taxId: p.taxId, phone: p.phone });
  const suffix = v.amendmentNo > 0 ? `-A${v.amendmentNo}` : '';
  return {
    fileName: `${v.number}${suffix}.pdf`,
    document: {
      number: v.number,
      amendmentNo: v.amendmentNo,
      date: v.issuedAt.slice(0, 10),
      quoteReference: `${v.quote.number} rev. ${v.quote.revisionNo}`,
      seller: party(v.seller),
      buyer: party(v.buyer),
      currency: v.currency,
      lines: v.lines.map((l) => ({ no: l.lineNo, description: l.notes ? `${l.description}\n${l.notes}` : l.description, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice.amount, amount: l.amount.amount })),
      total: v.total.amount,
      terms,
      confirmed: v.confirmedAt && v.confirmedBy ? { by: v.confirmedBy, at: v.confirmedAt.slice(0, 10) } : null,
    },
  };
}
