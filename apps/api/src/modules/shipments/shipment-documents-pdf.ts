import { cartonCbm, calendarDate, commercialInvoiceTotals, containerSizeType, packingTotals } from '@portal/domain';
import { addressLines, countryNameOf } from '../companies/company.mappers.ts';
import { M, W, accent, drawFooters, drawLineTable, drawSignatures, drawTotal, goodsCells, goodsColumns, groupThousands, ink, muted, startA4Document, toWinAnsi } from '../../infra/pdf-page.ts';
import type { ExecContractRow, ShipmentRow } from './shipments.repository.ts';

/*
 * The trade documents of a shipment, generated from the contract and the shipment as recorded:
 * the commercial invoice (numbered CI-…, with contract number, Incoterm and place, marks, lines,
 * amounts and the total in words, payment terms) and the packing list (cartons, net and gross
 * weight and volume per line and per container). In English, the language of the documents banks
 * and customs read; the built-in Helvetica.
 */

type Party = { name: string; lines: string[] };
type Ports = ReadonlyMap<string, { code: string; name: string }>;

/** What both documents print in their heading. */
type Heading = {
  number: string;
  date: string;
  contractNumber: string;
  shipmentNumber: string;
  seller: Party;
  buyer: Party;
  incoterm: string;
  namedPlace: string;
  portOfLoading: string;
  portOfDischarge: string;
  vessel: string | null;
  blNumber: string | null;
  marks: string;
  containerLabels: string[];
};

export type CommercialInvoiceDocument = Heading & {
  currency: string;
  lines: { no: number; description: string; quantity: string; unit: string; unitPrice: string; amount: string }[];
  total: string;
  inWords: string;
  paymentTerms: string;
  insurance: string | null;
};

export type PackingListDocument = Heading & {
  lines: { no: number; description: string; quantity: string; unit: string; cartons: number; netKg: string | null; grossKg: string; cbm: string; containerNumber: string | null }[];
  containers: { containerNumber: string | null; label: string; cartons: number; netKg: string | null; grossKg: string; cbm: string }[];
  total: { cartons: number; netKg: string | null; grossKg: string; cbm: string };
};

function party(p: ExecContractRow['buyerCompany']): Party {
  return { name: p.name, lines: [...addressLines(p), countryNameOf(p.country), ...(p.taxId ? [`Tax ID: ${p.taxId}`] : [])] };
}

function heading(c: ExecContractRow, s: ShipmentRow, ports: Ports, today: string): Heading {
  const port = (code: string | null) => (code ? `${ports.get(code)?.name ?? code} (${code})` : '-');
  return {
    number: s.invoiceNumber ?? s.number,
    date: s.invoiceDate ? calendarDate(s.invoiceDate) : today,
    contractNumber: c.number,
    shipmentNumber: s.number,
    seller: party(c.sellerCompany),
    buyer: party(c.buyerCompany),
    incoterm: c.incoterm,
    namedPlace: c.namedPlace,
    portOfLoading: port(s.portOfLoadingCode ?? c.portOfLoadingCode),
    portOfDischarge: port(s.portOfDischargeCode ?? c.portOfDischargeCode),
    vessel: s.vessel ? `${s.vessel}${s.voyage ? ` V.${s.voyage}` : ''}` : null,
    blNumber: s.blNumber,
    marks: c.shippingMarks ?? `${c.buyerCompany.name}\n${c.number}\nC/No. 1-UP`,
    containerLabels: s.containers.map((k) => `${k.containerNumber} (${containerSizeType(k.sizeType).name}${k.sealNumber ? `, seal ${k.sealNumber}` : ''})`),
  };
}

function shipmentLines(c: ExecContractRow, s: ShipmentRow) {
  return s.lines.map((l) => ({ l, cl: c.lines.find((x) => x.id === l.contractLineId)! })).sort((a, b) => a.cl.lineNo - b.cl.lineNo);
}

/** The commercial invoice's content from the contract and the shipment. */
export function commercialInvoiceDocument(c: ExecContractRow, s: ShipmentRow, ports: Ports, today: string): CommercialInvoiceDocument {
  const rows = shipmentLines(c, s);
  const totals = commercialInvoiceTotals(rows.map(({ l, cl }) => ({ quantity: l.quantity.toFixed(), unitPrice: cl.unitPrice.toFixed() })), c.currency);
  return {
    ...heading(c, s, ports, today),
    currency: c.currency,
    lines: rows.map(({ l, cl }, i) => ({ no: cl.lineNo, description: cl.product?.hsCode ? `${cl.description}\nHS ${cl.product.hsCode}` : cl.description, quantity: l.quantity.toFixed(), unit: cl.unit, unitPrice: cl.unitPrice.toFixed(4), amount: totals.amounts[i]! })),
    total: totals.total,
    inWords: totals.inWords,
    paymentTerms: c.paymentTermsText,
    insurance: ['CIF', 'CIP'].includes(c.incoterm) ? (c.insurance ?? 'Covered by the Seller for 110 % of the invoice value') : null,
  };
}

