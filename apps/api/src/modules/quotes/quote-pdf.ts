import { amountInChineseCapitals, amountInWords, calendarDate, currencyScale, formatCreditorReference, isSent } from '@portal/domain';
import { addressLines } from '../companies/company.mappers.ts';
import type { QuoteRow, RevisionRow } from './quotes.repository.ts';
import { calendarDay, formatCountry, formatDate, textOf, type Lang, type Params } from '../../infra/messages.ts';
import { M, W, accent, drawFooters, drawLineTable, drawSignatures, drawTotal, goodsCells, goodsColumns, ink, muted, startA4Document } from '../../infra/pdf-page.ts';
import { quotePdfTexts } from './quote-pdf.messages.ts';

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
  /** Once the PI is accepted and its contract confirmed: the schedule's items to pay, each with its RF reference. */
  paymentReferences: { reference: string; description: string; amount: string; dueDate: string | null }[];
  inquiryNumber: string;
  lines: { no: number; description: string; sku: string | null; quantity: string; unit: string; unitPrice: string; amount: string }[];
  total: string;
};

type Party = { name: string; addressLines: string[]; country: string; taxId: string | null; phone: string | null };

/**
 * Renders the PI as a PDF (A4) in a reader's language: labels and conditions from the PI's
 * catalogue, dates and money formatted for the language. `compress: false` leaves the page content
 * readable, for tests. The creation date is the PI date, so the same PI renders the same file.
 */
export function renderQuotePdf(pi: QuoteDocument, options: { compress?: boolean; lang?: Lang } = {}): Promise<Buffer> {
  const lang = options.lang ?? 'en';
  const say = (key: keyof (typeof quotePdfTexts)['en'], params?: Params) => textOf(quotePdfTexts, key, lang, params);
  const date = (d: string) => formatDate(d, lang);
  const page = startA4Document(
    {
      Title: say('docTitle', { number: pi.number, revisionNo: pi.revisionNo }),
      Author: pi.seller.name,
      Subject: say('docSubject', { buyer: pi.buyer.name }),
      CreationDate: new Date(`${pi.date}T00:00:00Z`),
    },
    { ...options, lang },
  );
  const { doc, done, t, font, ensureSpace, label, money } = page;

  // ── Seller (left) and title (right)
  const top = M;
  font('bold', pi.seller.name).fontSize(13).fillColor(accent).text(t(pi.seller.name), M, top, { width: 300 });
  const sellerLines = [
    ...pi.seller.addressLines,
    pi.seller.country,
    pi.seller.phone ? say('tel', { phone: pi.seller.phone }) : null,
    pi.seller.taxId ? say('sellerTaxId', { taxId: pi.seller.taxId }) : null,
    pi.seller.website,
  ].filter((l): l is string => Boolean(l)).join('\n');
  font('regular', sellerLines).fontSize(8.5).fillColor(ink).text(t(sellerLines), M, doc.y + 2, { width: 300 });
  const sellerBottom = doc.y;

  const boxX = M + W - 200;
  font('bold', say('heading')).fontSize(16).fillColor(ink).text(t(say('heading')), boxX, top, { width: 200, align: 'right' });
  const facts: [string, string][] = [
    [say('piNo'), pi.number],
    [say('revision'), String(pi.revisionNo)],
    [say('date'), date(pi.date)],
    [say('validUntil'), date(pi.validUntil)],
    [say('yourInquiry'), pi.inquiryNumber],
  ];
  let fy = top + 24;
  for (const [k, v] of facts) {
    font('regular', k).fontSize(8.5).fillColor(muted).text(t(k), boxX, fy, { width: 80 });
    font('bold', v).fillColor(ink).text(t(v), boxX + 80, fy, { width: 120, align: 'right' });
    fy += 13;
  }
  doc.y = Math.max(sellerBottom, fy) + 10;
  doc.moveTo(M, doc.y).lineTo(M + W, doc.y).lineWidth(1).strokeColor(accent).stroke();
  doc.y += 10;

  // ── Buyer (left) and terms (right)
  const blockTop = doc.y;
  const half = W / 2 - 10;
  label(say('buyer'), M, blockTop, half);
  font('bold', pi.buyer.name).fontSize(10).fillColor(ink).text(t(pi.buyer.name), M, blockTop + 11, { width: half });
  const buyerLines = [...pi.buyer.addressLines, pi.buyer.country, pi.buyer.taxId ? say('buyerTaxId', { taxId: pi.buyer.taxId }) : null, pi.buyer.phone ? say('tel', { phone: pi.buyer.phone }) : null].filter(
    (l): l is string => Boolean(l),
  ).join('\n');
  font('regular', buyerLines).fontSize(8.5).text(t(buyerLines), M, doc.y + 1, { width: half });
  const buyerBottom = doc.y;

  const termsX = M + W / 2 + 10;
  label(say('termsOfSale'), termsX, blockTop, half);
  const terms: [string, string][] = [
    [say('delivery'), say('deliveryText', { incoterm: pi.incoterm, namedPlace: pi.namedPlace })],
    ...(pi.portOfLoading ? [[say('portOfLoading'), pi.portOfLoading] as [string, string]] : []),
    ...(pi.portOfDischarge ? [[say('portOfDischarge'), pi.portOfDischarge] as [string, string]] : []),
    [say('payment'), pi.paymentTerms],
    [say('leadTime'), say('leadTimeText', { days: pi.leadTimeDays, deposit: pi.paymentTerms.includes('contract confirmation') ? 'yes' : 'no' })],
    ...(pi.shipmentDate ? [[say('shipment'), say('shipmentText', { date: calendarDay(pi.shipmentDate) })] as [string, string]] : []),
    [say('currency'), pi.currency],
  ];
  let ty = blockTop + 11;
  for (const [k, v] of terms) {
    font('regular', k).fontSize(8.5).fillColor(muted).text(t(k), termsX, ty, { width: 78 });
    font('regular', v).fillColor(ink).text(t(v), termsX + 78, ty, { width: half - 78 });
    ty = Math.max(doc.y, ty + 11) + 2;
  }
  doc.y = Math.max(buyerBottom, ty) + 14;

  // ── Lines
  drawLineTable(
    page,
    goodsColumns(page, pi.currency, 205),
    pi.lines.map((line) => goodsCells({ ...line, description: line.sku ? `${line.description}\n${say('itemNo', { sku: line.sku })}` : line.description })),
    { striped: true, closingRule: true },
  );

  // ── Total, the amount in words: the banks' English, or Chinese financial capitals (大写) for a Chinese reader
  drawTotal(page, say('total', { incoterm: pi.incoterm, namedPlace: pi.namedPlace }), pi.currency, pi.total, lang === 'zh' ? amountInChineseCapitals(pi.total, pi.currency) : amountInWords(pi.total, pi.currency), 48);

  // ── Packing, bank, notes
  function section(title: string, body: string | null) {
    if (!body) return;
    font('regular', body).fontSize(8.5);
    ensureSpace(doc.heightOfString(t(body), { width: W }) + 20);
    label(title, M, doc.y, W);
    font('regular', body).fontSize(8.5).fillColor(ink).text(t(body), M, doc.y + 2, { width: W });
    doc.y += 8;
  }
  section(say('packing'), pi.packing ?? say('packingDefault'));
  section(say('bank'), pi.bankDetails ?? say('bankDefault'));
  section(
    say('payRefs'),
    pi.paymentReferences.length === 0 ? null : pi.paymentReferences
      .map((r) => {
        const item = { reference: r.reference, description: r.description, amount: money(r.amount, pi.currency) };
        return r.dueDate ? say('payRefDue', { ...item, due: calendarDay(r.dueDate) }) : say('payRef', item);
      })
      .join('\n'),
  );
  section(say('notes'), pi.notes);
  section(say('conditions'), say('conditionsText', { incoterm: pi.incoterm, namedPlace: pi.namedPlace, currency: pi.currency, validUntil: calendarDay(pi.validUntil) }));

  // ── Signatures
  drawSignatures(page, [say('sellerSigns', { seller: pi.seller.name }), say('sellerSignature')], [say('buyerSigns', { buyer: pi.buyer.name }), say('buyerSignature')], 70, 34);

  // ── Footer and draft mark on every page
  drawFooters(page, say('footer', { number: pi.number, revisionNo: pi.revisionNo, seller: pi.seller.name }), { draft: pi.draft });
  doc.end();
  return done;
}

