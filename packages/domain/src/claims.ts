import { type Actor, assertVisibleTo } from './access.ts';
import { daysBetween } from './calendar.ts';
import { DomainError } from './errors.ts';
import { Dec, currencyScale } from './money.ts';
import { addDays } from './calendar.ts';
import { lineAmount } from './quotes.ts';
import { type StepRule, type Workflow, availableSteps, takeStep } from './workflow.ts';
import { HOUR_MS, type PausableTimer, type TimerEffect, type TimerState, type WorkingHours, timerState } from './working-time.ts';

/*
 * Claims (索赔): the buyer claims against a shipment when goods or service do not match the
 * contract; the exporter answers quickly, clears up who is responsible, and settles on time (seed
 * 000: 及时应对, 厘清责任, 减少赔款, 及时兑现). The claim period comes from the contract's claims clause,
 * counted from the arrival of the goods; the response timer runs in working time from filing and
 * stops while the buyer is asked for more evidence.
 *
 *   filed → acknowledged → under investigation ⇄ waiting for evidence → responsibility determined
 *     → settlement offered (through manager approval above finance's threshold) → accepted | disputed
 *     → settled (refund, credit note, replacement, price discount) → closed; or rejected → closed;
 *   a disputed claim is investigated again or offered anew; the buyer may withdraw an open claim.
 */

export const claimKinds = ['QUALITY', 'QUANTITY', 'DAMAGE', 'DELAY', 'WRONG_GOODS', 'DOCUMENTS'] as const;
/** Quality, quantity shortage, damage in transit, late delivery, wrong goods, documents. */
export type ClaimKind = (typeof claimKinds)[number];

export const claimStatuses = [
  'FILED', 'ACKNOWLEDGED', 'UNDER_INVESTIGATION', 'WAITING_FOR_EVIDENCE', 'RESPONSIBILITY_DETERMINED', 'PENDING_APPROVAL', 'SETTLEMENT_OFFERED', 'ACCEPTED', 'DISPUTED',
  'SETTLED', 'REJECTED', 'CLOSED',
] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

export const responsibleParties = ['EXPORTER', 'FACTORY', 'CARRIER', 'INSURER', 'BUYER'] as const;
/** Who caused the loss: the exporter, its factory, the forwarder or carrier, the insurer (an insured loss), or the buyer. */
export type ResponsibleParty = (typeof responsibleParties)[number];

export const settlementKinds = ['REFUND', 'CREDIT_NOTE', 'REPLACEMENT', 'PRICE_DISCOUNT'] as const;
export type SettlementKind = (typeof settlementKinds)[number];

export const claimActions = [
  'ACKNOWLEDGE', 'START_INVESTIGATION', 'REQUEST_EVIDENCE', 'ADD_EVIDENCE', 'DETERMINE_RESPONSIBILITY', 'OFFER_SETTLEMENT', 'APPROVE_SETTLEMENT', 'RETURN_SETTLEMENT', 'ACCEPT',
  'DISPUTE', 'REOPEN', 'RECORD_SETTLEMENT', 'REJECT', 'CLOSE', 'WITHDRAW',
] as const;
export type ClaimAction = (typeof claimActions)[number];

const handlers = ['CLERK', 'MANAGER'] as const;
const open: readonly ClaimStatus[] = ['FILED', 'ACKNOWLEDGED', 'UNDER_INVESTIGATION', 'WAITING_FOR_EVIDENCE', 'RESPONSIBILITY_DETERMINED', 'PENDING_APPROVAL', 'SETTLEMENT_OFFERED', 'DISPUTED'];

