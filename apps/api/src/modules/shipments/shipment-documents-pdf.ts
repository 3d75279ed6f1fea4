import { amountInChineseCapitals, cartonCbm, calendarDate, commercialInvoiceTotals, containerSizeType, currencyScale, formatCreditorReference, packingTotals } from '@portal/domain';
import { addressLines } from '../companies/company.mappers.ts';
import { calendarDay, formatCountry, textOf, type Lang, type Params } from '../../infra/messages.ts';
import { M, W, drawFooters, drawLineTable, drawSignatures, drawTotal, goodsCells, goodsColumns, groupThousands, accent, ink, muted, startA4Document, type A4Document } from '../../infra/pdf-page.ts';
import { shipmentPdfTexts } from './shipment-documents-pdf.messages.ts';
import type { ExecContractRow, ShipmentRow } from './shipments.repository.ts';

/*
 * The trade documents of a shipment, generated from the contract and the shipment as recorded:
 * the commercial invoice (numbered CI-…, with contract number, Incoterm and place, marks, lines,
 * amounts and the total in words, payment terms) and the packing list (cartons, net and gross
 * weight and volume per line and per container), in the reader's language. Banks and the buyer's
 * customs read the English one; Chinese is for the exporter's own people and authorities at home.
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
  /** The payable items this invoice asks for, each with its RF creditor reference, and where to pay. */
  payment: { items: { reference: string; description: string; amount: string; dueDate: string | null }[]; bankDetails: string | null };
};

/** What the invoice asks to be paid: the schedule's items (RF reference, amount, due date) and the exporter's bank details. */
export type InvoicePayment = CommercialInvoiceDocument['payment'];

/** The invoice's payment block from the schedule items it asks for (see findInvoicePayables), references grouped as printed. */
export function invoicePayment(
  payables: { items: { reference: string; description: string; amount: { toFixed(places: number): string }; dueDate: Date | null }[]; bankDetails: string | null },
  currency: string,
): InvoicePayment {
  return {
    bankDetails: payables.bankDetails,
    items: payables.items.map((i) => ({ reference: formatCreditorReference(i.reference), description: i.description, amount: i.amount.toFixed(currencyScale(currency)), dueDate: i.dueDate ? calendarDate(i.dueDate) : null })),
  };
}

export type PackingListDocument = Heading & {
  lines: { no: number; description: string; quantity: string; unit: string; cartons: number; netKg: string | null; grossKg: string; cbm: string; containerNumber: string | null }[];
  containers: { containerNumber: string | null; label: string; cartons: number; netKg: string | null; grossKg: string; cbm: string }[];
  total: { cartons: number; netKg: string | null; grossKg: string; cbm: string };
};

type Key = keyof (typeof shipmentPdfTexts)['en'];
/** A text of the shipment documents in a language. */
const sayIn = (lang: Lang) => (key: Key, params?: Params) => textOf(shipmentPdfTexts, key, lang, params);

function party(p: ExecContractRow['buyerCompany'], lang: Lang): Party {
  return { name: p.name, lines: [...addressLines(p), formatCountry(p.country, lang), ...(p.taxId ? [sayIn(lang)('taxId', { taxId: p.taxId })] : [])] };
}

function heading(c: ExecContractRow, s: ShipmentRow, ports: Ports, today: string, lang: Lang): Heading {
  const say = sayIn(lang);
  const port = (code: string | null) => (code ? `${ports.get(code)?.name ?? code} (${code})` : '-');
  return {
    number: s.invoiceNumber ?? s.number,
    date: s.invoiceDate ? calendarDate(s.invoiceDate) : today,
    contractNumber: c.number,
    shipmentNumber: s.number,
    seller: party(c.sellerCompany, lang),
    buyer: party(c.buyerCompany, lang),
    incoterm: c.incoterm,
    namedPlace: c.namedPlace,
    portOfLoading: port(s.portOfLoadingCode ?? c.portOfLoadingCode),
    portOfDischarge: port(s.portOfDischargeCode ?? c.portOfDischargeCode),
    vessel: s.vessel ? `${s.vessel}${s.voyage ? ` V.${s.voyage}` : ''}` : null,
    blNumber: s.blNumber,
    marks: c.shippingMarks ?? `${c.buyerCompany.name}\n${c.number}\nC/No. 1-UP`,
    containerLabels: s.containers.map((k) => `${k.containerNumber} (${containerSizeType(k.sizeType).name}${k.sealNumber ? `, ${say('seal', { seal: k.sealNumber })}` : ''})`),
  };
}