/** The seller as the PI prints it, or null when the exporter is not set up. */
type Exporter = { name: string; addressLine1: string; addressLine2: string | null; city: string; postalCode: string | null; country: string; taxId: string | null; phone: string | null; website: string | null };

/** The file name of a revision's PI. */
export const quotePdfName = (quote: { number: string }, rev: { revisionNo: number }) => `${quote.number}-rev${rev.revisionNo}.pdf`;

/**
 * What the PI of a revision shows, in a reader's language (country names): dated when it was sent (`sentAt` while it is being sent), a
 * draft until then; the ports with their countries; the exporter's bank details from the settings.
 */
export function quoteDocument(
  quote: QuoteRow,
  rev: RevisionRow,
  facts: {
    exporter: Exporter | null; bankDetails: unknown; ports: readonly { code: string; name: string; country: string }[]; sentAt: Date | null; lang?: Lang;
    /** The schedule items of the contract this revision became, if any. */
    payables?: readonly { reference: string; description: string; amount: { toFixed(places: number): string }; dueDate: Date | null }[];
  },
): QuoteDocument {
  const lang = facts.lang ?? 'en';
  const countryNameOf = (code: string) => formatCountry(code, lang);
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
      name: exporter?.name ?? (lang === 'zh' ? '出口商' : 'The exporter'),
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
    paymentReferences: (facts.payables ?? []).map((i) => ({ reference: formatCreditorReference(i.reference), description: i.description, amount: i.amount.toFixed(scale), dueDate: i.dueDate ? calendarDate(i.dueDate) : null })),
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
