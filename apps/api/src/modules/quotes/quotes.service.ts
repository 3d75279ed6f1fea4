import type { ApprovalBody, PendingApproval, QuoteDraftBody, QuoteRevisionView, QuoteView, z } from '@portal/schemas';
import {
  Dec, DomainError, assertEditable, assertPaymentTerms, assertShipmentDate, assertValidUntil, assertVisibleTo, calendarDate, checkMoq, costPerUnit,
  assertNotOwnWork, currencyScale, decideApproval, decideSend, effectiveMarginFloor, isBelowFloor, isOpenInquiry, isSent, isStaff, lineAmount, lineMargin, mainPaymentMethod,
  paymentTermsText, quoteMargin, tradeCurrencies, worstFloorBreach, type Actor, type CostSheetFigures, type Instalment, type RevisionHands, type RevisionStatus,
} from '@portal/domain';
import { Prisma, type PrismaClient } from '@portal/db';
import { renderMail, type MailAttachment } from '@portal/mail';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import { nextDocumentNumber } from '../../infra/numbering.ts';
import { enqueueMail, notifyUsers } from '../../infra/outbox.repository.ts';
import type { Db } from '../../infra/tx.ts';
import { renderPiPdf, type PiDocument } from './pi-pdf.ts';
import * as repo from './quotes.repository.ts';

type Meta = { requestId?: string };
type DraftBody = z.output<typeof QuoteDraftBody>;
type FieldError = { field: string; message: string };

const DEFAULT_MARGIN_FLOOR = '0.08';
/** Largest amount a Decimal(18, 2) column holds. */
const MAX_AMOUNT = new Dec('9999999999999999.99');
/** Margins are stored as Decimal(7, 4): a price far below cost is recorded as −999.9999. */
const MIN_STORED_MARGIN = new Dec('-999.9999');
/** How often a write retries when a concurrent one took the same number first. */
const RETRIES = 5;

const rate4 = (d: Dec) => Dec.max(d, MIN_STORED_MARGIN).toFixed(4, Dec.ROUND_HALF_UP);
const pct = (d: Dec | string) => `${new Dec(d).times(100).toFixed(1)}%`;
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);
/** What a PI shows of a revision: if any of it differs, it is not the same offer. */
function fingerprint(r: repo.RevisionRow): string {
  return JSON.stringify([
    r.currency, r.incoterm, r.namedPlace, r.portOfLoadingCode, r.portOfDischargeCode, r.paymentTermsText, r.leadTimeDays, r.shipmentDate?.getTime() ?? null,
    r.packing, r.validUntil.getTime(), r.totalAmount.toFixed(), r.notes,
    r.lines.map((l) => [l.lineNo, l.description, l.quantity.toFixed(), l.unit, l.unitPrice.toFixed(), l.amount.toFixed(), l.productId]),
  ]);
}

/** When an audited event happened by the app's clock (kept in its changes), else when it was recorded. */
const eventTime = (e: { changes: unknown; createdAt: Date }) => {
  const at = (e.changes as { at?: unknown } | null)?.at;
  return typeof at === 'string' ? at : e.createdAt.toISOString();
};
const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

