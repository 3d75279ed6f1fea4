import type { SalesContractView } from '@portal/schemas';
import { amendmentChangesText, amountInChineseCapitals, amountInWords, paymentMethodNames } from '@portal/domain';
import { letterOfCreditClause } from '../letters-of-credit/letter-of-credit.mappers.ts';
import { calendarDay, textOf, type Params } from '../../infra/messages.ts';
import { M, W, accent, drawFooters, drawLineTable, drawSignatures, drawTotal, goodsCells, goodsColumns, groupThousands, ink, muted, pageTexts, startA4Document, type Weight } from '../../infra/pdf-page.ts';
import { contractPdfTexts } from './sales-contract-pdf.messages.ts';

type Party = { name: string; addressLines: string[]; country: string; taxId: string | null; phone: string | null };

/** A text in both languages; a text a party typed is the same in both. */
export type Both = { en: string; zh: string };

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
  terms: { title: Both; body: Both }[];
  confirmed: { by: string; at: string } | null;
};

type Key = keyof (typeof contractPdfTexts)['en'];
/** A contract text in both languages. */
const both = (key: Key, params?: Params): Both => ({ en: textOf(contractPdfTexts, key, 'en', params), zh: textOf(contractPdfTexts, key, 'zh', params) });
/** What a party typed: the same words in both. */
const typed = (text: string): Both => ({ en: text, zh: text });

/**
 * Renders the sales confirmation (销售确认书) as a PDF in English and Chinese: both parties, the
 * goods, every clause and signature blocks, each printed word in English with its Chinese beneath
 * (what Chinese exporters sign, so both sides read the one text they sign, whoever downloads it).
 * The creation date is the issue date, so the same contract renders the same file.
 */
export function renderContractPdf(sc: ContractDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const en = (key: Key, params?: Params) => textOf(contractPdfTexts, key, 'en', params);
  const zh = (key: Key, params?: Params) => textOf(contractPdfTexts, key, 'zh', params);
  const page = startA4Document(
    { Title: en('docTitle', { number: sc.number }), Author: sc.seller.name, Subject: en('docSubject', { buyer: sc.buyer.name }), CreationDate: new Date(`${sc.date}T00:00:00Z`) },
    { ...options, lang: 'en' },
  );
  const { doc, done, t, font, ensureSpace, label } = page;
  /** A line of text set in the face it needs. */
  const write = (text: string, weight: Weight, size: number, color: string, x: number, y: number, opts: PDFKit.Mixins.TextOptions) =>
    font(weight, text).fontSize(size).fillColor(color).text(t(text), x, y, opts);

  // ── Title
  write(en('heading'), 'bold', 16, ink, M, M, { width: W, align: 'center' });
  write(zh('heading'), 'bold', 13, ink, M, doc.y + 1, { width: W, align: 'center' });
  const facts = { number: sc.number, amended: sc.amendmentNo > 0 ? 'yes' : 'no', amendmentNo: sc.amendmentNo, date: calendarDay(sc.date), reference: sc.quoteReference };
  write(`${en('number', facts)}   ${en('date', facts)}   ${en('reference', facts)}`, 'regular', 9, muted, M, doc.y + 4, { width: W, align: 'center' });
  write(`${zh('number', facts)}   ${zh('date', facts)}   ${zh('reference', facts)}`, 'regular', 8.5, muted, M, doc.y + 1, { width: W, align: 'center' });
  doc.y += 8;
  doc.moveTo(M, doc.y).lineTo(M + W, doc.y).lineWidth(1).strokeColor(accent).stroke();
  doc.y += 10;

  // ── Parties
  const half = W / 2 - 10;
  const top = doc.y;
  const party = (title: Key, p: Party, x: number) => {
    label(`${en(title)} / ${zh(title)}`, x, top, half);
    write(p.name, 'bold', 10, ink, x, top + 11, { width: half });
    const lines = [...p.addressLines, p.country, p.taxId ? en('taxId', { taxId: p.taxId }) : null, p.phone ? en('tel', { phone: p.phone }) : null].filter((l): l is string => Boolean(l)).join('\n');
    write(lines, 'regular', 8.5, ink, x, doc.y + 1, { width: half });
    return doc.y;
  };
  const leftBottom = party('seller', sc.seller, M);
  const rightBottom = party('buyer', sc.buyer, M + W / 2 + 10);
  doc.y = Math.max(leftBottom, rightBottom) + 10;
  write(en('preamble'), 'regular', 8.5, ink, M, doc.y, { width: W });
  write(zh('preamble'), 'regular', 8, muted, M, doc.y + 1, { width: W });
  doc.y += 8;

  // ── Goods: column titles in both languages
  const columns = goodsColumns(page, sc.currency, 215).map((c) => ({ ...c, title: `${c.title}\n${textOf(pageTexts, c.key, 'zh', { currency: sc.currency })}` }));
  drawLineTable(page, columns, sc.lines.map(goodsCells));
  drawTotal(page, `${en('total')} ${zh('total')}`, sc.currency, sc.total, `${amountInWords(sc.total, sc.currency)}\n${amountInChineseCapitals(sc.total, sc.currency)}`, 40);

  // ── Clauses: the English, and the Chinese beneath where it differs
  sc.terms.forEach(({ title, body }, i) => {
    const height = font('regular', body.en).fontSize(8.5).heightOfString(t(body.en), { width: W - 130 }) +
      (body.zh !== body.en ? font('regular', body.zh).fontSize(8).heightOfString(t(body.zh), { width: W - 130 }) : 0);
    ensureSpace(height + 16);
    const y = doc.y;
    write(`${i + 1}. ${title.en}`, 'bold', 8.5, ink, M, y, { width: 125 });
    write(title.zh, 'regular', 8, muted, M + 10, doc.y, { width: 115 });
    const leftEnd = doc.y;
    write(body.en, 'regular', 8.5, ink, M + 130, y, { width: W - 130 });
    if (body.zh !== body.en) write(body.zh, 'regular', 8, muted, M + 130, doc.y + 1, { width: W - 130 });
    doc.y = Math.max(doc.y, leftEnd) + 5;
  });

  // ── Signatures
  drawSignatures(
    page,
    [en('sellerSigns', { seller: sc.seller.name }), zh('sellerSigns', { seller: sc.seller.name }), `${en('sellerSignature')} / ${zh('sellerSignature')}`],
    sc.confirmed
      ? [en('buyerSigns', { buyer: sc.buyer.name }), zh('buyerSigns', { buyer: sc.buyer.name }), en('confirmedBy', { by: sc.confirmed.by, at: calendarDay(sc.confirmed.at) }), zh('confirmedBy', { by: sc.confirmed.by, at: calendarDay(sc.confirmed.at) })]
      : [en('buyerSigns', { buyer: sc.buyer.name }), zh('buyerSigns', { buyer: sc.buyer.name }), `${en('buyerSignature')} / ${zh('buyerSignature')}`],
    100,
    40,
  );
  drawFooters(page, en('footer', { number: sc.number, seller: sc.seller.name }));
  doc.end();
  return done;
}

