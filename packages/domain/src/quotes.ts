import { calculateExportPrice, costedTerm, type ExportCostingInput } from './costing.ts';
import { DomainError, withFieldPrefix, type FieldError } from './errors.ts';
import { checkMoq } from './inquiries.ts';
import { effectiveMarginFloor } from './margin-floor.ts';
import { Dec, UNIT_PRICE_SCALE, currencyScale } from './money.ts';
import { paymentMethodNames, tradeCurrencies, type PaymentMethodCode, type PaymentTriggerCode } from './reference.ts';

/*
 * The pro-forma quote (PI) and its revisions. A revision is drafted, sent (or first approved by a
 * manager when its margin is below the floor), and once sent it never changes: a new price or term
 * is a new revision. Margins are shares of the price: (price − cost) / price.
 */

/** A PI is open for revisions until one is accepted (or it is closed). */
export const quoteStatuses = ['OPEN', 'ACCEPTED', 'CLOSED'] as const;
/** A manager's answer to a revision below the margin floor. */
export const approvalDecisions = ['APPROVE', 'REJECT'] as const;

export const revisionStatuses = ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SENT', 'ACCEPTED', 'DECLINED', 'SUPERSEDED', 'EXPIRED'] as const;
export type RevisionStatus = (typeof revisionStatuses)[number];

/** Statuses a buyer may see: the revision has been sent to them. */
export const sentRevisionStatuses = ['SENT', 'ACCEPTED', 'DECLINED', 'SUPERSEDED', 'EXPIRED'] as const satisfies readonly RevisionStatus[];

const transitions: Record<RevisionStatus, readonly RevisionStatus[]> = {
  DRAFT: ['PENDING_APPROVAL', 'SENT'],
  // A manager approves (then it is sent) or sends it back to the clerk as a draft.
  PENDING_APPROVAL: ['APPROVED', 'DRAFT'],
  APPROVED: ['SENT'],
  SENT: ['ACCEPTED', 'DECLINED', 'SUPERSEDED', 'EXPIRED'],
  ACCEPTED: [],
  DECLINED: [],
  SUPERSEDED: [],
  EXPIRED: [],
};

/** Whether a revision may move from one status to another. */
export function canTransition(from: RevisionStatus, to: RevisionStatus): boolean {
  return transitions[from].includes(to);
}

/** Refuses a move the revision lifecycle does not allow (409). */
export function assertTransition(from: RevisionStatus, to: RevisionStatus): void {
  if (!canTransition(from, to)) throw new DomainError('CONFLICT', `a revision that is ${label(from)} cannot become ${label(to)}`);
}

/** True once the revision has gone to the buyer: it is then part of the record and immutable. */
export function isSent(status: RevisionStatus): boolean {
  return (sentRevisionStatuses as readonly RevisionStatus[]).includes(status);
}

/** Only a draft can be edited; a sent revision is immutable (409). */
export function assertEditable(status: RevisionStatus): void {
  if (status === 'DRAFT') return;
  if (status === 'PENDING_APPROVAL' || status === 'APPROVED') {
    throw new DomainError('CONFLICT', 'this revision waits for a manager’s approval; it cannot change until it is sent back');
  }
  throw new DomainError('CONFLICT', 'a sent revision cannot change; make a new revision');
}

/**
 * What sending a revision does: a draft below the margin floor goes to a manager for approval,
 * any other draft (or an approved revision) goes to the buyer.
 */
export function decideSend(status: RevisionStatus, belowMarginFloor: boolean): 'PENDING_APPROVAL' | 'SENT' {
  if (status === 'DRAFT') return belowMarginFloor ? 'PENDING_APPROVAL' : 'SENT';
  if (status === 'APPROVED') return 'SENT';
  if (status === 'PENDING_APPROVAL') throw new DomainError('CONFLICT', 'this revision is below the margin floor and waits for a manager’s approval');
  throw new DomainError('CONFLICT', 'this revision has already been sent; make a new revision');
}

/** A revision below the margin floor goes to a manager only with the clerk's reason for the price. */
export function assertBelowFloorReason(reason: string | null | undefined): void {
  if (!reason || !reason.trim()) {
    throw new DomainError('VALIDATION', 'a revision below the margin floor needs the reason for its price', [
      { field: 'belowFloorReason', message: 'is required when a price is below the margin floor: save the draft with the reason the manager should approve it for' },
    ]);
  }
}