function shipmentLines(c: ExecContractRow, s: ShipmentRow) {
  return s.lines.map((l) => ({ l, cl: c.lines.find((x) => x.id === l.contractLineId)! })).sort((a, b) => a.cl.lineNo - b.cl.lineNo);
}

/** The commercial invoice's content from the contract and the shipment, in a reader's language (country names, defaults). */
export function commercialInvoiceDocument(c: ExecContractRow, s: ShipmentRow, ports: Ports, today: string, lang: Lang = 'en', payment: InvoicePayment = { items: [], bankDetails: null }): CommercialInvoiceDocument {
  const rows = shipmentLines(c, s);
  const totals = commercialInvoiceTotals(rows.map(({ l, cl }) => ({ quantity: l.quantity.toFixed(), unitPrice: cl.unitPrice.toFixed() })), c.currency);
  return {
    ...heading(c, s, ports, today, lang),
    currency: c.currency,
    lines: rows.map(({ l, cl }, i) => ({ no: cl.lineNo, description: cl.product?.hsCode ? `${cl.description}\nHS ${cl.product.hsCode}` : cl.description, quantity: l.quantity.toFixed(), unit: cl.unit, unitPrice: cl.unitPrice.toFixed(4), amount: totals.amounts[i]! })),
    total: totals.total,
    inWords: totals.inWords,
    paymentTerms: c.paymentTermsText,
    insurance: ['CIF', 'CIP'].includes(c.incoterm) ? (c.insurance ?? sayIn(lang)('insuranceDefault')) : null,
    payment,
  };
}

/** The packing list's content: per-carton figures from the product's export packing, totals per line and container. */
export function packingListDocument(c: ExecContractRow, s: ShipmentRow, ports: Ports, today: string, lang: Lang = 'en'): PackingListDocument {
  const rows = shipmentLines(c, s);
  const packing = rows.map(({ l, cl }) => {
    const p = cl.product;
    const perCarton = p ? { netKgPerCarton: p.cartonNetWeightKg?.toFixed() ?? null, grossKgPerCarton: p.cartonGrossWeightKg.toFixed(), cbmPerCarton: cartonCbm(p.cartonLengthCm.toFixed(), p.cartonWidthCm.toFixed(), p.cartonHeightCm.toFixed()).toFixed(6) } : { netKgPerCarton: null, grossKgPerCarton: '0', cbmPerCarton: '0' };
    return { lineNo: cl.lineNo, quantity: l.quantity.toFixed(), cartons: l.cartons ?? 0, containerNumber: l.containerNumber, ...perCarton };
  });
  const totals = packingTotals(packing);
  const sizeOf = new Map(s.containers.map((k) => [k.containerNumber, containerSizeType(k.sizeType).name]));
  return {
    ...heading(c, s, ports, today, lang),
    lines: rows.map(({ l, cl }, i) => ({ no: cl.lineNo, description: cl.description, quantity: l.quantity.toFixed(), unit: cl.unit, cartons: packing[i]!.cartons, netKg: totals.lines[i]!.netKg, grossKg: totals.lines[i]!.grossKg, cbm: totals.lines[i]!.cbm, containerNumber: l.containerNumber })),
    containers: totals.containers.map((k) => ({ ...k, label: k.containerNumber ? `${k.containerNumber} ${sizeOf.get(k.containerNumber) ?? ''}`.trim() : sayIn(lang)('lcl') })),
    total: totals.total,
  };
}