/** Every step of a claim: from where, to where, by whom (buyer, handling staff, manager, finance). */
export const claimWorkflow: Workflow<ClaimStatus, ClaimAction> = {
  record: 'claim',
  steps: {
    ACKNOWLEDGE: { from: ['FILED'], to: 'ACKNOWLEDGED', roles: handlers },
    START_INVESTIGATION: { from: ['ACKNOWLEDGED'], to: 'UNDER_INVESTIGATION', roles: handlers },
    REQUEST_EVIDENCE: { from: ['UNDER_INVESTIGATION'], to: 'WAITING_FOR_EVIDENCE', roles: handlers },
    // The buyer's evidence answers a request (and the timer runs again); at other times it is simply added.
    ADD_EVIDENCE: { from: open, to: null, roles: ['BUYER'] },
    DETERMINE_RESPONSIBILITY: { from: ['UNDER_INVESTIGATION'], to: 'RESPONSIBILITY_DETERMINED', roles: handlers },
    OFFER_SETTLEMENT: { from: ['RESPONSIBILITY_DETERMINED', 'DISPUTED'], to: 'SETTLEMENT_OFFERED', roles: handlers },
    APPROVE_SETTLEMENT: { from: ['PENDING_APPROVAL'], to: 'SETTLEMENT_OFFERED', roles: ['MANAGER'] },
    RETURN_SETTLEMENT: { from: ['PENDING_APPROVAL'], to: 'RESPONSIBILITY_DETERMINED', roles: ['MANAGER'] },
    ACCEPT: { from: ['SETTLEMENT_OFFERED'], to: 'ACCEPTED', roles: ['BUYER'] },
    DISPUTE: { from: ['SETTLEMENT_OFFERED'], to: 'DISPUTED', roles: ['BUYER'] },
    REOPEN: { from: ['DISPUTED'], to: 'UNDER_INVESTIGATION', roles: handlers },
    RECORD_SETTLEMENT: { from: ['ACCEPTED'], to: 'SETTLED', roles: ['FINANCE'] },
    REJECT: { from: ['ACKNOWLEDGED', 'UNDER_INVESTIGATION', 'RESPONSIBILITY_DETERMINED', 'DISPUTED'], to: 'REJECTED', roles: ['MANAGER'] },
    CLOSE: { from: ['SETTLED', 'REJECTED'], to: 'CLOSED', roles: ['CLERK', 'MANAGER', 'FINANCE'] },
    WITHDRAW: { from: open, to: 'CLOSED', roles: ['BUYER'] },
  } satisfies Record<ClaimAction, StepRule<ClaimStatus>>,
};

/** What a step needs to know of the claim: its company, status, responsibility, the settlement on the table and who proposed it. */
export type ClaimFacts = {
  buyerCompanyId: string;
  status: ClaimStatus;
  currency: string;
  amountClaimed: string;
  responsibleParty: ResponsibleParty | null;
  settlement: { kind: SettlementKind; amount: string; proposedById: string } | null;
};

/** The details some steps carry. */
export type ClaimStepInput = {
  responsibleParty?: ResponsibleParty;
  settlement?: { kind: SettlementKind; amount: string };
  /** Finance's amount above which a settlement needs a manager's approval, in the claim's currency. */
  approvalThreshold?: string;
  /** Why: required to reject, to dispute, to request evidence and to send a proposal back. */
  reason?: string;
  /** RECORD_SETTLEMENT: the payout's bank reference, the credit note's number or the replacement shipment's number. */
  settlementReference?: string;
};

/** The outcome of a step: the new status, the timer effect, whether the buyer sees it on the claim's timeline. */
export type ClaimStep = { status: ClaimStatus; timer: TimerEffect; visibleToBuyer: boolean };

function needs(value: string | undefined, field: string, why: string): string {
  if (!value?.trim()) throw new DomainError('VALIDATION', `${field} is required`, [{ field, message: `is required: ${why}` }]);
  return value;
}

/**
 * Decides a step on a claim: a buyer acts only on their own company's claims (others are NOT_FOUND);
 * the role must be allowed (FORBIDDEN) and the status must allow it (CONFLICT); each step's input is
 * checked (VALIDATION naming the field). A settlement offer no larger than the claimed amount goes to
 * the buyer, or to a manager first when it is above finance's threshold; the approving manager is
 * never the one who proposed it (four eyes). Nothing is offered when the buyer is responsible.
 */