/** A manager's decision on a revision waiting for approval: APPROVE (then it is sent) or REJECT (back to draft). */
export function decideApproval(status: RevisionStatus, decision: (typeof approvalDecisions)[number]): 'APPROVED' | 'DRAFT' {
  if (status !== 'PENDING_APPROVAL') throw new DomainError('CONFLICT', `only a revision waiting for approval can be approved or sent back; this one is ${label(status)}`);
  return decision === 'APPROVE' ? 'APPROVED' : 'DRAFT';
}

/** A sent revision past its validity date reads as expired. */
export function effectiveRevisionStatus(status: RevisionStatus, validUntil: string, today: string): RevisionStatus {
  return status === 'SENT' && validUntil < today ? 'EXPIRED' : status;
}

function label(status: RevisionStatus): string {
  return status.toLowerCase().replace(/_/g, ' ');
}

// ───────────────────────────── Margins ─────────────────────────────

type DecimalLike = string | Dec;

/** Margin of a line as a share of its price: (price − cost) / price. */
export function lineMargin(unitPrice: DecimalLike, costPerUnit: DecimalLike): Dec {
  const price = new Dec(unitPrice);
  if (price.lte(0)) throw new RangeError('a margin needs a price above zero');
  return price.minus(costPerUnit).div(price);
}

/**
 * Margin of a whole quote: Σ (price − cost) × qty / Σ price × qty over the lines that have a cost.
 * Null when no line has a known cost.
 */
export function quoteMargin(lines: readonly { unitPrice: DecimalLike; costPerUnit: DecimalLike | null; quantity: DecimalLike }[]): Dec | null {
  let profit = new Dec(0);
  let revenue = new Dec(0);
  let costed = 0;
  for (const l of lines) {
    if (l.costPerUnit === null) continue;
    const value = new Dec(l.unitPrice).times(l.quantity);
    profit = profit.plus(value.minus(new Dec(l.costPerUnit).times(l.quantity)));
    revenue = revenue.plus(value);
    costed += 1;
  }
  if (costed === 0 || revenue.isZero()) return null;
  return profit.div(revenue);
}

/** Below the floor means strictly less than it; a margin exactly at the floor needs no approval. */
export function isBelowFloor(margin: DecimalLike, floor: DecimalLike): boolean {
  return new Dec(margin).lt(floor);
}

/** The line whose margin falls furthest below its floor, or null when none does. */
export function worstFloorBreach<T extends { margin: Dec | null; floor: Dec | null }>(lines: readonly T[]): T | null {
  let worst: T | null = null;
  for (const l of lines) {
    if (!l.margin || !l.floor || !isBelowFloor(l.margin, l.floor)) continue;
    if (!worst || l.margin.minus(l.floor).lt(worst.margin!.minus(worst.floor!))) worst = l;
  }
  return worst;
}

// ───────────────────────────── Amounts ─────────────────────────────

/** Line amount: quantity × unit price (kept to 4 places), rounded half-up to the currency's scale. */
export function lineAmount(quantity: DecimalLike, unitPrice: DecimalLike, currency: string): Dec {
  const price = new Dec(unitPrice).toDecimalPlaces(UNIT_PRICE_SCALE, Dec.ROUND_HALF_UP);
  return price.times(quantity).toDecimalPlaces(currencyScale(currency), Dec.ROUND_HALF_UP);
}

/** The line amounts and the quote total (the sum of the rounded line amounts), as wire strings. */
export function quoteTotals(lines: readonly { quantity: DecimalLike; unitPrice: DecimalLike }[], currency: string): { amounts: string[]; total: string } {
  const scale = currencyScale(currency);
  const amounts = lines.map((l) => lineAmount(l.quantity, l.unitPrice, currency));
  const total = amounts.reduce((s, a) => s.plus(a), new Dec(0));
  return { amounts: amounts.map((a) => a.toFixed(scale)), total: total.toFixed(scale) };
}

// ───────────────────────────── Dates ─────────────────────────────

/** A quote must be valid beyond today. Dates are YYYY-MM-DD strings, compared as calendar dates. */
export function assertValidUntil(validUntil: string, today: string): void {
  if (validUntil <= today) throw new DomainError('VALIDATION', 'the validity date must be after today', [{ field: 'validUntil', message: `must be after today (${today})` }]);
}

