import { CurrencyCode, Id, Timestamp, optionalText, text, z } from './common.ts';
import { AttachmentInfo, CalendarDate, PaymentMethod, PortCode, Quantity, UnitPriceString } from './inquiries.ts';
import { Incoterm } from './products.ts';
import { PaymentTrigger } from './quotes.ts';

/*
 * The negotiation thread of an inquiry (messages, counter-offers, change requests) and the sales
 * contract (sales confirmation, 销售确认书) created when the buyer accepts a quote revision.
 */

export const PartySide = z.enum(['BUYER', 'EXPORTER']);
export const MessageKind = z.enum(['MESSAGE', 'COUNTER_OFFER', 'CHANGE_REQUEST', 'SYSTEM']);

const RevisionNo = z.number().int().min(1).max(10_000).describe('The quote revision this refers to');

export const CounterOfferLineView = z.object({
  quoteLineId: Id,
  lineNo: z.number().int(),
  description: z.string(),
  proposedUnitPrice: z.string().optional(),
  proposedQuantity: z.string().optional(),
  proposedShipmentDate: z.string().optional(),
});

export const NegotiationMessageView = z.object({
  id: Id,
  side: PartySide,
  kind: MessageKind,
  author: z.string().describe('The author’s name'),
  body: z.string(),
  createdAt: Timestamp,
  revisionNo: z.number().int().optional().describe('The quote revision the message refers to'),
  counterOffer: z
    .object({ lines: z.array(CounterOfferLineView), paymentTermsText: z.string().optional(), incoterm: Incoterm.optional() })
    .optional(),
  attachments: z.array(AttachmentInfo),
});
export type NegotiationMessageView = z.infer<typeof NegotiationMessageView>;

export const NegotiationThread = z.object({
  inquiryId: Id,
  inquiryNumber: z.string(),
  inquiryStatus: z.string(),
  messages: z.array(NegotiationMessageView).describe('Oldest first'),
});
export type NegotiationThread = z.infer<typeof NegotiationThread>;

export const PostMessageBody = z.strictObject({
  body: text(4000),
  attachmentIds: z.array(Id).max(10, 'at most 10 attachments').default([]).describe('Files uploaded by the caller’s company, not yet attached'),
});
export type PostMessageBody = z.input<typeof PostMessageBody>;

export const CounterOfferLineInput = z
  .strictObject({
    quoteLineId: Id,
    proposedUnitPrice: UnitPriceString.optional(),
    proposedQuantity: Quantity.optional(),
    proposedShipmentDate: CalendarDate.optional(),
  })
  .refine((l) => l.proposedUnitPrice !== undefined || l.proposedQuantity !== undefined || l.proposedShipmentDate !== undefined, {
    message: 'propose a unit price, a quantity or a shipment date',
  });

export const CounterOfferBody = z
  .strictObject({
    revisionNo: RevisionNo,
    lines: z.array(CounterOfferLineInput).max(200).default([]),
    proposedPaymentTerms: optionalText(500).describe('Other payment terms, in words, e.g. "T/T 20% deposit, 80% against B/L copy"'),
    proposedIncoterm: Incoterm.optional(),
    message: optionalText(4000),
  })
  .superRefine((b, ctx) => {
    if (b.lines.length === 0 && !b.proposedPaymentTerms && !b.proposedIncoterm) {
      ctx.addIssue({ code: 'custom', path: ['lines'], message: 'propose at least one line change, payment terms or an Incoterm' });
    }
  });
export type CounterOfferBody = z.input<typeof CounterOfferBody>;

export const ChangeRequestBody = z.strictObject({ revisionNo: RevisionNo, body: text(4000) });
export type ChangeRequestBody = z.input<typeof ChangeRequestBody>;

export const DeclineBody = z.strictObject({ revisionNo: RevisionNo.optional(), reason: text(1000) });
export type DeclineBody = z.input<typeof DeclineBody>;