export function decideClaimStep(claim: ClaimFacts, action: ClaimAction, actor: Actor, input: ClaimStepInput = {}): ClaimStep {
  assertVisibleTo(actor, claim.buyerCompanyId, 'claim');
  let status = takeStep(claimWorkflow, claim.status, action, actor.role);
  let timer: TimerEffect = null;
  let visibleToBuyer = true;
  switch (action) {
    case 'REQUEST_EVIDENCE':
      needs(input.reason, 'reason', 'say what evidence the buyer should add');
      timer = 'PAUSE';
      break;
    case 'ADD_EVIDENCE':
      if (claim.status === 'WAITING_FOR_EVIDENCE') {
        status = 'UNDER_INVESTIGATION';
        timer = 'RESUME';
      }
      break;
    case 'DETERMINE_RESPONSIBILITY':
      if (!input.responsibleParty || !responsibleParties.includes(input.responsibleParty)) {
        throw new DomainError('VALIDATION', 'say who is responsible', [{ field: 'responsibleParty', message: `must be one of ${responsibleParties.join(', ')}` }]);
      }
      break;
    case 'OFFER_SETTLEMENT': {
      if (claim.responsibleParty === 'BUYER') throw new DomainError('CONFLICT', 'the buyer is responsible for this loss: reject the claim instead of offering a settlement');
      const s = input.settlement;
      if (!s || !settlementKinds.includes(s.kind)) throw new DomainError('VALIDATION', 'say how the claim is settled', [{ field: 'settlement.kind', message: `must be one of ${settlementKinds.join(', ')}` }]);
      const amount = new Dec(s.amount);
      const scale = currencyScale(claim.currency);
      if (!amount.gt(0) || amount.decimalPlaces() > scale) throw new DomainError('VALIDATION', 'the settlement amount is not valid', [{ field: 'settlement.amount', message: `must be greater than zero with at most ${scale} decimal places` }]);
      if (amount.gt(claim.amountClaimed)) throw new DomainError('VALIDATION', 'the settlement exceeds the claim', [{ field: 'settlement.amount', message: `must not exceed the amount claimed (${claim.currency} ${new Dec(claim.amountClaimed).toFixed(scale)})` }]);
      if (input.approvalThreshold === undefined) throw new RangeError('the approval threshold is needed to offer a settlement');
      if (amount.gt(input.approvalThreshold)) {
        status = 'PENDING_APPROVAL';
        visibleToBuyer = false;
      } else timer = 'STOP';
      break;
    }
    case 'APPROVE_SETTLEMENT':
      if (claim.settlement?.proposedById === actor.userId) throw new DomainError('FORBIDDEN', 'a settlement is approved by another manager than the one who proposed it');
      timer = 'STOP';
      break;
    case 'RETURN_SETTLEMENT':
      needs(input.reason, 'reason', 'say why the proposal goes back');
      visibleToBuyer = false;
      break;
    case 'DISPUTE':
      needs(input.reason, 'reason', 'say what is wrong with the offer');
      break;
    case 'RECORD_SETTLEMENT':
      needs(input.settlementReference, 'settlementReference', 'the payout reference, credit note number or replacement shipment');
      break;
    case 'REJECT':
      needs(input.reason, 'reason', 'the buyer is told why the claim is rejected');
      timer = 'STOP';
      break;
    case 'WITHDRAW':
      timer = 'STOP';
      break;
    default:
      break;
  }
  return { status, timer, visibleToBuyer };
}

/** The steps an actor may take on a claim now (buyers only on their own company's). */
export function claimActionsFor(claim: Pick<ClaimFacts, 'status' | 'buyerCompanyId'>, actor: Actor): ClaimAction[] {
  if (actor.role === 'BUYER' && actor.companyId !== claim.buyerCompanyId) return [];
  return availableSteps(claimWorkflow, claim.status, actor.role);
}