/** A shipment date, when given, cannot be in the past. */
export function assertShipmentDate(shipmentDate: string | undefined, today: string): void {
  if (shipmentDate !== undefined && shipmentDate < today) {
    throw new DomainError('VALIDATION', 'the shipment date is in the past', [{ field: 'shipmentDate', message: `must not be before today (${today})` }]);
  }
}

// ───────────────────────────── Payment terms ─────────────────────────────

export type Instalment = { method: PaymentMethodCode; percent: string; trigger: PaymentTriggerCode; days?: number };

const onTrigger: Record<PaymentTriggerCode, string> = {
  CONTRACT_CONFIRMATION: 'on contract confirmation',
  BEFORE_SHIPMENT: 'before shipment',
  BL_COPY: 'against copy of B/L',
  BL_DATE: 'on B/L date',
  SIGHT: 'at sight',
  ACCEPTANCE: 'on acceptance',
  INVOICE_DATE: 'on invoice date',
};
const afterTrigger: Record<PaymentTriggerCode, (d: number) => string> = {
  CONTRACT_CONFIRMATION: (d) => `${d} days after contract confirmation`,
  BEFORE_SHIPMENT: (d) => `${d} days before shipment`,
  BL_COPY: (d) => `${d} days after copy of B/L`,
  BL_DATE: (d) => `${d} days after B/L date`,
  SIGHT: (d) => `${d} days after sight`,
  ACCEPTANCE: (d) => `${d} days after acceptance`,
  INVOICE_DATE: (d) => `${d} days after invoice date`,
};

/** The instalments must add up to exactly 100%. */
export function assertPaymentTerms(instalments: readonly Instalment[]): void {
  if (instalments.length === 0) throw new DomainError('VALIDATION', 'give the payment terms', [{ field: 'paymentTerms', message: 'must have at least one instalment' }]);
  const sum = instalments.reduce((s, i) => s.plus(i.percent), new Dec(0));
  if (!sum.eq(100)) throw new DomainError('VALIDATION', 'the instalments must add up to 100%', [{ field: 'paymentTerms', message: `the instalments must add up to 100% (they add up to ${sum.toFixed()}%)` }]);
}

/**
 * The payment terms as written on a PI: "T/T 30% on contract confirmation, T/T 70% against copy of
 * B/L", "L/C at sight", "D/A 60 days after acceptance", "O/A 60 days after B/L date". A single
 * instalment of 100% is written without its percentage.
 */
export function paymentTermsText(instalments: readonly Instalment[]): string {
  const whole = instalments.length === 1 && new Dec(instalments[0]!.percent).eq(100);
  return instalments
    .map((i) => {
      const days = i.days ?? 0;
      const when = days > 0 ? afterTrigger[i.trigger](days) : onTrigger[i.trigger];
      return whole ? `${paymentMethodNames[i.method]} ${when}` : `${paymentMethodNames[i.method]} ${new Dec(i.percent).toFixed()}% ${when}`;
    })
    .join(', ');
}

/** The method carrying the largest share (the first on a tie): how the PI is mainly paid. */
export function mainPaymentMethod(instalments: readonly Instalment[]): PaymentMethodCode {
  let best = instalments[0]!;
  for (const i of instalments) if (new Dec(i.percent).gt(best.percent)) best = i;
  return best.method;
}

// ───────────────────────────── Cost basis of a quoted line ─────────────────────────────

/** The part of a saved costing result a quote needs (see CostingResult). */
export type CostSheetFigures = {
  costCurrency: string;
  quoteCurrency: string;
  exchangeRate: string;
  /** The quantity the sheet was costed for. */
  quantity?: string;
  costs: { totalCostPerUnit: string; freightPerUnit: string | null };
  prices: { CIF: { insurance: string } | null };
  /** The sheet's inputs, when known: then a line of another quantity is costed at its own quantity. */
  input?: ExportCostingInput;
};

/**
 * The sheet's figures for `quantity`: the saved ones when it is the sheet's quantity (or the inputs
 * are unknown), else the sheet's inputs costed again at that quantity: fixed expenses, and freight
 * by the container or W/M, spread over the units quoted, as the costing workbench beside the line
 * shows them. A 10,000-piece line is not held to the cost per unit of a 2,000-piece sheet.
 */