function drawHeading(page: A4Document, title: string, h: Heading) {
  const { doc, t, font, label, lang } = page;
  const say = sayIn(lang);
  font('bold', title).fontSize(16).fillColor(ink).text(t(title), M, M, { width: W, align: 'center' });
  const facts = say('facts', { number: h.number, date: calendarDay(h.date), contract: h.contractNumber, shipment: h.shipmentNumber });
  font('regular', facts).fontSize(9).fillColor(muted).text(t(facts), M, doc.y + 4, { width: W, align: 'center' });
  doc.y += 8;
  doc.moveTo(M, doc.y).lineTo(M + W, doc.y).lineWidth(1).strokeColor(accent).stroke();
  doc.y += 10;
  const half = W / 2 - 10;
  const top = doc.y;
  const block = (caption: string, p: Party, x: number) => {
    label(caption, x, top, half);
    font('bold', p.name).fontSize(10).fillColor(ink).text(t(p.name), x, top + 11, { width: half });
    const lines = p.lines.join('\n');
    font('regular', lines).fontSize(8.5).text(t(lines), x, doc.y + 1, { width: half });
    return doc.y;
  };
  doc.y = Math.max(block(say('seller'), h.seller, M), block(say('buyer'), h.buyer, M + W / 2 + 10)) + 10;
  const facts2: [string, string][] = [
    [say('termsOfDelivery'), say('termsOfDeliveryText', { incoterm: h.incoterm, namedPlace: h.namedPlace })],
    [say('from'), h.portOfLoading],
    [say('to'), h.portOfDischarge],
    [say('vessel'), h.vessel ?? say('toBeAdvised')],
    [say('billOfLading'), h.blNumber ?? say('toBeAdvised')],
    [say('containers'), h.containerLabels.length ? h.containerLabels.join('; ') : say('toBeAdvised')],
  ];
  const col = W / 3;
  for (let r = 0; r < facts2.length; r += 3) {
    const rowTop = doc.y;
    let rowBottom = rowTop;
    facts2.slice(r, r + 3).forEach(([k, v], i) => {
      const x = M + i * col;
      label(k, x, rowTop, col - 8);
      font('regular', v).fontSize(8.5).fillColor(ink).text(t(v), x, rowTop + 10, { width: col - 8 });
      rowBottom = Math.max(rowBottom, doc.y);
    });
    doc.y = rowBottom + 4;
  }
  doc.y += 6;
  label(say('shippingMarks'), M, doc.y, W);
  font('regular', h.marks).fontSize(8.5).fillColor(ink).text(t(h.marks), M, doc.y + 1, { width: W });
  doc.y += 8;
}

/** A paragraph in the face its text needs. */
function paragraph(page: A4Document, text: string, y: number) {
  page.font('regular', text).fontSize(8.5).fillColor(ink).text(page.t(text), M, y, { width: W });
}

/** Renders the commercial invoice as a PDF in a language; the same invoice renders the same file (its date is the creation date). */
export function renderCommercialInvoicePdf(ci: CommercialInvoiceDocument, options: { compress?: boolean; lang?: Lang } = {}): Promise<Buffer> {
  const lang = options.lang ?? 'en';
  const say = sayIn(lang);
  const page = startA4Document({ Title: say('invoiceTitle', { number: ci.number }), Author: ci.seller.name, Subject: say('subject', { contract: ci.contractNumber }), CreationDate: new Date(`${ci.date}T00:00:00Z`) }, { ...options, lang });
  const { doc, ensureSpace, label, money } = page;
  drawHeading(page, say('invoiceHeading'), ci);
  drawLineTable(page, goodsColumns(page, ci.currency, 215), ci.lines.map(goodsCells), { striped: true });
  drawTotal(page, say('total'), ci.currency, ci.total, lang === 'zh' ? amountInChineseCapitals(ci.total, ci.currency) : ci.inWords, 40);
  ensureSpace(60);
  label(say('paymentTerms'), M, doc.y, W);
  paragraph(page, ci.paymentTerms, doc.y + 1);
  if (ci.insurance) {
    doc.y += 4;
    label(say('insurance'), M, doc.y, W);
    paragraph(page, ci.insurance, doc.y + 1);
  }
  if (ci.payment.items.length > 0 || ci.payment.bankDetails) {
    doc.y += 4;
    ensureSpace(40 + ci.payment.items.length * 12);
    label(say('payment'), M, doc.y, W);
    if (ci.payment.items.length > 0) {
      paragraph(page, say('payWith'), doc.y + 1);
      for (const i of ci.payment.items) {
        const item = { reference: i.reference, description: i.description, amount: money(i.amount, ci.currency) };
        paragraph(page, i.dueDate ? say('payItemDue', { ...item, due: calendarDay(i.dueDate) }) : say('payItem', item), doc.y + 1);
      }
    }
    if (ci.payment.bankDetails) {
      doc.y += 2;
      label(say('bankDetails'), M, doc.y, W);
      paragraph(page, ci.payment.bankDetails, doc.y + 1);
    }
  }
  doc.y += 4;
  paragraph(page, say('certificate', { contract: ci.contractNumber }), doc.y);
  drawSignatures(page, [say('sellerSigns', { seller: ci.seller.name }), say('signature')], [], 70, 40);
  drawFooters(page, `${say('invoiceTitle', { number: ci.number })} - ${ci.seller.name}`);
  doc.end();
  return page.done;
}