/** The default response target: five working days of nine hours. */
export const DEFAULT_CLAIM_RESPONSE_HOURS = 45;

/** The response timer of a claim against its target in working hours: due time (none while waiting for evidence), remaining time, breached. */
export function claimResponseState(timer: PausableTimer, targetHours: number, hours: WorkingHours, now: Date): TimerState {
  if (!(targetHours > 0)) throw new RangeError(`a response target must be above zero hours, not ${targetHours}`);
  return timerState(timer, targetHours * HOUR_MS, hours, now);
}

// ───────────────────────────── Filing: period, quantities, amount ─────────────────────────────

/** Days after arrival within which each kind of claim is lodged, from the contract's claims clause. */
export type ClaimPeriods = Readonly<Record<ClaimKind, number>>;

/** The periods of the default claims clause (DEFAULT_CLAIMS_CLAUSE): quantity or weight within 15 days after arrival, everything else 30. */
export const DEFAULT_CLAIM_PERIODS: ClaimPeriods = { QUALITY: 30, QUANTITY: 15, DAMAGE: 30, DELAY: 30, WRONG_GOODS: 30, DOCUMENTS: 30 };

/** Kinds that may be lodged before the goods arrive (the delay itself, the documents); the others wait for the goods. */
const beforeArrival: ReadonlySet<ClaimKind> = new Set(['DELAY', 'DOCUMENTS']);

/** The last day to lodge a claim of a kind: arrival + N days, the arrival day not counted; null before arrival. */
export function claimDeadline(kind: ClaimKind, arrivedOn: string | null, periods: ClaimPeriods = DEFAULT_CLAIM_PERIODS): { deadline: string; days: number; arrivedOn: string } | null {
  if (arrivedOn === null) return null;
  const days = periods[kind];
  return { deadline: addDays(arrivedOn, days), days, arrivedOn };
}

/** Days left to lodge a claim as of today (0 on the last day, negative after it); null before arrival. */
export function claimDaysLeft(kind: ClaimKind, arrivedOn: string | null, today: string, periods: ClaimPeriods = DEFAULT_CLAIM_PERIODS): number | null {
  const d = claimDeadline(kind, arrivedOn, periods);
  return d ? daysBetween(today, d.deadline) : null;
}

/** What filing checks of the shipment: shipped or not, its arrival, and per contract line the quantity shipped and its unit price. */
export type ClaimShipmentFacts = { shippedOn: string | null; arrivedOn: string | null; lines: readonly { contractLineId: string; quantity: string; unitPrice: string }[] };

/** A claim as the buyer files it. */
export type ClaimFiling = { kind: ClaimKind; currency: string; amount: string; lines: readonly { contractLineId: string; quantity: string }[] };

/**
 * Checks a claim before it is filed: the shipment has shipped (and, except for delay and document
 * claims, arrived); today is within the claim period of its kind; the currency is the contract's;
 * each named line is a line of the shipment, once, with a claimed quantity not above what was
 * shipped on it (above zero, except for delay and document claims); the amount is above zero and not
 * above the value of the named lines. Returns the fields at fault, empty when the claim may be filed.
 */
