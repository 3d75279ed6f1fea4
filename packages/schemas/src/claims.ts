import { CalendarDate, CurrencyCode, DecimalString, Id, MoneyView, Timestamp, optionalText, text, z } from './common.ts';
import { AttachmentInfo } from './inquiries.ts';

/*
 * Claims (索赔): the buyer claims against a shipment of a contract, for the lines and batches
 * affected, within the contract's claim period; staff acknowledge, investigate, determine who is
 * responsible and offer a settlement (a manager approves above finance's threshold); the buyer
 * accepts or disputes; finance records the payout or the credit note. The workflow is
 * packages/domain/src/claims.ts.
 */

export const ClaimKind = z.enum(['QUALITY', 'QUANTITY', 'DAMAGE', 'DELAY', 'WRONG_GOODS', 'DOCUMENTS']).describe('Quality, quantity shortage, damage in transit, late delivery, wrong goods, documents');
export type ClaimKind = z.infer<typeof ClaimKind>;
export const ClaimStatus = z.enum([
  'FILED', 'ACKNOWLEDGED', 'UNDER_INVESTIGATION', 'WAITING_FOR_EVIDENCE', 'RESPONSIBILITY_DETERMINED', 'PENDING_APPROVAL', 'SETTLEMENT_OFFERED', 'ACCEPTED', 'DISPUTED', 'SETTLED', 'REJECTED', 'CLOSED',
]);
export type ClaimStatus = z.infer<typeof ClaimStatus>;
export const ResponsibleParty = z.enum(['EXPORTER', 'FACTORY', 'CARRIER', 'INSURER', 'BUYER']).describe('Who caused the loss: the exporter, its factory, the forwarder or carrier, the insurer, the buyer');
export type ResponsibleParty = z.infer<typeof ResponsibleParty>;
export const SettlementKind = z.enum(['REFUND', 'CREDIT_NOTE', 'REPLACEMENT', 'PRICE_DISCOUNT']).describe('Refund, credit note against a later contract, replacement shipment, price discount');
export type SettlementKind = z.infer<typeof SettlementKind>;
export const ClaimAction = z.enum([
  'ACKNOWLEDGE', 'START_INVESTIGATION', 'REQUEST_EVIDENCE', 'ADD_EVIDENCE', 'DETERMINE_RESPONSIBILITY', 'OFFER_SETTLEMENT', 'APPROVE_SETTLEMENT', 'RETURN_SETTLEMENT', 'ACCEPT',
  'DISPUTE', 'REOPEN', 'RECORD_SETTLEMENT', 'REJECT', 'CLOSE', 'WITHDRAW',
]);
export type ClaimAction = z.infer<typeof ClaimAction>;

export const ClaimParams = z.strictObject({ claimId: Id });
export const ClaimShipmentParams = z.strictObject({ shipmentId: Id });
export const ClaimTicketParams = z.strictObject({ ticketId: Id });
export const ClaimDraftQuery = z.strictObject({ shipmentId: Id.optional().describe('The shipment, when the complaint names none (its contract is then the shipment’s) or its contract has several') });

/** A shipment a complaint may concern: one that has left, of the complaint's contract, or of its company when it names none. */
export const ClaimDraftShipment = z.object({
  id: Id,
  number: z.string(),
  contractId: Id,
  contractNumber: z.string(),
  shippedOn: z.string().nullable().describe('On board (or departed), YYYY-MM-DD'),
  arrivedOn: z.string().nullable().describe('Arrived, YYYY-MM-DD'),
});
export type ClaimDraftShipment = z.infer<typeof ClaimDraftShipment>;

/** A claimed quantity: up to 3 decimals; zero only for delay and document claims (the domain checks). */
const ClaimQuantity = z.string().regex(/^\d{1,12}(\.\d{1,3})?$/, 'must be a quantity, e.g. "120"');
const evidenceIds = z.array(Id).max(20, 'at most 20 files').default([]).describe('Photos or PDF reports uploaded by the caller’s company (POST /api/attachments), not attached elsewhere');