export const AcceptBody = z.strictObject({ revisionNo: RevisionNo.optional() }).describe('Optional: the revision number again (it is in the path)');
export type AcceptBody = z.input<typeof AcceptBody>;

// ───────────────────────────── Sales contract ─────────────────────────────

export const contractStatuses = ['ISSUED', 'CONFIRMED', 'IN_PRODUCTION', 'PARTIALLY_SHIPPED', 'SHIPPED', 'COMPLETED', 'CANCELLED'] as const;
export const ContractStatus = z.enum(contractStatuses);

const Money = z.object({ amount: z.string(), currency: z.string() });
const ContractParty = z.object({
  id: Id,
  name: z.string(),
  addressLines: z.array(z.string()),
  country: z.string(),
  taxId: z.string().nullable(),
  phone: z.string().nullable(),
});

export const ContractLineView = z.object({
  lineNo: z.number().int(),
  productId: Id.nullable(),
  description: z.string(),
  quantity: z.string(),
  unit: z.string(),
  unitPrice: Money,
  amount: Money,
});

export const ContractAmendmentView = z.object({
  number: z.number().int(),
  status: z.enum(['PROPOSED', 'CONFIRMED', 'REJECTED']),
  reason: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  proposedBy: z.string(),
  proposedAt: Timestamp,
  confirmedBy: z.string().nullable(),
  respondedAt: Timestamp.nullable(),
});

// ───────────────────────────── Letter of credit ─────────────────────────────

export const LcStatus = z.enum(['RECEIVED', 'ACCEPTED', 'AMENDMENT_REQUESTED']).describe('RECEIVED: recorded by the buyer, waiting for the exporter’s check');
export type LcStatus = z.infer<typeof LcStatus>;

/** SWIFT BIC (ISO 9362): bank 4 letters, country 2 letters, location 2, optional branch 3. */
export const Bic = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'must be a SWIFT BIC of 8 or 11 characters, e.g. DEUTDEFFXXX'));

export const RecordLetterOfCreditBody = z
  .strictObject({
    number: text(35).describe('The credit number as the issuing bank wrote it (SWIFT MT700 field 20: at most 35 characters)'),
    issuingBank: text(200).describe('The issuing bank’s name'),
    issuingBankBic: Bic.optional().describe('The issuing bank’s SWIFT BIC, 8 or 11 characters'),
    issueDate: CalendarDate,
    expiryDate: CalendarDate,
    latestShipmentDate: CalendarDate.describe('Latest shipment date stated in the credit'),
    presentationDays: z.number().int().min(1, 'must be at least 1').max(21, 'must be at most 21 (UCP 600 art. 14c)').default(21).describe('Days after shipment to present the documents'),
    amount: z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'must be a positive amount written as a string, e.g. "40200.00"'),
    currency: CurrencyCode,
  })
  .describe('The letter of credit as opened by the buyer’s bank');
export type RecordLetterOfCreditBody = z.input<typeof RecordLetterOfCreditBody>;

export const ReviewLetterOfCreditBody = z
  .strictObject({
    decision: z.enum(['ACCEPT', 'REQUEST_AMENDMENT']),
    note: optionalText(2000).describe('Required when asking for an amendment: what the buyer’s bank must change'),
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'REQUEST_AMENDMENT' && !b.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'say what the credit must change' });
  });
export type ReviewLetterOfCreditBody = z.input<typeof ReviewLetterOfCreditBody>;

export const LcDiscrepancyView = z.object({
  field: z.string(),
  code: z.enum(['CURRENCY', 'AMOUNT_SHORT', 'EXPIRES_BEFORE_SHIPMENT', 'EXPIRES_BEFORE_PRESENTATION', 'PRESENTATION_DAYS', 'SHIPMENT_EARLIER']),
  params: z.record(z.string(), z.union([z.string(), z.number()])).describe('Dates YYYY-MM-DD, amounts decimal strings'),
  message: z.string().describe('The same in English'),
});