export function claimFilingErrors(filing: ClaimFiling, contract: { currency: string; periods?: ClaimPeriods }, shipment: ClaimShipmentFacts, today: string): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const kindWord = filing.kind.toLowerCase().replaceAll('_', ' ');
  if (shipment.shippedOn === null) errors.push({ field: 'shipmentId', message: 'has not shipped yet: a claim is filed against goods shipped' });
  else if (shipment.arrivedOn === null && !beforeArrival.has(filing.kind)) errors.push({ field: 'shipmentId', message: `has not arrived yet: a ${kindWord} claim is filed after the goods arrive` });
  const period = claimDeadline(filing.kind, shipment.arrivedOn, contract.periods);
  if (period && today > period.deadline) {
    errors.push({ field: 'kind', message: `the claim period for ${kindWord} claims ended on ${period.deadline} (${period.days} days after the arrival on ${period.arrivedOn})` });
  }
  if (filing.currency !== contract.currency) errors.push({ field: 'currency', message: `must be the contract currency, ${contract.currency}` });

  const shipped = new Map(shipment.lines.map((l) => [l.contractLineId, l]));
  const seen = new Set<string>();
  let value = new Dec(0);
  if (filing.lines.length === 0) errors.push({ field: 'lines', message: 'must name at least one line of the shipment' });
  filing.lines.forEach((l, i) => {
    const line = shipped.get(l.contractLineId);
    if (!line) return errors.push({ field: `lines.${i}.contractLineId`, message: 'is not a line of this shipment' });
    if (seen.has(l.contractLineId)) return errors.push({ field: `lines.${i}.contractLineId`, message: 'is named twice' });
    seen.add(l.contractLineId);
    value = value.plus(lineAmount(line.quantity, line.unitPrice, contract.currency));
    const q = new Dec(l.quantity);
    if (q.lt(0) || (q.isZero() && !beforeArrival.has(filing.kind))) errors.push({ field: `lines.${i}.quantity`, message: 'must be greater than zero' });
    else if (q.gt(line.quantity)) errors.push({ field: `lines.${i}.quantity`, message: `must not exceed the quantity shipped on this line (${new Dec(line.quantity).toFixed()})` });
  });
  const scale = currencyScale(contract.currency);
  const amount = new Dec(filing.amount);
  if (!amount.gt(0) || amount.decimalPlaces() > scale) errors.push({ field: 'amount', message: `must be greater than zero with at most ${scale} decimal places` });
  else if (seen.size > 0 && amount.gt(value)) errors.push({ field: 'amount', message: `must not exceed the value of the named lines (${contract.currency} ${value.toFixed(scale)})` });
  return errors;
}

// ───────────────────────────── The contract's clause, evidence, approval, finance ─────────────────────────────

/**
 * The claim periods a contract's claims clause states: "regarding the quality … within N days" and
 * "regarding quantity or weight within M days" (the default clause's wording); quality's period also
 * holds for damage, wrong goods, delay and documents, quantity's for shortages. A clause that names
 * no period (or none at all) gives the default periods.
 */
export function claimPeriodsFromClause(clause: string | null | undefined): ClaimPeriods {
  if (!clause) return DEFAULT_CLAIM_PERIODS;
  const days = (re: RegExp) => {
    const m = re.exec(clause);
    const n = m ? Number(m[1]) : Number.NaN;
    return Number.isInteger(n) && n > 0 && n <= 730 ? n : null;
  };
  const quality = days(/quality[^.;]*?within\s+(\d{1,3})\s+days/i);
  const quantity = days(/(?:quantity|weight|shortage)[^.;]*?within\s+(\d{1,3})\s+days/i);
  const general = quality ?? DEFAULT_CLAIM_PERIODS.QUALITY;
  return { QUALITY: general, DAMAGE: general, WRONG_GOODS: general, DELAY: general, DOCUMENTS: general, QUANTITY: quantity ?? (quality === null ? DEFAULT_CLAIM_PERIODS.QUANTITY : Math.min(general, DEFAULT_CLAIM_PERIODS.QUANTITY)) };
}

/** What may back a claim: photos (JPEG, PNG, WebP) and reports (PDF: a surveyor's or inspection report). */
export const CLAIM_EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
/** The largest evidence file: 10 MiB (a phone photo or a scanned report). */
export const MAX_CLAIM_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** At most this many files on one claim. */
export const MAX_CLAIM_EVIDENCE_FILES = 20;