export function figuresAtQuantity(sheet: CostSheetFigures, quantity: string | undefined): CostSheetFigures {
  if (!sheet.input || quantity === undefined || !/^\d+(\.\d+)?$/.test(quantity) || !new Dec(quantity).gt(0)) return sheet;
  if (sheet.quantity !== undefined && new Dec(sheet.quantity).eq(quantity)) return sheet;
  try {
    return { ...calculateExportPrice({ ...sheet.input, quantity }), input: sheet.input };
  } catch (err) {
    // A sheet whose inputs no longer cost (a rule tightened since) is read as saved.
    if (err instanceof DomainError && err.code === 'VALIDATION') return sheet;
    throw err;
  }
}

/**
 * The seller's cost per unit behind a quoted price, in the quote currency: actual cost + domestic
 * expenses, + freight (CFR and beyond), + insurance (CIF/CIP), the cost sheet's own figures, at the
 * cost sheet's exchange rate. Throws VALIDATION (field `costSheetId`) when the sheet cannot serve.
 */
export function costPerUnit(sheet: CostSheetFigures, incoterm: string, currency: string): Dec {
  const term = costedTerm(incoterm);
  let cost = new Dec(sheet.costs.totalCostPerUnit);
  if (term !== 'FOB') {
    if (sheet.costs.freightPerUnit === null) throw new DomainError('VALIDATION', 'the cost sheet has no freight', [{ field: 'costSheetId', message: `has no freight costed; ${incoterm} needs a cost sheet with freight` }]);
    cost = cost.plus(sheet.costs.freightPerUnit);
  }
  if (term === 'CIF') {
    if (!sheet.prices.CIF) throw new DomainError('VALIDATION', 'the cost sheet has no insurance', [{ field: 'costSheetId', message: `has no insurance costed; ${incoterm} needs a premium rate on the cost sheet` }]);
    cost = cost.plus(sheet.prices.CIF.insurance);
  }
  if (currency === sheet.costCurrency) return cost;
  if (currency === sheet.quoteCurrency) return cost.div(sheet.exchangeRate);
  throw new DomainError('VALIDATION', 'the cost sheet is in another currency', [
    { field: 'costSheetId', message: `is costed for ${sheet.quoteCurrency} (from ${sheet.costCurrency}); the quote is in ${currency}` },
  ]);
}

// ───────────────────────────── The live margin ─────────────────────────────

/** The margin floor when neither the product nor the settings name one. */
export const DEFAULT_MARGIN_FLOOR = '0.08';
/** How long a new PI is valid when the settings name nothing else, in days. */
export const DEFAULT_QUOTE_VALIDITY_DAYS = 30;
/** Margins are stored as Decimal(7, 4): a price far below cost is recorded as −999.9999. */
const MIN_STORED_MARGIN = /* @__PURE__ */ new Dec('-999.9999');

/**
 * The floor a line's margin is held to: the higher of the manager's floor (the business setting,
 * else 8%) and the product's own, so a product's floor can raise the bar but never lower it.
 */
export function marginFloorFor(productFloor: DecimalLike | null | undefined, settingFloor?: DecimalLike | null): Dec {
  return effectiveMarginFloor(settingFloor ?? DEFAULT_MARGIN_FLOOR, productFloor);
}

/** A margin as it is stored and sent: 4 decimal places, half-up, at least −999.9999. */
export function marginRate(margin: Dec): string {
  return Dec.max(margin, MIN_STORED_MARGIN).toFixed(4, Dec.ROUND_HALF_UP);
}

export type LineMargin = {
  /** The seller's cost per unit in the quote currency (see costPerUnit). */
  costPerUnit: Dec;
  /** (price − cost) / price, unrounded. */
  margin: Dec;
  /** The margin as stored: 4 places. */
  rate: string;
  floor: Dec;
  /** Strictly below the floor: the revision then needs a manager's approval. */
  belowFloor: boolean;
};

/**
 * The live margin of one quoted line against the cost sheet behind it: what the quote editor shows
 * while the clerk types and what the API stores when the draft is saved, in decimals. Null while
 * the unit price is not a decimal above zero. Throws VALIDATION (field `costSheetId`) when the sheet
 * cannot cost this Incoterm or currency (see costPerUnit).
 */