/** The money form of a wire amount: thousands grouped, for mail text. */
function moneyText(amount: string, currency: string) {
  const [whole = '0', fraction] = amount.split('.');
  return `${currency} ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** Re-names a domain rule's field as the client wrote it (e.g. validUntil → body.validUntil). */
function inBody<T>(prefix: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof DomainError && err.fields) throw new DomainError(err.code, err.message, err.fields.map((f) => ({ field: `${prefix}.${f.field}`, message: f.message })));
    throw err;
  }
}

/** Runs a transaction again when a unique number it drew was taken by a concurrent one (gapless numbering rolls back). */
async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= RETRIES) throw err;
    }
  }
}

function parseFloor(value: unknown): Dec {
  if ((typeof value === 'string' || typeof value === 'number') && /^\d+(\.\d+)?$/.test(String(value))) return new Dec(value);
  return new Dec(DEFAULT_MARGIN_FLOOR);
}

type PreparedDraft = {
  content: Omit<repo.RevisionContent, 'createdById' | 'createdAt'>;
  lines: repo.LineContent[];
  belowFloor: boolean;
};

/** Pro-forma quotes: drafting from an inquiry, approval below the margin floor, sending with the PI as PDF. */
export function createQuotesService(deps: { prisma: PrismaClient; clock: Clock; publicUrl: string }) {
  const { prisma, clock, publicUrl } = deps;

  const today = () => calendarDate(clock.now());

  async function marginFloorSetting(db: Db): Promise<Dec> {
    return parseFloor(await repo.findSetting(db, 'quote.marginFloorRate'));
  }

  /**
   * Checks a draft against the inquiry, the catalog and the cost sheets, and works out amounts and
   * margins. Every field at fault is named in one VALIDATION error; nothing is written.
   */
  async function prepareDraft(inquiry: NonNullable<Awaited<ReturnType<typeof repo.findInquiry>>>, body: DraftBody): Promise<PreparedDraft> {
    const now = today();
    const errors: FieldError[] = [];
    const collect = (check: () => void, prefix = 'body') => {
      try {
        inBody(prefix, check);
      } catch (err) {
        if (err instanceof DomainError && err.fields) errors.push(...err.fields);
        else throw err;
      }
    };
    collect(() => assertValidUntil(body.validUntil, now));
    collect(() => assertShipmentDate(body.shipmentDate, now));
    collect(() => assertPaymentTerms(body.paymentTerms));
    if (!(tradeCurrencies as readonly string[]).includes(body.currency)) errors.push({ field: 'body.currency', message: `is not a currency we invoice in (${tradeCurrencies.join(', ')})` });

    const portCodes = [body.portOfLoadingCode, body.portOfDischargeCode].filter((c): c is string => Boolean(c));
    const ports = new Set((await repo.findPorts(prisma, portCodes)).map((p) => p.code));
    if (body.portOfLoadingCode && !ports.has(body.portOfLoadingCode)) errors.push({ field: 'body.portOfLoadingCode', message: 'is not a known port' });
    if (body.portOfDischargeCode && !ports.has(body.portOfDischargeCode)) errors.push({ field: 'body.portOfDischargeCode', message: 'is not a known port' });

    const inquiryLines = new Map(inquiry.lines.map((l) => [l.id, l]));
    const productIds = [...new Set(body.lines.map((l) => l.productId ?? (l.inquiryLineId ? inquiryLines.get(l.inquiryLineId)?.productId : undefined)).filter((id): id is string => Boolean(id)))];
    const explicitSheetIds = [...new Set(body.lines.map((l) => l.costSheetId).filter((id): id is string => Boolean(id)))];
    const [products, explicitSheets, latestSheets, settingFloor] = await Promise.all([
      repo.findProducts(prisma, productIds),
      repo.findCostSheets(prisma, explicitSheetIds),
      repo.findLatestCostSheetsOfProducts(prisma, productIds),
      marginFloorSetting(prisma),
    ]);
    const productById = new Map(products.map((p) => [p.id, p]));
    const sheetById = new Map(explicitSheets.map((s) => [s.id, s]));
    const latestSheetOf = new Map(latestSheets.map((s) => [s.productId!, s]));

    const scale = currencyScale(body.currency);
    const lines: repo.LineContent[] = [];
    const costed: { unitPrice: string; costPerUnit: Dec | null; quantity: string; margin: Dec | null; floor: Dec | null }[] = [];
    let total = new Dec(0);

    body.lines.forEach((line, i) => {
      const at = `body.lines.${i}`;
      const lineErrors: FieldError[] = [];
      const inquiryLine = line.inquiryLineId ? inquiryLines.get(line.inquiryLineId) : undefined;
      if (line.inquiryLineId && !inquiryLine) lineErrors.push({ field: `${at}.inquiryLineId`, message: 'is not a line of this inquiry' });
      const productId = line.productId ?? inquiryLine?.productId ?? null;
      const product = productId ? productById.get(productId) : undefined;
      if (productId && (!product || product.status !== 'ACTIVE')) lineErrors.push({ field: `${at}.productId`, message: 'is not an active product' });
      if (product) {
        const short = checkMoq(line.quantity, product.moq, product.unit);
        if (short) lineErrors.push({ field: `${at}.quantity`, message: short });
      }

      let sheet: (typeof explicitSheets)[number] | undefined;
      let implicit = false;
      if (line.costSheetId) {
        sheet = sheetById.get(line.costSheetId);
        if (!sheet) lineErrors.push({ field: `${at}.costSheetId`, message: 'is not a saved cost sheet' });
        else if (productId && sheet.productId && sheet.productId !== productId) lineErrors.push({ field: `${at}.costSheetId`, message: 'is the cost sheet of another product' });
      } else if (productId) {
        sheet = latestSheetOf.get(productId);
        implicit = Boolean(sheet);
      }
      let cost: Dec | null = null;
      if (sheet && lineErrors.length === 0 && (tradeCurrencies as readonly string[]).includes(body.currency)) {
        try {
          cost = costPerUnit(sheet.result as unknown as CostSheetFigures, body.incoterm, body.currency);
        } catch (err) {
          if (!(err instanceof DomainError) || !err.fields) throw err;
          for (const f of err.fields) {
            lineErrors.push({ field: `${at}.${f.field}`, message: implicit ? `the product’s latest cost sheet (“${sheet.name}” v${sheet.version}) ${f.message}; choose a cost sheet that fits` : f.message });
          }
        }
      }

      const amount = lineAmount(line.quantity, line.unitPrice, body.currency);
      if (amount.gt(MAX_AMOUNT)) lineErrors.push({ field: `${at}.unitPrice`, message: 'makes the line amount too large' });
      errors.push(...lineErrors);
      if (lineErrors.length > 0) return;

      total = total.plus(amount);
      const margin = cost ? lineMargin(line.unitPrice, cost) : null;
      const floor = effectiveMarginFloor(settingFloor, product?.marginFloorRate?.toString());
      costed.push({ unitPrice: line.unitPrice, costPerUnit: cost, quantity: line.quantity, margin, floor: cost ? floor : null });
      lines.push({
        lineNo: i + 1,
        inquiryLineId: line.inquiryLineId ?? null,
        productId,
        costSheetId: sheet?.id ?? null,
        description: line.description,
        quantity: line.quantity,
        unit: line.unit,
        unitPrice: line.unitPrice,
        amount: amount.toFixed(scale),
        marginRate: margin ? rate4(margin) : null,
      });
    });
    if (errors.length === 0 && total.gt(MAX_AMOUNT)) errors.push({ field: 'body.lines', message: 'the total is too large' });
    if (errors.length > 0) throw new DomainError('VALIDATION', `the quote cannot be saved: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);

    const margin = quoteMargin(costed);
    const belowFloor = costed.some((c) => c.margin && c.floor && isBelowFloor(c.margin, c.floor));
    const terms: Instalment[] = body.paymentTerms.map((t) => ({ method: t.method, percent: t.percent, trigger: t.trigger, days: t.days }));
    return {
      content: {
        currency: body.currency,
        incoterm: body.incoterm,
        namedPlace: body.namedPlace,
        portOfLoadingCode: body.portOfLoadingCode ?? null,
        portOfDischargeCode: body.portOfDischargeCode ?? null,
        paymentMethod: mainPaymentMethod(terms),
        paymentTerms: terms,
        paymentTermsText: paymentTermsText(terms),
        leadTimeDays: body.leadTimeDays,
        shipmentDate: body.shipmentDate ? new Date(`${body.shipmentDate}T00:00:00Z`) : null,
        packing: body.packing ?? null,
        validUntil: new Date(`${body.validUntil}T00:00:00Z`),
        totalAmount: total.toFixed(scale),
        marginRate: margin ? rate4(margin) : null,
        belowMarginFloor: belowFloor,
        notes: body.notes ?? null,
      },
      lines,
      belowFloor,
    };
  }

  async function loadQuote(actor: Actor, quoteId: string): Promise<repo.QuoteRow> {
    const quote = await repo.findQuote(prisma, quoteId);
    if (!quote) throw new DomainError('NOT_FOUND', 'quote not found');
    assertVisibleTo(actor, quote.buyerCompanyId, 'quote');
    if (!isStaff(actor.role) && !quote.revisions.some((r) => isSent(r.status))) throw new DomainError('NOT_FOUND', 'quote not found');
    return quote;
  }

  function revisionOf(actor: Actor, quote: repo.QuoteRow, revisionNo: number): repo.RevisionRow {
    const rev = quote.revisions.find((r) => r.revisionNo === revisionNo);
    if (!rev || (!isStaff(actor.role) && !isSent(rev.status))) throw new DomainError('NOT_FOUND', 'revision not found');
    return rev;
  }

  /** A sent revision past its validity date is recorded as expired the first time it is read after. */
  async function expireOnRead(quote: repo.QuoteRow): Promise<repo.QuoteRow> {
    const due = quote.revisions.filter((r) => r.status === 'SENT' && dateOnly(r.validUntil) < today());
    if (due.length === 0) return quote;
    for (const r of due) {
      await prisma.$transaction(async (tx) => {
        if (!(await repo.expireRevision(tx, r.id))) return;
        await recordAudit(tx, {
          actorId: null, companyId: quote.buyerCompanyId, action: 'quote.expire', entityType: 'QuoteRevision', entityId: r.id,
          changes: { quoteId: quote.id, number: quote.number, revisionNo: r.revisionNo, status: { from: 'SENT', to: 'EXPIRED' }, validUntil: dateOnly(r.validUntil) },
        });
      });
    }
    return (await repo.findQuote(prisma, quote.id))!;
  }

  async function toView(actor: Actor, quote: repo.QuoteRow): Promise<QuoteView> {
    const staff = isStaff(actor.role);
    const revisions = staff ? quote.revisions : quote.revisions.filter((r) => isSent(r.status));
    const codes = [...new Set(revisions.flatMap((r) => [r.portOfLoadingCode, r.portOfDischargeCode]).filter((c): c is string => Boolean(c)))];
    const ports = new Map((await repo.findPorts(prisma, codes)).map((p) => [p.code, p]));
    const port = (code: string | null) => (code ? { code, name: ports.get(code)?.name ?? code } : null);
    const settingFloor = staff ? await marginFloorSetting(prisma) : null;
    const returned = staff
      ? new Map((await repo.findRevisionEvents(prisma, revisions.filter((r) => r.status === 'DRAFT' && r.approvalComment).map((r) => r.id), ['quote.reject'])).reverse().map((e) => [e.entityId, e]))
      : new Map();

    return {
      id: quote.id,
      number: quote.number,
      status: quote.status,
      inquiry: { id: quote.inquiry.id, number: quote.inquiry.number },
      buyerCompany: { id: quote.buyerCompany.id, name: quote.buyerCompany.name },
      revisions: revisions.map((r): QuoteRevisionView => {
        const scale = currencyScale(r.currency);
        const view: QuoteRevisionView = {
          id: r.id,
          revisionNo: r.revisionNo,
          status: r.status,
          currency: r.currency,
          incoterm: r.incoterm,
          namedPlace: r.namedPlace,
          portOfLoading: port(r.portOfLoadingCode),
          portOfDischarge: port(r.portOfDischargeCode),
          paymentTerms: (r.paymentTerms as Instalment[]).map((t) => ({ method: t.method, percent: t.percent, trigger: t.trigger, days: t.days ?? 0 })),
          paymentTermsText: r.paymentTermsText,
          leadTimeDays: r.leadTimeDays,
          shipmentDate: r.shipmentDate ? dateOnly(r.shipmentDate) : null,
          packing: r.packing,
          validUntil: dateOnly(r.validUntil),
          notes: r.notes,
          total: { amount: r.totalAmount.toFixed(scale), currency: r.currency },
          lines: r.lines.map((l) => ({
            id: l.id,
            lineNo: l.lineNo,
            inquiryLineId: l.inquiryLineId,
            productId: l.productId,
            sku: l.product?.sku ?? null,
            description: l.description,
            quantity: l.quantity.toFixed(),
            unit: l.unit,
            unitPrice: { amount: l.unitPrice.toFixed(4), currency: r.currency },
            amount: { amount: l.amount.toFixed(scale), currency: r.currency },
          })),
          createdAt: r.createdAt.toISOString(),
          sentAt: r.sentAt?.toISOString() ?? null,
          pdfUrl: `/api/quotes/${quote.id}/revisions/${r.revisionNo}/pdf`,
        };
        if (!staff) return view;
        const back = returned.get(r.id);
        return {
          ...view,
          staff: {
            marginRate: r.marginRate?.toFixed(4) ?? null,
            belowMarginFloor: r.belowMarginFloor,
            approval: r.approvedBy && r.approvedAt ? { by: r.approvedBy.name, at: r.approvedAt.toISOString(), comment: r.approvalComment } : null,
            returned: back && r.approvalComment ? { by: back.actor?.name ?? 'a manager', at: eventTime(back), comment: r.approvalComment } : null,
            lines: r.lines.map((l) => {
              const floor = l.marginRate === null ? null : effectiveMarginFloor(settingFloor!, l.product?.marginFloorRate?.toString());
              return {
                lineId: l.id,
                costSheetId: l.costSheetId,
                marginRate: l.marginRate?.toFixed(4) ?? null,
                marginFloorRate: floor?.toFixed(4) ?? null,
                belowFloor: Boolean(l.marginRate && floor && isBelowFloor(l.marginRate.toString(), floor)),
              };
            }),
          },
        };
      }),
    };
  }

  /** Who had a hand in a revision, from its audit trail: its author, the editors of the draft, and who sent it for approval. */
  async function handsOn(rev: repo.RevisionRow): Promise<RevisionHands> {
    const events = await repo.findRevisionEvents(prisma, [rev.id], ['quote.create', 'quote.update', 'quote.submit']);
    return {
      draftedBy: [rev.createdById, ...events.filter((e) => e.action !== 'quote.submit').map((e) => e.actorId)],
      sentBy: events.filter((e) => e.action === 'quote.submit').map((e) => e.actorId),
    };
  }

  /** The margin and the floor it breaks, for the manager: the line furthest below its floor. */
  function breachOf(
    rev: { marginRate: Prisma.Decimal | null; lines: { marginRate: Prisma.Decimal | null; product: { marginFloorRate: Prisma.Decimal | null } | null }[] },
    settingFloor: Dec,
  ) {
    const worst = worstFloorBreach(
      rev.lines.map((l) => ({
        margin: l.marginRate ? new Dec(l.marginRate.toString()) : null,
        floor: l.marginRate ? effectiveMarginFloor(settingFloor, l.product?.marginFloorRate?.toString()) : null,
      })),
    );
    return worst ? { margin: worst.margin!, floor: worst.floor! } : { margin: rev.marginRate ? new Dec(rev.marginRate.toString()) : null, floor: settingFloor };
  }

  async function piDocument(quote: repo.QuoteRow, rev: repo.RevisionRow, sentAt: Date | null): Promise<PiDocument> {
    const [exporter, bank, ports] = await Promise.all([
      repo.findExporter(prisma),
      repo.findSetting(prisma, 'exporter.bankDetails'),
      repo.findPorts(prisma, [rev.portOfLoadingCode, rev.portOfDischargeCode].filter((c): c is string => Boolean(c))),
    ]);
    const countryName = new Intl.DisplayNames(['en'], { type: 'region' });
    const country = (code: string) => countryName.of(code) ?? code;
    const portText = (code: string | null) => {
      if (!code) return null;
      const p = ports.find((x) => x.code === code);
      return p ? `${p.name}, ${country(p.country)} (${code})` : code;
    };
    const b = quote.buyerCompany;
    const scale = currencyScale(rev.currency);
    return {
      number: quote.number,
      revisionNo: rev.revisionNo,
      date: dateOnly(sentAt ?? rev.sentAt ?? rev.createdAt),
      validUntil: dateOnly(rev.validUntil),
      draft: !(sentAt || isSent(rev.status)),
      seller: {
        name: exporter?.name ?? 'The exporter',
        addressLines: exporter ? [exporter.addressLine1, exporter.addressLine2, [exporter.postalCode, exporter.city].filter(Boolean).join(' ')].filter((l): l is string => Boolean(l)) : [],
        country: exporter ? country(exporter.country) : '',
        taxId: exporter?.taxId ?? null,
        phone: exporter?.phone ?? null,
        website: exporter?.website ?? null,
      },
      buyer: {
        name: b.name,
        addressLines: [b.addressLine1, b.addressLine2, [b.postalCode, b.city].filter(Boolean).join(' ')].filter((l): l is string => Boolean(l)),
        country: country(b.country),
        taxId: b.taxId,
        phone: b.phone,
      },
      currency: rev.currency,
      incoterm: rev.incoterm,
      namedPlace: rev.namedPlace,
      portOfLoading: portText(rev.portOfLoadingCode),
      portOfDischarge: portText(rev.portOfDischargeCode),
      paymentTerms: rev.paymentTermsText,
      leadTimeDays: rev.leadTimeDays,
      shipmentDate: rev.shipmentDate ? dateOnly(rev.shipmentDate) : null,
      packing: rev.packing,
      notes: rev.notes,
      bankDetails: typeof bank === 'string' && bank.trim() ? bank : null,
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

  const pdfName = (quote: { number: string }, rev: { revisionNo: number }) => `${quote.number}-rev${rev.revisionNo}.pdf`;

  /**
   * Sends a revision to the buyer in one transaction: the revision becomes SENT (earlier sent ones
   * superseded), the inquiry is answered, and the buyer's users get a notification and the PI by mail.
   */
  async function deliver(actor: Actor, quote: repo.QuoteRow, rev: repo.RevisionRow, from: RevisionStatus[], meta: Meta, also?: (tx: Db, now: Date) => Promise<void>, approval?: { comment: string | null }) {
    if (!isOpenInquiry(quote.inquiry.status)) throw new DomainError('CONFLICT', `the inquiry is ${quote.inquiry.status.toLowerCase()}; the quote cannot be sent`);
    if (dateOnly(rev.validUntil) <= today()) throw new DomainError('CONFLICT', 'the validity date of this revision has passed; make a new revision with a later date');
    const now = clock.now();
    const pdf = await renderPiPdf(await piDocument(quote, rev, now));
    const attachment: MailAttachment = { filename: pdfName(quote, rev), contentType: 'application/pdf', contentBase64: pdf.toString('base64') };
    const total = moneyText(rev.totalAmount.toFixed(currencyScale(rev.currency)), rev.currency);
    const validUntil = dateOnly(rev.validUntil);

    await prisma.$transaction(async (tx) => {
      const moved = await repo.moveRevision(tx, rev.id, from, {
        status: 'SENT', sentAt: now,
        ...(approval ? { approvedById: actor.userId, approvedAt: now, approvalComment: approval.comment } : {}),
      });
      if (!moved) throw new DomainError('CONFLICT', 'this revision was changed meanwhile; reload it');
      // The PI was rendered from what was read before: a draft edited since must not go out under it.
      const current = await repo.findRevision(tx, rev.id);
      if (!current || fingerprint(current) !== fingerprint(rev)) throw new DomainError('CONFLICT', 'this revision was edited meanwhile; reload it and send again');
      await also?.(tx, now);
      await repo.supersedeEarlier(tx, quote.id, rev.revisionNo);
      await repo.updateInquiry(tx, quote.inquiry.id, {
        ...(quote.inquiry.status === 'SUBMITTED' ? { status: 'QUOTED' as const } : {}),
        ...(quote.inquiry.firstResponseAt ? {} : { firstResponseAt: now }),
        lastActivityAt: now,
      });
      await recordAudit(tx, {
        actorId: actor.userId, companyId: quote.buyerCompanyId, action: 'quote.send', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
        changes: { quoteId: quote.id, number: quote.number, revisionNo: rev.revisionNo, status: { from: rev.status, to: 'SENT' }, total: { amount: rev.totalAmount.toFixed(currencyScale(rev.currency)), currency: rev.currency } },
      });
      const buyers = await repo.findActiveBuyerUsers(tx, quote.buyerCompanyId);
      const subject = `Pro-forma invoice ${quote.number} (rev. ${rev.revisionNo}): ${total} ${rev.incoterm} ${rev.namedPlace}`;
      await notifyUsers(tx, buyers.map((u) => u.id), {
        kind: 'quote.sent',
        title: `Your quote ${quote.number} (rev. ${rev.revisionNo}) is ready`,
        body: `${total} ${rev.incoterm} ${rev.namedPlace}, Incoterms 2020; ${rev.paymentTermsText}; valid until ${validUntil}.`,
        link: `/portal/inquiries/${quote.inquiry.id}`,
      });
      for (const u of buyers) {
        const message = renderMail({
          to: u.email,
          subject,
          greeting: `Dear ${u.name},`,
          paragraphs: [
            `Thank you for your inquiry ${quote.inquiry.number}. Please find attached our pro-forma invoice ${quote.number}, revision ${rev.revisionNo}.`,
            `Total: ${total}, ${rev.incoterm} ${rev.namedPlace} (Incoterms® 2020). Payment: ${rev.paymentTermsText}. Lead time: ${rev.leadTimeDays} days${rev.shipmentDate ? `; shipment not later than ${dateOnly(rev.shipmentDate)}` : ''}.`,
            `This offer is valid until ${validUntil}. You can accept it or ask for changes in the portal.`,
          ],
          action: { label: 'View the quote in the portal', url: `${publicUrl}/portal/inquiries/${quote.inquiry.id}` },
        });
        await enqueueMail(tx, 'quote.sent', { ...message, attachments: [attachment] }, now);
      }
    });
  }

  return {
    /**
     * Drafts a PI for an inquiry: a new PI (numbered now) with revision 1, or the next revision of
     * the inquiry's open PI once its latest revision has been sent.
     */
    async create(actor: Actor, inquiryId: string, body: DraftBody, meta: Meta): Promise<QuoteView> {
      const inquiry = await repo.findInquiry(prisma, inquiryId);
      if (!inquiry) throw new DomainError('NOT_FOUND', 'inquiry not found');
      if (!isOpenInquiry(inquiry.status)) throw new DomainError('CONFLICT', `the inquiry is ${inquiry.status.toLowerCase()}; it cannot be quoted`);
      const draft = await prepareDraft(inquiry, body);

      const quoteId = await withRetry(() =>
        prisma.$transaction(async (tx) => {
          const now = clock.now();
          await repo.touchInquiry(tx, inquiry.id, now);
          const open = await repo.findOpenQuote(tx, inquiry.id);
          const latest = open?.revisions[0];
          if (open && latest && !isSent(latest.status)) {
            throw new DomainError('CONFLICT', latest.status === 'DRAFT'
              ? `${open.number} already has a draft (revision ${latest.revisionNo}); edit that draft`
              : `${open.number} revision ${latest.revisionNo} waits for a manager’s approval`);
          }
          const number = open?.number ?? (await nextDocumentNumber(tx, 'PI', now));
          const id = open?.id ?? (await repo.createQuote(tx, { number, inquiryId: inquiry.id, buyerCompanyId: inquiry.buyerCompanyId, createdAt: now })).id;
          const revisionNo = (latest?.revisionNo ?? 0) + 1;
          const rev = await repo.createRevision(tx, id, revisionNo, { ...draft.content, createdById: actor.userId, createdAt: now }, draft.lines);
          await recordAudit(tx, {
            actorId: actor.userId, companyId: inquiry.buyerCompanyId, action: 'quote.create', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
            changes: {
              quoteId: id, number, revisionNo, inquiryId: inquiry.id, currency: body.currency, incoterm: body.incoterm, total: draft.content.totalAmount as string,
              marginRate: (draft.content.marginRate as string | null) ?? null, belowMarginFloor: draft.belowFloor, lines: draft.lines.length,
            },
          });
          return id;
        }),
      );
      return toView(actor, (await repo.findQuote(prisma, quoteId))!);
    },

    /** Replaces the content of a draft revision; a revision once sent (or waiting for approval) cannot change. */
    async update(actor: Actor, quoteId: string, revisionNo: number, body: DraftBody, meta: Meta): Promise<QuoteView> {
      const quote = await loadQuote(actor, quoteId);
      const rev = revisionOf(actor, quote, revisionNo);
      assertEditable(rev.status);
      const inquiry = (await repo.findInquiry(prisma, quote.inquiry.id))!;
      const draft = await prepareDraft(inquiry, body);
      await prisma.$transaction(async (tx) => {
        if (!(await repo.replaceDraft(tx, rev.id, draft.content, draft.lines))) throw new DomainError('CONFLICT', 'a sent revision cannot change; make a new revision');
        await recordAudit(tx, {
          actorId: actor.userId, companyId: quote.buyerCompanyId, action: 'quote.update', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
          changes: {
            quoteId: quote.id, number: quote.number, revisionNo,
            total: { from: rev.totalAmount.toFixed(), to: draft.content.totalAmount as string },
            marginRate: { from: rev.marginRate?.toFixed(4) ?? null, to: (draft.content.marginRate as string | null) ?? null },
            validUntil: { from: dateOnly(rev.validUntil), to: body.validUntil },
            lines: { from: rev.lines.length, to: draft.lines.length },
          },
        });
      });
      return toView(actor, (await repo.findQuote(prisma, quote.id))!);
    },

    /** Sends a draft to the buyer, or to a manager first when its margin is below the floor. */
    async send(actor: Actor, quoteId: string, revisionNo: number, meta: Meta): Promise<QuoteView> {
      const quote = await loadQuote(actor, quoteId);
      const rev = revisionOf(actor, quote, revisionNo);
      if (quote.status !== 'OPEN') throw new DomainError('CONFLICT', `${quote.number} is ${quote.status.toLowerCase()}`);
      const next = decideSend(rev.status, rev.belowMarginFloor);
      if (next === 'SENT') {
        await deliver(actor, quote, rev, [rev.status], meta);
        return toView(actor, (await repo.findQuote(prisma, quote.id))!);
      }

      if (dateOnly(rev.validUntil) <= today()) throw new DomainError('CONFLICT', 'the validity date of this revision has passed; edit the draft first');
      const { margin, floor } = breachOf(rev, await marginFloorSetting(prisma));
      const now = clock.now();
      const title = `${quote.number} needs your approval: margin ${margin ? pct(margin) : 'unknown'} below floor ${pct(floor)}`;
      await prisma.$transaction(async (tx) => {
        if (!(await repo.moveRevision(tx, rev.id, ['DRAFT'], { status: 'PENDING_APPROVAL' }))) throw new DomainError('CONFLICT', 'this revision was changed meanwhile; reload it');
        await recordAudit(tx, {
          actorId: actor.userId, companyId: quote.buyerCompanyId, action: 'quote.submit', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
          changes: { quoteId: quote.id, number: quote.number, revisionNo, status: { from: 'DRAFT', to: 'PENDING_APPROVAL' }, marginRate: margin?.toFixed(4) ?? null, marginFloorRate: floor.toFixed(4), at: now.toISOString() },
        });
        const managers = await repo.findActiveManagers(tx);
        const total = moneyText(rev.totalAmount.toFixed(currencyScale(rev.currency)), rev.currency);
        const body = `Revision ${rev.revisionNo} for ${quote.buyerCompany.name}, ${total} ${rev.incoterm} ${rev.namedPlace}, quote margin ${rev.marginRate ? pct(rev.marginRate.toString()) : 'unknown'}.`;
        await notifyUsers(tx, managers.map((m) => m.id), { kind: 'quote.approval', title, body, link: '/staff/approvals' });
        for (const m of managers) {
          await enqueueMail(tx, 'quote.approval', renderMail({
            to: m.email, subject: title, greeting: `Dear ${m.name},`,
            paragraphs: [body, 'It is below the margin floor and waits for your approval before it can be sent to the buyer.'],
            action: { label: 'Review the approvals', url: `${publicUrl}/staff/approvals` },
          }), now);
        }
      });
      return toView(actor, (await repo.findQuote(prisma, quote.id))!);
    },

    /** A manager approves a revision below the floor (it is then sent) or sends it back to draft with a comment. */
    async decide(actor: Actor, quoteId: string, revisionNo: number, body: z.output<typeof ApprovalBody>, meta: Meta): Promise<QuoteView> {
      const quote = await loadQuote(actor, quoteId);
      const rev = revisionOf(actor, quote, revisionNo);
      if (quote.status !== 'OPEN') throw new DomainError('CONFLICT', `${quote.number} is ${quote.status.toLowerCase()}`);
      const next = decideApproval(rev.status, body.decision);
      const comment = body.comment ?? null;
      if (next === 'APPROVED') {
        assertNotOwnWork(actor.userId, await handsOn(rev));
        await deliver(actor, quote, rev, ['PENDING_APPROVAL'], meta, async (tx) => {
          await recordAudit(tx, {
            actorId: actor.userId, companyId: quote.buyerCompanyId, action: 'quote.approve', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
            changes: { quoteId: quote.id, number: quote.number, revisionNo, status: { from: 'PENDING_APPROVAL', to: 'APPROVED' }, comment, marginRate: rev.marginRate?.toFixed(4) ?? null },
          });
        }, { comment });
      } else {
        await prisma.$transaction(async (tx) => {
          if (!(await repo.moveRevision(tx, rev.id, ['PENDING_APPROVAL'], { status: 'DRAFT', approvalComment: comment, approvedById: null, approvedAt: null }))) {
            throw new DomainError('CONFLICT', 'this revision was changed meanwhile; reload it');
          }
          await recordAudit(tx, {
            actorId: actor.userId, companyId: quote.buyerCompanyId, action: 'quote.reject', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
            changes: { quoteId: quote.id, number: quote.number, revisionNo, status: { from: 'PENDING_APPROVAL', to: 'DRAFT' }, comment, at: clock.now().toISOString() },
          });
          await notifyUsers(tx, [rev.createdById], {
            kind: 'quote.returned',
            title: `${quote.number} revision ${revisionNo} was sent back`,
            body: comment ?? '',
            link: `/staff/quotes/${quote.id}`,
          });
        });
      }
      return toView(actor, (await repo.findQuote(prisma, quote.id))!);
    },

    /** A PI with its revisions: buyers see only what was sent to them and never the costing. */
    async get(actor: Actor, quoteId: string): Promise<QuoteView> {
      return toView(actor, await expireOnRead(await loadQuote(actor, quoteId)));
    },

    /** The PI of one revision as PDF: buyers only once it was sent to them; staff also drafts (marked DRAFT). */
    async pdf(actor: Actor, quoteId: string, revisionNo: number): Promise<{ fileName: string; content: Buffer }> {
      const quote = await loadQuote(actor, quoteId);
      const rev = revisionOf(actor, quote, revisionNo);
      return { fileName: pdfName(quote, rev), content: await renderPiPdf(await piDocument(quote, rev, null)) };
    },

    /** Revisions waiting for a manager, oldest first. */
    async pendingApprovals(): Promise<PendingApproval[]> {
      const rows = await repo.findPendingRevisions(prisma);
      const submissions = await repo.findRevisionEvents(prisma, rows.map((r) => r.id), ['quote.submit']);
      const latestSubmission = new Map<string, (typeof submissions)[number]>();
      for (const s of submissions) if (!latestSubmission.has(s.entityId)) latestSubmission.set(s.entityId, s);
      const settingFloor = await marginFloorSetting(prisma);
      return rows.map((r) => {
        const { floor } = breachOf(r, settingFloor);
        const s = latestSubmission.get(r.id);
        return {
          quoteId: r.quote.id,
          quoteNumber: r.quote.number,
          revisionNo: r.revisionNo,
          buyerCompany: r.quote.buyerCompany.name,
          total: { amount: r.totalAmount.toFixed(currencyScale(r.currency)), currency: r.currency },
          marginRate: r.marginRate?.toFixed(4) ?? null,
          marginFloorRate: floor.toFixed(4),
          submittedBy: s?.actor?.name ?? r.createdBy.name,
          submittedAt: s ? eventTime(s) : r.createdAt.toISOString(),
        };
      });
    },
  };
}

export type QuotesService = ReturnType<typeof createQuotesService>;