/** A claim as the buyer files it (staff file a complaint's claim for the buyer, naming the ticket). */
export const FileClaimBody = z.strictObject({
  contractId: Id,
  shipmentId: Id,
  kind: ClaimKind,
  description: text(4000).describe('What is wrong, where and how it was found'),
  currency: CurrencyCode.describe('Must be the contract’s currency'),
  amount: DecimalString.describe('The amount claimed, not above the value of the named lines'),
  lines: z
    .array(z.strictObject({ contractLineId: Id, quantity: ClaimQuantity.describe('Not above the quantity shipped on the line'), batchNo: optionalText(60).describe('The batch affected, if known') }))
    .min(1, 'must name at least one line of the shipment')
    .max(50),
  evidenceIds,
  sourceTicketId: Id.optional().describe('Staff only: the complaint ticket the claim is made from (its words and files are taken over)'),
});
export type FileClaimBody = z.input<typeof FileClaimBody>;

/** One step of the workflow, with what that step needs (the domain names a missing field). */
export const ClaimStepBody = z.strictObject({
  action: ClaimAction,
  note: optionalText(4000).describe('Words for the timeline (the buyer sees them, except on the manager’s approval round)'),
  reason: optionalText(2000).describe('Required to request evidence, return a proposal, dispute and reject'),
  responsibleParty: ResponsibleParty.optional().describe('DETERMINE_RESPONSIBILITY'),
  settlement: z.strictObject({ kind: SettlementKind, amount: DecimalString }).optional().describe('OFFER_SETTLEMENT: how and how much, in the claim’s currency'),
  settlementReference: optionalText(100).describe('RECORD_SETTLEMENT: the payout’s bank reference, the credit note number, or the replacement shipment'),
  evidenceIds,
});
export type ClaimStepBody = z.input<typeof ClaimStepBody>;

/** Finance uses an open credit note against a later contract of the same customer. */
export const UseCreditNoteBody = z.strictObject({ contractNumber: z.string().trim().regex(/^SC-\d{4}-\d{6}$/, 'must be a sales contract number, e.g. SC-2026-000012').describe('The later contract the credit is deducted from') });
export type UseCreditNoteBody = z.input<typeof UseCreditNoteBody>;

/** A staff-only note on the claim (never shown or sent to the buyer). */
export const ClaimNoteBody = z.strictObject({ body: text(4000) });
export type ClaimNoteBody = z.input<typeof ClaimNoteBody>;

export const ClaimListQuery = z.strictObject({
  status: ClaimStatus.optional(),
  open: z.enum(['true', 'false']).optional().describe('Only claims still worked on (true) or finished (false)'),
  contractId: Id.optional(),
  shipmentId: Id.optional(),
});

/** Finance's approval thresholds: a settlement above its currency's amount needs a manager's approval. */
export const ClaimSettings = z.strictObject({
  approvalThresholds: z.record(CurrencyCode, DecimalString).describe('Per currency; a currency not named needs approval for every settlement'),
});
export type ClaimSettings = z.infer<typeof ClaimSettings>;

export const ClaimTimerView = z.object({
  targetMinutes: z.number().int(),
  remainingMinutes: z.number().int(),
  dueAt: Timestamp.nullable().describe('When the response falls due (null while waiting for the buyer’s evidence, or once answered)'),
  paused: z.boolean(),
  stopped: z.boolean(),
  breached: z.boolean(),
});

export const ClaimSummary = z.object({
  id: Id,
  number: z.string().describe('e.g. CLM-2026-000004'),
  kind: ClaimKind,
  status: ClaimStatus,
  contract: z.object({ id: Id, number: z.string() }),
  shipment: z.object({ id: Id, number: z.string() }),
  buyerCompany: z.object({ id: Id, name: z.string() }),
  amount: MoneyView,
  settlement: z.object({ kind: SettlementKind, amount: MoneyView }).nullable(),
  filedAt: Timestamp,
  updatedAt: Timestamp,
  response: ClaimTimerView,
});
export type ClaimSummary = z.infer<typeof ClaimSummary>;