export function liveLineMargin(line: { unitPrice: string; incoterm: string; currency: string; quantity?: string }, costSheet: CostSheetFigures, floor: DecimalLike): LineMargin | null {
  if (!/^\d+(\.\d+)?$/.test(line.unitPrice) || !new Dec(line.unitPrice).gt(0)) return null;
  const cost = costPerUnit(figuresAtQuantity(costSheet, line.quantity), line.incoterm, line.currency);
  const margin = lineMargin(line.unitPrice, cost);
  const limit = new Dec(floor);
  return { costPerUnit: cost, margin, rate: marginRate(margin), floor: limit, belowFloor: isBelowFloor(margin, limit) };
}

/**
 * The margin and the floor a manager is asked to approve: the line furthest below its floor, or,
 * when no line is, the quote's margin against the setting.
 */
export function approvalBreach(
  revision: { marginRate: DecimalLike | null; lines: readonly { marginRate: DecimalLike | null; productFloor: DecimalLike | null }[] },
  settingFloor: DecimalLike,
): { margin: Dec | null; floor: Dec } {
  const worst = worstFloorBreach(
    revision.lines.map((l) => ({
      margin: l.marginRate !== null ? new Dec(l.marginRate) : null,
      floor: l.marginRate !== null ? marginFloorFor(l.productFloor, settingFloor) : null,
    })),
  );
  return worst ? { margin: worst.margin!, floor: worst.floor! } : { margin: revision.marginRate !== null ? new Dec(revision.marginRate) : null, floor: new Dec(settingFloor) };
}

/**
 * The cost sheet a quote line that names none is priced on: of its product's sheets (newest first),
 * the newest costed for the quote's currency, else the newest of all. The API when it saves a draft
 * and the quote editor's live margin choose the same sheet with it.
 */
export function latestCostSheetFor<T extends { figures: { quoteCurrency: string } }>(newestFirst: readonly T[], currency: string): T | undefined {
  return newestFirst.find((s) => s.figures.quoteCurrency === currency) ?? newestFirst[0];
}

// ───────────────────────────── Pricing a draft ─────────────────────────────

/** Largest amount a Decimal(18, 2) column holds. */
const MAX_AMOUNT = /* @__PURE__ */ new Dec('9999999999999999.99');

export type DraftLine = {
  inquiryLineId?: string | undefined; productId?: string | undefined; costSheetId?: string | undefined; description: string; quantity: string; unit: string; unitPrice: string;
  notes?: string | undefined; shipmentDate?: string | undefined;
};
export type Draft = {
  currency: string;
  incoterm: string;
  validUntil: string;
  shipmentDate?: string | undefined;
  portOfLoadingCode?: string | undefined;
  portOfDischargeCode?: string | undefined;
  paymentTerms: readonly Instalment[];
  lines: readonly DraftLine[];
};

/** A saved cost sheet as a quote line can use it. */
export type QuoteCostSheet = { id: string; productId: string | null; name: string; version: number; figures: CostSheetFigures };

/** What pricing a draft looks up: the inquiry's lines, the products, cost sheets, ports and settings. */
export type DraftContext = {
  today: string;
  inquiryLines: readonly { id: string; productId: string | null }[];
  products: readonly { id: string; status: string; moq: string; unit: string; marginFloorRate: string | null }[];
  /** The cost sheets lines name. */
  costSheets: readonly QuoteCostSheet[];
  /**
   * The latest cost sheets of each product, newest first (one per quote currency will do): a line
   * that names none takes the newest costed for the quote's currency, else the newest of all.
   */
  latestCostSheets: readonly QuoteCostSheet[];
  knownPortCodes: readonly string[];
  /** The business setting's margin floor. */
  marginFloor: DecimalLike;
};

export type PricedLine = {
  lineNo: number;
  inquiryLineId: string | null;
  productId: string | null;
  costSheetId: string | null;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  amount: string;
  marginRate: string | null;
  notes: string | null;
  shipmentDate: string | null;
};

export type PricedDraft = {
  lines: PricedLine[];
  total: string;
  /** The quote's margin over its costed lines, 4 places; null when no line has a cost. */
  marginRate: string | null;
  belowMarginFloor: boolean;
  paymentMethod: PaymentMethodCode;
  paymentTermsText: string;
};