export const LetterOfCreditView = z.object({
  status: LcStatus.nullable().describe('Null until the buyer records the credit'),
  number: z.string().nullable(),
  issuingBank: z.string().nullable(),
  issuingBankBic: z.string().nullable(),
  issueDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  latestShipmentDate: z.string().nullable(),
  presentationDays: z.number().int().nullable(),
  amount: Money.nullable(),
  requiredAmount: Money.describe('The L/C share of the contract total'),
  discrepancies: z.array(LcDiscrepancyView).describe('Where the credit differs from the contract; empty when it fits'),
  reviewNote: z.string().nullable(),
  reviewedAt: Timestamp.nullable(),
  reviewedBy: z.string().nullable(),
});
export type LetterOfCreditView = z.infer<typeof LetterOfCreditView>;

export const SalesContractView = z.object({
  id: Id,
  number: z.string().describe('e.g. SC-2026-000042'),
  status: ContractStatus,
  quote: z.object({ id: Id, number: z.string(), revisionNo: z.number().int() }),
  inquiry: z.object({ id: Id, number: z.string() }),
  seller: ContractParty,
  buyer: ContractParty,
  currency: z.string(),
  total: Money,
  lines: z.array(ContractLineView),
  incoterm: Incoterm,
  namedPlace: z.string(),
  portOfLoading: z.object({ code: z.string(), name: z.string() }).nullable(),
  portOfDischarge: z.object({ code: z.string(), name: z.string() }).nullable(),
  latestShipmentDate: z.string(),
  partialShipmentAllowed: z.boolean(),
  transhipmentAllowed: z.boolean(),
  packing: z.string().nullable(),
  shippingMarks: z.string().nullable(),
  inspection: z.string().nullable(),
  insurance: z.string().nullable(),
  claimsClause: z.string().nullable(),
  paymentMethod: PaymentMethod,
  paymentTermsText: z.string(),
  paymentTerms: z.array(z.object({ seq: z.number().int(), method: PaymentMethod, percent: z.string(), trigger: PaymentTrigger, days: z.number().int(), amount: Money })),
  lc: LetterOfCreditView.nullable().describe('Letter-of-credit details, when paid by L/C'),
  amendmentNo: z.number().int(),
  amendments: z.array(ContractAmendmentView),
  issuedAt: Timestamp,
  confirmedAt: Timestamp.nullable(),
  confirmedBy: z.string().nullable(),
  pdfUrl: z.string(),
});
export type SalesContractView = z.infer<typeof SalesContractView>;

export const ContractSummary = z.object({
  id: Id,
  number: z.string(),
  status: ContractStatus,
  buyerCompany: z.object({ id: Id, name: z.string() }),
  total: Money,
  incoterm: Incoterm,
  namedPlace: z.string(),
  latestShipmentDate: z.string(),
  amendmentNo: z.number().int(),
  issuedAt: Timestamp,
  confirmedAt: Timestamp.nullable(),
});
export type ContractSummary = z.infer<typeof ContractSummary>;

export const ContractListQuery = z.strictObject({ status: ContractStatus.optional() });
export type ContractListQuery = z.input<typeof ContractListQuery>;

export const ConfirmContractBody = z.strictObject({}).describe('No fields: the buyer confirms the contract as issued');
export type ConfirmContractBody = z.input<typeof ConfirmContractBody>;

export const AmendmentChanges = z
  .strictObject({
    latestShipmentDate: CalendarDate.optional(),
    portOfLoadingCode: PortCode.optional(),
    portOfDischargeCode: PortCode.optional(),
    partialShipmentAllowed: z.boolean().optional(),
    transhipmentAllowed: z.boolean().optional(),
    packing: text(1000).optional(),
    shippingMarks: text(1000).optional(),
    inspection: text(1000).optional(),
    insurance: text(1000).optional(),
    claimsClause: text(2000).optional(),
  })
  .refine((c) => Object.keys(c).length > 0, { message: 'change at least one term' });

export const ProposeAmendmentBody = z.strictObject({ reason: text(1000), changes: AmendmentChanges });
export type ProposeAmendmentBody = z.input<typeof ProposeAmendmentBody>;