/** The contract's own words of a line date ("; line 2 by …"), for the lines with a shipment date of their own. */
const lineDates = (v: SalesContractView, lang: 'en' | 'zh') =>
  v.lines.filter((l) => l.shipmentDate).map((l) => textOf(contractPdfTexts, 'lineBy', lang, { lineNo: l.lineNo, date: calendarDay(l.shipmentDate!) })).join('');

/** The sales confirmation of a contract as shown: every clause in order, in both languages, the confirmed amendments last. */
export function contractDocument(v: SalesContractView): { fileName: string; document: ContractDocument } {
  const portText = (p: { code: string; name: string } | null) => (p ? typed(`${p.name} (${p.code})`) : both('anyPort'));
  const orDefault = (text: string | null, key: Key) => (text ? typed(text) : both(key));
  const yesNo = (allowed: boolean) => both(allowed ? 'allowed' : 'notAllowed');
  const shipment = { date: calendarDay(v.latestShipmentDate), hasLeadTime: v.leadTimeDays ? 'yes' : 'no', leadTimeDays: v.leadTimeDays ?? 0 };
  const terms: { title: Both; body: Both }[] = [
    { title: both('priceTerm'), body: both('priceTermText', { incoterm: v.incoterm, namedPlace: v.namedPlace, currency: v.currency }) },
    { title: both('portOfLoading'), body: portText(v.portOfLoading) },
    { title: both('portOfDestination'), body: portText(v.portOfDischarge) },
    { title: both('timeOfShipment'), body: { en: textOf(contractPdfTexts, 'timeOfShipmentText', 'en', shipment) + lineDates(v, 'en'), zh: textOf(contractPdfTexts, 'timeOfShipmentText', 'zh', shipment) + lineDates(v, 'zh') } },
    { title: both('partialShipment'), body: yesNo(v.partialShipmentAllowed) },
    { title: both('transhipment'), body: yesNo(v.transhipmentAllowed) },
    { title: both('packing'), body: orDefault(v.packing, 'packingDefault') },
    { title: both('shippingMarks'), body: orDefault(v.shippingMarks, 'shippingMarksDefault') },
    ...(v.specialTerms ? [{ title: both('specialTerms'), body: typed(v.specialTerms) }] : []),
    { title: both('inspection'), body: orDefault(v.inspection, 'inspectionDefault') },
    { title: both('insurance'), body: orDefault(v.insurance, 'insuranceDefault') },
    { title: both('payment'), body: typed(`${v.paymentTermsText}. ${v.paymentTerms.map((p) => `${paymentMethodNames[p.method]} ${p.percent}%: ${v.currency} ${groupThousands(p.amount.amount)}`).join('; ')}`) },
    ...(v.lc ? [{ title: both('letterOfCredit'), body: typed(letterOfCreditClause(v.lc)) }] : []),
    { title: both('claims'), body: typed(v.claimsClause ?? '') },
    { title: both('forceMajeure'), body: both('forceMajeureText') },
    { title: both('arbitration'), body: both('arbitrationText') },
    { title: both('language'), body: both('languageText') },
    ...v.amendments.filter((a) => a.status === 'CONFIRMED').map((a) => ({ title: both('amendment', { number: a.number }), body: typed(`${a.reason} (${amendmentChangesText(a.changes)})`) })),
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
