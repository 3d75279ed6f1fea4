import { costedTerm, evaluateExportPrice, type ExportCostingInput } from './costing.ts';
import { DomainError, type FieldError } from './errors.ts';
import { Dec } from './money.ts';
import { marginRate, type DraftLine } from './quotes.ts';

/*
 * Revisions built from the conversation: the next revision of a PI starts from the last revision
 * sent to the buyer, taking per line the buyer's counter-offer where the clerk chooses to (price,
 * quantity, shipment date); the clerk then edits quantities, adds and removes lines. The comparison
 * with the previous revision shows each line as added, removed, changed or the same.
 */

/** A line of the last sent revision, as the next draft copies it. */
export type SentLine = {
  id: string;
  inquiryLineId: string | null;
  productId: string | null;
  costSheetId: string | null;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  notes: string | null;
  shipmentDate: string | null;
};
/** What the buyer's latest counter-offer proposed for a line. */
export type CounterProposal = { quoteLineId: string; proposedUnitPrice?: string | undefined; proposedQuantity?: string | undefined; proposedShipmentDate?: string | undefined };
/** The clerk's choice per line: take the buyer's price, quantity, shipment date. */
export type TakeFromCounter = { quoteLineId: string; price?: boolean | undefined; quantity?: boolean | undefined; shipmentDate?: boolean | undefined };

/**
 * The lines of the next draft: the last sent revision's lines, each with what the clerk takes from
 * the buyer's counter-offer. A choice naming a line the revision does not have, or taking what the
 * buyer did not propose, is refused naming the field (body.take.N.…).
 */