/** The packing list's content: per-carton figures from the product's export packing, totals per line and container. */
export function packingListDocument(c: ExecContractRow, s: ShipmentRow, ports: Ports, today: string): PackingListDocument {
  const rows = shipmentLines(c, s);
  const packing = rows.map(({ l, cl }) => {
    const p = cl.product;
    const perCarton = p ? { netKgPerCarton: p.cartonNetWeightKg?.toFixed() ?? null, grossKgPerCarton: p.cartonGrossWeightKg.toFixed(), cbmPerCarton: cartonCbm(p.cartonLengthCm.toFixed(), p.cartonWidthCm.toFixed(), p.cartonHeightCm.toFixed()).toFixed(6) } : { netKgPerCarton: null, grossKgPerCarton: '0', cbmPerCarton: '0' };
    return { lineNo: cl.lineNo, quantity: l.quantity.toFixed(), cartons: l.cartons ?? 0, containerNumber: l.containerNumber, ...perCarton };
  });
  const totals = packingTotals(packing);
  const sizeOf = new Map(s.containers.map((k) => [k.containerNumber, containerSizeType(k.sizeType).name]));
  return {
    ...heading(c, s, ports, today),
    lines: rows.map(({ l, cl }, i) => ({ no: cl.lineNo, description: cl.description, quantity: l.quantity.toFixed(), unit: cl.unit, cartons: packing[i]!.cartons, netKg: totals.lines[i]!.netKg, grossKg: totals.lines[i]!.grossKg, cbm: totals.lines[i]!.cbm, containerNumber: l.containerNumber })),
    containers: totals.containers.map((k) => ({ ...k, label: k.containerNumber ? `${k.containerNumber} ${sizeOf.get(k.containerNumber) ?? ''}`.trim() : 'Not containerised (LCL)' })),
    total: totals.total,
  };
}

function drawHeading(page: ReturnType<typeof startA4Document>, title: string, h: Heading) {
  const { doc, t, label } = page;
  doc.font('Helvetica-Bold').fontSize(16).fillColor(ink).text(title, M, M, { width: W, align: 'center' });
  doc.font('Helvetica').fontSize(9).fillColor(muted).text(t(`No. ${h.number}   Date: ${h.date}   Contract: ${h.contractNumber}   Shipment: ${h.shipmentNumber}`), M, doc.y + 4, { width: W, align: 'center' });
  doc.y += 8;
  doc.moveTo(M, doc.y).lineTo(M + W, doc.y).lineWidth(1).strokeColor(accent).stroke();
  doc.y += 10;
  const half = W / 2 - 10;
  const top = doc.y;
  const block = (caption: string, p: Party, x: number) => {
    label(caption, x, top, half);
    doc.font('Helvetica-Bold').fontSize(10).fillColor(ink).text(t(p.name), x, top + 11, { width: half });
    doc.font('Helvetica').fontSize(8.5).text(t(p.lines.join('\n')), x, doc.y + 1, { width: half });
    return doc.y;
  };
  doc.y = Math.max(block('Seller / shipper', h.seller, M), block('Buyer / consignee', h.buyer, M + W / 2 + 10)) + 10;
  const facts: [string, string][] = [
    ['Terms of delivery', `${h.incoterm} ${h.namedPlace}, Incoterms® 2020`],
    ['From', h.portOfLoading],
    ['To', h.portOfDischarge],
    ['Vessel / voyage', h.vessel ?? 'To be advised'],
    ['Bill of lading', h.blNumber ?? 'To be advised'],
    ['Containers', h.containerLabels.length ? h.containerLabels.join('; ') : 'To be advised'],
  ];
  const col = W / 3;
  for (let r = 0; r < facts.length; r += 3) {
    const rowTop = doc.y;
    let rowBottom = rowTop;
    facts.slice(r, r + 3).forEach(([k, v], i) => {
      const x = M + i * col;
      label(k, x, rowTop, col - 8);
      doc.font('Helvetica').fontSize(8.5).fillColor(ink).text(t(v), x, rowTop + 10, { width: col - 8 });
      rowBottom = Math.max(rowBottom, doc.y);
    });
    doc.y = rowBottom + 4;
  }
  doc.y += 6;
  label('Shipping marks', M, doc.y, W);
  doc.font('Helvetica').fontSize(8.5).fillColor(ink).text(t(h.marks), M, doc.y + 1, { width: W });
  doc.y += 8;
}