/** The products, cost sheets and ports a draft refers to: what to look up before pricing it. */
export function draftReferences(draft: Pick<Draft, 'lines' | 'portOfLoadingCode' | 'portOfDischargeCode'>, inquiryLines: DraftContext['inquiryLines']) {
  const productOf = new Map(inquiryLines.map((l) => [l.id, l.productId]));
  const present = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((id): id is string => Boolean(id)))];
  return {
    productIds: present(draft.lines.map((l) => l.productId ?? (l.inquiryLineId ? productOf.get(l.inquiryLineId) : undefined))),
    costSheetIds: present(draft.lines.map((l) => l.costSheetId)),
    portCodes: [draft.portOfLoadingCode, draft.portOfDischargeCode].filter((c): c is string => Boolean(c)),
  };
}

/**
 * Checks a PI draft against its inquiry, the catalog and the cost sheets, and works out its line
 * amounts, total and margins: validity after today, no shipment date in the past, instalments adding
 * up to 100%, a currency we invoice in, known ports, lines of this inquiry, active products at their
 * MOQ, cost sheets of the line's product that can cost this Incoterm and currency, amounts that fit.
 * Every field at fault is named (body.…) in one VALIDATION error.
 */
export function priceDraft(draft: Draft, ctx: DraftContext): PricedDraft {
  const errors: FieldError[] = [];
  const collect = (check: () => void) => {
    try {
      withFieldPrefix('body', check);
    } catch (err) {
      if (err instanceof DomainError && err.fields) errors.push(...err.fields);
      else throw err;
    }
  };
  collect(() => assertValidUntil(draft.validUntil, ctx.today));
  collect(() => assertShipmentDate(draft.shipmentDate, ctx.today));
  collect(() => assertPaymentTerms(draft.paymentTerms));
  const invoiced = (tradeCurrencies as readonly string[]).includes(draft.currency);
  if (!invoiced) errors.push({ field: 'body.currency', message: `is not a currency we invoice in (${tradeCurrencies.join(', ')})` });
  const ports = new Set(ctx.knownPortCodes);
  if (draft.portOfLoadingCode && !ports.has(draft.portOfLoadingCode)) errors.push({ field: 'body.portOfLoadingCode', message: 'is not a known port' });
  if (draft.portOfDischargeCode && !ports.has(draft.portOfDischargeCode)) errors.push({ field: 'body.portOfDischargeCode', message: 'is not a known port' });

  const inquiryLines = new Map(ctx.inquiryLines.map((l) => [l.id, l]));
  const productById = new Map(ctx.products.map((p) => [p.id, p]));
  const sheetById = new Map(ctx.costSheets.map((s) => [s.id, s]));
  const latestSheetOf = (productId: string) => latestCostSheetFor(ctx.latestCostSheets.filter((s) => s.productId === productId), draft.currency);
  const scale = currencyScale(draft.currency);
  const lines: PricedLine[] = [];
  const costed: { unitPrice: string; costPerUnit: Dec | null; quantity: string; margin: Dec | null; floor: Dec | null }[] = [];
  let total = new Dec(0);

  draft.lines.forEach((line, i) => {
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
    if (!new Dec(line.quantity).gt(0)) lineErrors.push({ field: `${at}.quantity`, message: 'must be greater than zero' });
    if (!new Dec(line.unitPrice).gt(0)) lineErrors.push({ field: `${at}.unitPrice`, message: 'must be greater than zero' });
    if (line.shipmentDate !== undefined && line.shipmentDate < ctx.today) lineErrors.push({ field: `${at}.shipmentDate`, message: `must not be before today (${ctx.today})` });

    let sheet: QuoteCostSheet | undefined;
    let implicit = false;
    if (line.costSheetId) {
      sheet = sheetById.get(line.costSheetId);
      if (!sheet) lineErrors.push({ field: `${at}.costSheetId`, message: 'is not a saved cost sheet' });
      else if (productId && sheet.productId && sheet.productId !== productId) lineErrors.push({ field: `${at}.costSheetId`, message: 'is the cost sheet of another product' });
    } else if (productId) {
      sheet = latestSheetOf(productId);
      implicit = Boolean(sheet);
    }
    const floor = marginFloorFor(product?.marginFloorRate, ctx.marginFloor);
    let priced: LineMargin | null = null;
    if (sheet && lineErrors.length === 0 && invoiced) {
      try {
        priced = liveLineMargin({ unitPrice: line.unitPrice, incoterm: draft.incoterm, currency: draft.currency, quantity: line.quantity }, sheet.figures, floor);
      } catch (err) {
        if (!(err instanceof DomainError) || !err.fields) throw err;
        for (const f of err.fields) {
          lineErrors.push({ field: `${at}.${f.field}`, message: implicit ? `the product’s latest cost sheet (“${sheet.name}” v${sheet.version}) ${f.message}; choose a cost sheet that fits` : f.message });
        }
      }
    }

    const amount = lineAmount(line.quantity, line.unitPrice, draft.currency);
    if (amount.gt(MAX_AMOUNT)) lineErrors.push({ field: `${at}.unitPrice`, message: 'makes the line amount too large' });
    errors.push(...lineErrors);
    if (lineErrors.length > 0) return;

    total = total.plus(amount);
    costed.push({ unitPrice: line.unitPrice, costPerUnit: priced?.costPerUnit ?? null, quantity: line.quantity, margin: priced?.margin ?? null, floor: priced ? floor : null });
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
      marginRate: priced?.rate ?? null,
      notes: line.notes ?? null,
      shipmentDate: line.shipmentDate ?? null,
    });
  });
  if (errors.length === 0 && total.gt(MAX_AMOUNT)) errors.push({ field: 'body.lines', message: 'the total is too large' });
  if (errors.length > 0) throw new DomainError('VALIDATION', `the quote cannot be saved: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);

  const margin = quoteMargin(costed);
  return {
    lines,
    total: total.toFixed(scale),
    marginRate: margin ? marginRate(margin) : null,
    belowMarginFloor: costed.some((c) => c.margin && c.floor && isBelowFloor(c.margin, c.floor)),
    paymentMethod: mainPaymentMethod(draft.paymentTerms),
    paymentTermsText: paymentTermsText(draft.paymentTerms),
  };
}

// ───────────────────────────── Amount in words ─────────────────────────────

const ones = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE', 'TEN', 'ELEVEN', 'TWELVE', 'THIRTEEN', 'FOURTEEN', 'FIFTEEN', 'SIXTEEN', 'SEVENTEEN', 'EIGHTEEN', 'NINETEEN'];
const tens = ['', '', 'TWENTY', 'THIRTY', 'FORTY', 'FIFTY', 'SIXTY', 'SEVENTY', 'EIGHTY', 'NINETY'];
const scales = ['', 'THOUSAND', 'MILLION', 'BILLION', 'TRILLION', 'QUADRILLION'];

function below1000(n: number): string {
  const parts: string[] = [];
  if (n >= 100) {
    parts.push(`${ones[Math.floor(n / 100)]} HUNDRED`);
    n %= 100;
    if (n > 0) parts.push('AND');
  }
  if (n >= 20) parts.push(tens[Math.floor(n / 10)]! + (n % 10 ? `-${ones[n % 10]}` : ''));
  else if (n > 0 || parts.length === 0) parts.push(ones[n]!);
  return parts.join(' ');
}

/** A whole number in English words, as written on trade documents ("ONE THOUSAND TWO HUNDRED AND FIVE"). */
export function integerInWords(value: string): string {
  const digits = value.replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(digits)) throw new RangeError(`not a whole number: ${value}`);
  if (digits === '0') return 'ZERO';
  const groups: number[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(Number(digits.slice(Math.max(0, end - 3), end)));
  if (groups.length > scales.length) throw new RangeError('number too large to write in words');
  return groups
    .map((g, i) => (g === 0 ? '' : `${below1000(g)}${scales[groups.length - 1 - i] ? ` ${scales[groups.length - 1 - i]}` : ''}`))
    .filter(Boolean)
    .join(' ');
}

const currencyWords: Record<string, [major: string, minor: string]> = {
  USD: ['US DOLLARS', 'CENTS'], EUR: ['EUROS', 'CENTS'], GBP: ['POUNDS STERLING', 'PENCE'], AUD: ['AUSTRALIAN DOLLARS', 'CENTS'],
  CAD: ['CANADIAN DOLLARS', 'CENTS'], CNY: ['CHINESE YUAN', 'FEN'], JPY: ['JAPANESE YEN', ''], HKD: ['HONG KONG DOLLARS', 'CENTS'],
  SGD: ['SINGAPORE DOLLARS', 'CENTS'], CHF: ['SWISS FRANCS', 'RAPPEN'], NZD: ['NEW ZEALAND DOLLARS', 'CENTS'],
};

/** The currency's name as Chinese documents write it before the amount in capitals. */
const chineseCurrencyNames: Record<string, string> = {
  CNY: '人民币', USD: '美元', EUR: '欧元', GBP: '英镑', JPY: '日元', HKD: '港元', AUD: '澳大利亚元', CAD: '加拿大元', CHF: '瑞士法郎', SGD: '新加坡元',
  AED: '阿联酋迪拉姆', SAR: '沙特里亚尔', INR: '印度卢比', BRL: '巴西雷亚尔', MXN: '墨西哥比索', ZAR: '南非兰特', RUB: '俄罗斯卢布', KRW: '韩元',
  NZD: '新西兰元', SEK: '瑞典克朗', NOK: '挪威克朗', DKK: '丹麦克朗', PLN: '波兰兹罗提', TRY: '土耳其里拉',
};
const capitalDigits = '零壹贰叁肆伍陆柒捌玖';

/** One group of four digits (0–9999) in capitals, zeros inside collapsed to one 零, none at the end. */
function groupInCapitals(n: number): string {
  const units = ['仟', '佰', '拾', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    out += `${zero ? '零' : ''}${capitalDigits[d]}${units[i]}`;
    zero = false;
  });
  return out;
}

/**
 * The amount in Chinese financial capitals (大写金额), as the People's Bank of China's rules for
 * writing bills and settlement vouchers have it (《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》):
 * 1,409.50 → 壹仟肆佰零玖元伍角; 6,007.14 → 陆仟零柒元壹角肆分; 107,000.53 → 壹拾万柒仟元零伍角叁分;
 * 325.04 → 叁佰贰拾伍元零肆分; a whole amount ends in 元整. The currency's name comes first.
 */
export function amountInChineseCapitals(amount: string, currency: string): string {
  const [whole = '0', fraction = ''] = new Dec(amount).abs().toFixed(currencyScale(currency)).split('.');
  const jiao = Number(fraction[0] ?? '0');
  const fen = Number(fraction[1] ?? '0');
  // Groups of four digits from the top: 亿, 万, and the units.
  const groups: number[] = [];
  for (let end = whole.length; end > 0; end -= 4) groups.unshift(Number(whole.slice(Math.max(0, end - 4), end)));
  const names = ['', '万', '亿', '万亿'];
  let integer = '';
  groups.forEach((g, i) => {
    const name = names[groups.length - 1 - i]!;
    if (g === 0) return;
    // A group below a thousand after a higher one is read with 零 before it (壹万零伍佰).
    if (integer !== '' && g < 1000) integer += '零';
    integer += groupInCapitals(g) + name;
  });
  const name = chineseCurrencyNames[currency] ?? currency;
  if (integer === '' && jiao === 0 && fen === 0) return `${name}零元整`;
  let out = integer ? `${integer}元` : '';
  if (jiao === 0 && fen === 0) return `${name}${out}整`;
  // After the 元 of an amount ending in zero, or where 角 is zero, 零 marks the gap.
  if (integer && (whole.endsWith('0') || jiao === 0)) out += '零';
  if (jiao > 0) out += `${capitalDigits[jiao]}角`;
  if (fen > 0) out += `${capitalDigits[fen]}分`;
  return `${name}${out}`;
}

/** "SAY US DOLLARS THIRTY-SEVEN THOUSAND ONE HUNDRED AND TWENTY-THREE AND CENTS TWENTY ONLY" */
export function amountInWords(amount: string, currency: string): string {
  const [whole = '0', fraction = ''] = new Dec(amount).toFixed(currencyScale(currency)).split('.');
  const [major, minor] = currencyWords[currency] ?? [currency, 'CENTS'];
  const cents = fraction ? Number(fraction) : 0;
  return `SAY ${major} ${integerInWords(whole)}${cents > 0 && minor ? ` AND ${minor} ${integerInWords(String(cents))}` : ''} ONLY`;
}