export const ClaimLineView = z.object({
  contractLineId: Id,
  lineNo: z.number().int(),
  description: z.string(),
  unit: z.string(),
  quantity: z.string().describe('Claimed'),
  shippedQuantity: z.string(),
  unitPrice: MoneyView,
  batchNo: z.string().nullable(),
});

export const ClaimEventView = z.object({
  id: Id,
  action: z.string().describe('A workflow step (ClaimAction), FILE, or NOTE'),
  fromStatus: ClaimStatus.nullable(),
  toStatus: ClaimStatus,
  note: z.string().nullable(),
  internal: z.boolean(),
  side: z.enum(['BUYER', 'STAFF']),
  actor: z.string(),
  at: Timestamp,
  responsibleParty: ResponsibleParty.optional(),
  settlement: z.object({ kind: SettlementKind, amount: MoneyView }).optional(),
  settlementReference: z.string().optional(),
  responseDueAt: Timestamp.optional(),
  evidence: z.array(Id).optional(),
  usedOn: z.string().optional().describe('The later contract a credit note was used against'),
});
export type ClaimEventView = z.infer<typeof ClaimEventView>;

export const ClaimView = ClaimSummary.extend({
  description: z.string(),
  lines: z.array(ClaimLineView),
  arrivedOn: CalendarDate.nullable(),
  periodEndsOn: CalendarDate.nullable(),
  responsibleParty: ResponsibleParty.nullable(),
  settlementDetail: z
    .object({ note: z.string().nullable(), reference: z.string().nullable(), approvedBy: z.string().nullable(), proposedByMe: z.boolean(), creditNoteOpen: z.boolean() })
    .nullable(),
  evidence: z.array(AttachmentInfo.extend({ addedAt: Timestamp })),
  timeline: z.array(ClaimEventView).describe('Oldest first; internal notes and the approval round only for staff'),
  sourceTicket: z.object({ id: Id, number: z.string() }).nullable(),
  settledAt: Timestamp.nullable(),
  paidAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  actions: z.array(ClaimAction).describe('The steps the caller may take now'),
});
export type ClaimView = z.infer<typeof ClaimView>;

/** What a buyer may claim on a shipment, shown before filing: its lines, the arrival and each kind's deadline. */
export const ClaimFilingTerms = z.object({
  contract: z.object({ id: Id, number: z.string(), currency: z.string(), claimsClause: z.string().nullable() }),
  shipment: z.object({ id: Id, number: z.string(), shippedOn: CalendarDate.nullable(), arrivedOn: CalendarDate.nullable() }),
  buyerCompany: z.object({ id: Id, name: z.string() }),
  lines: z.array(z.object({ contractLineId: Id, lineNo: z.number().int(), description: z.string(), unit: z.string(), shippedQuantity: z.string(), unitPrice: MoneyView, value: MoneyView })),
  deadlines: z.array(z.object({ kind: ClaimKind, deadline: CalendarDate.nullable(), days: z.number().int(), daysLeft: z.number().int().nullable(), open: z.boolean() })),
  today: CalendarDate,
});
export type ClaimFilingTerms = z.infer<typeof ClaimFilingTerms>;

/** A complaint ticket as a claim draft: the buyer's words and files, the contract and shipment it names. */
export const ClaimDraftView = z.object({
  sourceTicketId: Id,
  ticketNumber: z.string(),
  contractId: Id,
  shipmentId: Id,
  kind: ClaimKind,
  description: z.string(),
  evidence: z.array(AttachmentInfo),
  terms: ClaimFilingTerms,
});
export type ClaimDraftView = z.infer<typeof ClaimDraftView>;

/** Claims' money per customer for finance: accepted settlements to pay, payouts made, credit notes open. */
export const ClaimCustomerFigures = z.object({
  buyerCompany: z.object({ id: Id, name: z.string() }),
  toPay: z.array(MoneyView),
  paidOut: z.array(MoneyView),
  openCreditNotes: z.array(MoneyView),
  toPayCount: z.number().int(),
  openCreditNoteCount: z.number().int(),
});
export type ClaimCustomerFigures = z.infer<typeof ClaimCustomerFigures>;