/** Renders the commercial invoice as a PDF; the same invoice renders the same file (its date is the creation date). */
export function renderCommercialInvoicePdf(ci: CommercialInvoiceDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const page = startA4Document({ Title: `Commercial invoice ${ci.number}`, Author: toWinAnsi(ci.seller.name), Subject: `Contract ${ci.contractNumber}`, CreationDate: new Date(`${ci.date}T00:00:00Z`) }, options);
  const { doc, t, ensureSpace, label } = page;
  drawHeading(page, 'COMMERCIAL INVOICE', ci);
  drawLineTable(page, goodsColumns(ci.currency, 215), ci.lines.map(goodsCells), { striped: true });
  drawTotal(page, 'TOTAL INVOICE VALUE', ci.currency, ci.total, ci.inWords, 40);
  ensureSpace(60);
  label('Payment terms', M, doc.y, W);
  doc.font('Helvetica').fontSize(8.5).fillColor(ink).text(t(ci.paymentTerms), M, doc.y + 1, { width: W });
  if (ci.insurance) {
    doc.y += 4;
    label('Insurance', M, doc.y, W);
    doc.font('Helvetica').fontSize(8.5).fillColor(ink).text(t(ci.insurance), M, doc.y + 1, { width: W });
  }
  doc.y += 4;
  doc.font('Helvetica').fontSize(8.5).fillColor(ink).text(t(`We hereby certify that the goods above are of Chinese origin and that this invoice is true and correct, issued under sales contract ${ci.contractNumber}.`), M, doc.y, { width: W });
  drawSignatures(page, [`For and on behalf of ${ci.seller.name}`, 'Authorised signature'], ['', ''], 70, 40);
  drawFooters(page, `Commercial invoice ${ci.number} - ${ci.seller.name}`);
  doc.end();
  return page.done;
}

/** Renders the packing list as a PDF. */
export function renderPackingListPdf(pl: PackingListDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const page = startA4Document({ Title: `Packing list ${pl.number}`, Author: toWinAnsi(pl.seller.name), Subject: `Contract ${pl.contractNumber}`, CreationDate: new Date(`${pl.date}T00:00:00Z`) }, options);
  const { doc, ensureSpace, label } = page;
  drawHeading(page, 'PACKING LIST', pl);
  const columns = [
    { key: 'no', title: 'No.', width: 26, align: 'left' },
    { key: 'description', title: 'Description of goods', width: 150, align: 'left' },
    { key: 'quantity', title: 'Quantity', width: 62, align: 'right' },
    { key: 'cartons', title: 'Cartons', width: 46, align: 'right' },
    { key: 'netKg', title: 'Net kg', width: 62, align: 'right' },
    { key: 'grossKg', title: 'Gross kg', width: 62, align: 'right' },
    { key: 'cbm', title: 'CBM', width: 50, align: 'right' },
    { key: 'container', title: 'Container', width: W - 26 - 150 - 62 - 46 - 62 - 62 - 50, align: 'left' },
  ] as const;
  const cell = (v: string | null) => (v === null ? '-' : groupThousands(v));
  drawLineTable(page, columns.map((c) => ({ ...c })), pl.lines.map((l) => ({
    no: String(l.no), description: l.description, quantity: `${groupThousands(l.quantity)} ${l.unit}`, cartons: String(l.cartons), netKg: cell(l.netKg), grossKg: cell(l.grossKg), cbm: l.cbm, container: l.containerNumber ?? '-',
  })), { striped: true, closingRule: true });
  ensureSpace(40 + pl.containers.length * 14);
  doc.y += 8;
  label('Per container', M, doc.y, W);
  doc.y += 2;
  for (const k of pl.containers) {
    doc.font('Helvetica').fontSize(8.5).fillColor(ink).text(`${k.label}: ${k.cartons} cartons, net ${cell(k.netKg)} kg, gross ${cell(k.grossKg)} kg, ${k.cbm} m3`, M, doc.y + 2, { width: W });
  }
  doc.y += 6;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(ink).text(`TOTAL: ${pl.total.cartons} CARTONS, NET ${cell(pl.total.netKg)} KG, GROSS ${cell(pl.total.grossKg)} KG, ${pl.total.cbm} M3`, M, doc.y + 4, { width: W });
  drawSignatures(page, [`For and on behalf of ${pl.seller.name}`, 'Authorised signature'], ['', ''], 70, 40);
  drawFooters(page, `Packing list ${pl.number} - ${pl.seller.name}`);
  doc.end();
  return page.done;
}