/** Renders the packing list as a PDF in a language. */
export function renderPackingListPdf(pl: PackingListDocument, options: { compress?: boolean; lang?: Lang } = {}): Promise<Buffer> {
  const lang = options.lang ?? 'en';
  const say = sayIn(lang);
  const page = startA4Document({ Title: say('packingTitle', { number: pl.number }), Author: pl.seller.name, Subject: say('subject', { contract: pl.contractNumber }), CreationDate: new Date(`${pl.date}T00:00:00Z`) }, { ...options, lang });
  const { doc, font, t, ensureSpace, label } = page;
  drawHeading(page, say('packingHeading'), pl);
  const columns = [
    { key: 'no', title: page.say('no'), width: 26, align: 'left' },
    { key: 'description', title: page.say('description'), width: 150, align: 'left' },
    { key: 'quantity', title: page.say('quantity'), width: 62, align: 'right' },
    { key: 'cartons', title: say('cartons'), width: 46, align: 'right' },
    { key: 'netKg', title: say('netKg'), width: 62, align: 'right' },
    { key: 'grossKg', title: say('grossKg'), width: 62, align: 'right' },
    { key: 'cbm', title: say('cbm'), width: 50, align: 'right' },
    { key: 'container', title: say('container'), width: W - 26 - 150 - 62 - 46 - 62 - 62 - 50, align: 'left' },
  ] as const;
  const cell = (v: string | null) => (v === null ? '-' : groupThousands(v));
  drawLineTable(page, columns.map((c) => ({ ...c })), pl.lines.map((l) => ({
    no: String(l.no), description: l.description, quantity: `${groupThousands(l.quantity)} ${l.unit}`, cartons: String(l.cartons), netKg: cell(l.netKg), grossKg: cell(l.grossKg), cbm: l.cbm, container: l.containerNumber ?? '-',
  })), { striped: true, closingRule: true });
  ensureSpace(40 + pl.containers.length * 14);
  doc.y += 8;
  label(say('perContainer'), M, doc.y, W);
  doc.y += 2;
  for (const k of pl.containers) paragraph(page, say('containerLine', { label: k.label, cartons: k.cartons, net: cell(k.netKg), gross: cell(k.grossKg), cbm: k.cbm }), doc.y + 2);
  doc.y += 6;
  const total = say('packingTotal', { cartons: pl.total.cartons, net: cell(pl.total.netKg), gross: cell(pl.total.grossKg), cbm: pl.total.cbm });
  font('bold', total).fontSize(10).fillColor(ink).text(t(total), M, doc.y + 4, { width: W });
  drawSignatures(page, [say('sellerSigns', { seller: pl.seller.name }), say('signature')], [], 70, 40);
  drawFooters(page, `${say('packingTitle', { number: pl.number })} - ${pl.seller.name}`);
  doc.end();
  return page.done;
}