export function linesFromConversation(lines: readonly SentLine[], counter: readonly CounterProposal[], takes: readonly TakeFromCounter[]): DraftLine[] {
  const errors: FieldError[] = [];
  const proposals = new Map(counter.map((c) => [c.quoteLineId, c]));
  const chosen = new Map<string, TakeFromCounter>();
  takes.forEach((t, i) => {
    const at = `body.take.${i}`;
    if (!lines.some((l) => l.id === t.quoteLineId)) return void errors.push({ field: `${at}.quoteLineId`, message: 'is not a line of the last sent revision' });
    if (chosen.has(t.quoteLineId)) errors.push({ field: `${at}.quoteLineId`, message: 'is chosen twice' });
    chosen.set(t.quoteLineId, t);
    const p = proposals.get(t.quoteLineId);
    if (t.price && !p?.proposedUnitPrice) errors.push({ field: `${at}.price`, message: 'the buyer proposed no price for this line' });
    if (t.quantity && !p?.proposedQuantity) errors.push({ field: `${at}.quantity`, message: 'the buyer proposed no quantity for this line' });
    if (t.shipmentDate && !p?.proposedShipmentDate) errors.push({ field: `${at}.shipmentDate`, message: 'the buyer proposed no shipment date for this line' });
  });
  if (errors.length > 0) throw new DomainError('VALIDATION', `the choices cannot be applied: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);

  return lines.map((l) => {
    const t = chosen.get(l.id);
    const p = proposals.get(l.id);
    const line: DraftLine = {
      description: l.description,
      quantity: t?.quantity && p?.proposedQuantity ? p.proposedQuantity : l.quantity,
      unit: l.unit,
      unitPrice: t?.price && p?.proposedUnitPrice ? p.proposedUnitPrice : l.unitPrice,
    };
    if (l.inquiryLineId) line.inquiryLineId = l.inquiryLineId;
    if (l.productId) line.productId = l.productId;
    if (l.costSheetId) line.costSheetId = l.costSheetId;
    if (l.notes) line.notes = l.notes;
    const date = t?.shipmentDate && p?.proposedShipmentDate ? p.proposedShipmentDate : l.shipmentDate;
    if (date) line.shipmentDate = date;
    return line;
  });
}

/** A line as compared: what identifies it and what a buyer reads on it. */
export type ComparedLine = { inquiryLineId: string | null; productId: string | null; description: string; quantity: string; unit: string; unitPrice: string; notes?: string | null };
export type LineComparison<T extends ComparedLine = ComparedLine> = {
  status: 'added' | 'removed' | 'changed' | 'same';
  before: T | null;
  after: T | null;
  /** The fields that differ, on a changed line. */
  changed: ('quantity' | 'unitPrice' | 'description' | 'unit' | 'notes')[];
};

/**
 * Compares the lines of two revisions: lines are the same line when they answer the same inquiry
 * line, else are the same product, else have the same description; what is left over on either
 * side was added or removed. In the order of the newer revision, removed lines last.
 */
export function compareRevisionLines<T extends ComparedLine>(before: readonly T[], after: readonly T[]): LineComparison<T>[] {
  const left = [...before];
  const take = (match: (b: T) => boolean) => {
    const i = left.findIndex(match);
    return i === -1 ? null : left.splice(i, 1)[0]!;
  };
  const out: LineComparison<T>[] = after.map((a) => {
    const b =
      (a.inquiryLineId ? take((x) => x.inquiryLineId === a.inquiryLineId) : null) ??
      (a.productId ? take((x) => !x.inquiryLineId && x.productId === a.productId) : null) ??
      take((x) => !x.inquiryLineId && !x.productId && x.description === a.description);
    if (!b) return { status: 'added', before: null, after: a, changed: [] };
    const changed: LineComparison<T>['changed'] = [];
    if (!new Dec(a.quantity).eq(b.quantity)) changed.push('quantity');
    if (!new Dec(a.unitPrice).eq(b.unitPrice)) changed.push('unitPrice');
    if (a.description !== b.description) changed.push('description');
    if (a.unit !== b.unit) changed.push('unit');
    if ((a.notes ?? null) !== (b.notes ?? null)) changed.push('notes');
    return { status: changed.length > 0 ? 'changed' : 'same', before: b, after: a, changed };
  });
  return [...out, ...left.map((b): LineComparison<T> => ({ status: 'removed', before: b, after: null, changed: [] }))];
}

// ───────────────────────────── A counter-offer line, costed ─────────────────────────────

export type CounterLineCosting = {
  /** (price − cost) / price at the counter price and quantity: the PI's margin, held to the floor. */
  marginRate: string;
  /** The profit the counter price leaves after commission and bank charges, as a share of the price. */
  profitRate: string;
  /** Profit or loss of the line at the counter, in the cost currency. */
  profitLoss: { amount: string; currency: string };
  floorRate: string;
  belowFloor: boolean;
};

/**
 * What a buyer's counter on a line means for the business, before the clerk answers: the line's
 * cost sheet evaluated at the counter price (else the quoted price) and the counter quantity (else
 * the quoted one), so freight and fixed expenses are spread over the quantity the buyer asks for.
 * Null when the line has no cost sheet, or the sheet cannot cost this term or currency.
 */
export function costCounterLine(args: {
  sheetInput: Record<string, unknown> | null;
  incoterm: string;
  currency: string;
  quoted: { unitPrice: string; quantity: string };
  proposed: { unitPrice?: string | undefined; quantity?: string | undefined };
  floor: Dec | string;
}): CounterLineCosting | null {
  const input = args.sheetInput as (ExportCostingInput & Record<string, unknown>) | null;
  if (!input || input.quoteCurrency !== args.currency) return null;
  const { profitBasis: _b, profitRate: _p, ...costs } = input;
  const unitPrice = args.proposed.unitPrice ?? args.quoted.unitPrice;
  const term = costedTerm(args.incoterm);
  let r;
  try {
    r = evaluateExportPrice({ ...costs, quantity: args.proposed.quantity ?? args.quoted.quantity, term, unitPrice });
  } catch (err) {
    if (err instanceof DomainError && err.code === 'VALIDATION') return null;
    throw err;
  }
  const X = new Dec(r.exchangeRate);
  const costInCost = new Dec(r.costs.totalCostPerUnit).plus(term === 'FOB' ? 0 : (r.costs.freightPerUnit ?? 0));
  const cost = costInCost.div(X).plus(r.deductions.insurance);
  const price = new Dec(unitPrice);
  const margin = price.minus(cost).div(price);
  const floor = new Dec(args.floor);
  return {
    marginRate: marginRate(margin),
    profitRate: r.indicators.profitRateOfPrice,
    profitLoss: { amount: r.indicators.profitLoss, currency: r.costCurrency },
    floorRate: floor.toFixed(4),
    belowFloor: margin.lt(floor),
  };
}