/** Why these files cannot back a claim (by their type as told from the bytes, and their size), naming `<field>.N`; empty when they can. */
export function claimEvidenceErrors(files: readonly { contentType: string; sizeBytes: number }[], field: string, alreadyOnClaim = 0): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (alreadyOnClaim + files.length > MAX_CLAIM_EVIDENCE_FILES) errors.push({ field, message: `must bring the claim to at most ${MAX_CLAIM_EVIDENCE_FILES} files` });
  files.forEach((f, i) => {
    if (!(CLAIM_EVIDENCE_TYPES as readonly string[]).includes(f.contentType)) errors.push({ field: `${field}.${i}`, message: `must be a photo (JPEG, PNG, WebP) or a PDF report, not ${f.contentType}` });
    else if (f.sizeBytes > MAX_CLAIM_EVIDENCE_BYTES) errors.push({ field: `${field}.${i}`, message: `must be at most ${MAX_CLAIM_EVIDENCE_BYTES / 1024 / 1024} MB` });
  });
  return errors;
}

/** Finance's amounts above which a settlement needs a manager's approval, per currency, until finance sets its own. */
export const DEFAULT_CLAIM_APPROVAL_THRESHOLDS: Readonly<Record<string, string>> = { USD: '2000.00', EUR: '2000.00', GBP: '1500.00', CNY: '15000.00' };

/** The approval threshold of a currency; a currency finance has set none for needs approval for every settlement (threshold 0). */
export function approvalThresholdFor(thresholds: Readonly<Record<string, string>>, currency: string): string {
  return thresholds[currency] ?? '0';
}

/** A settled or open claim as finance counts it. */
export type ClaimMoneyFacts = { buyerCompanyId: string; status: ClaimStatus; currency: string; settlementKind: SettlementKind | null; settlementAmount: string | null; creditNoteUsed: boolean; paid: boolean };

/** Per currency totals (decimal strings at the currency's scale), sorted by currency. */
export type CurrencyTotals = { amount: string; currency: string }[];

/** What claims mean for finance per customer: accepted settlements still to pay, payouts made, credit notes open (not yet used on a later contract). */
export type ClaimFinanceFigures = { toPay: CurrencyTotals; paidOut: CurrencyTotals; openCreditNotes: CurrencyTotals; toPayCount: number; openCreditNoteCount: number };

function totals(entries: { amount: string; currency: string }[]): CurrencyTotals {
  const by = new Map<string, Dec>();
  for (const e of entries) by.set(e.currency, (by.get(e.currency) ?? new Dec(0)).plus(e.amount));
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ amount: amount.toFixed(currencyScale(currency)), currency }));
}

/**
 * Claims' figures per customer: accepted settlements waiting for finance (refunds, discounts, credit
 * notes and replacements alike, at their agreed amount); refunds and price discounts paid out; credit
 * notes issued and not yet used against a later contract. Replacements are goods, not money: they
 * count as to pay until recorded, and nowhere after.
 */
export function claimFinanceFigures(claims: readonly ClaimMoneyFacts[]): Map<string, ClaimFinanceFigures> {
  const by = new Map<string, ClaimMoneyFacts[]>();
  for (const c of claims) by.set(c.buyerCompanyId, [...(by.get(c.buyerCompanyId) ?? []), c]);
  const out = new Map<string, ClaimFinanceFigures>();
  for (const [company, list] of by) {
    const amount = (c: ClaimMoneyFacts) => ({ amount: c.settlementAmount ?? '0', currency: c.currency });
    const done = (c: ClaimMoneyFacts) => (c.status === 'SETTLED' || c.status === 'CLOSED') && c.settlementAmount !== null;
    const toPay = list.filter((c) => c.status === 'ACCEPTED' && c.settlementAmount !== null);
    const paid = list.filter((c) => done(c) && c.paid && (c.settlementKind === 'REFUND' || c.settlementKind === 'PRICE_DISCOUNT'));
    const credit = list.filter((c) => done(c) && c.settlementKind === 'CREDIT_NOTE' && !c.creditNoteUsed);
    out.set(company, { toPay: totals(toPay.map(amount)), paidOut: totals(paid.map(amount)), openCreditNotes: totals(credit.map(amount)), toPayCount: toPay.length, openCreditNoteCount: credit.length });
  }
  return out;
}
