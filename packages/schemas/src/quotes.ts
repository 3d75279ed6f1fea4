import { approvalDecisions, quoteStatuses, revisionStatuses } from '@portal/domain/quotes';
import { CalendarDate, CurrencyCode, Id, MoneyView, PortCode, Quantity, Timestamp, UnitPriceString, optionalText, text, z } from './common.ts';
import { Incoterm, PaymentMethod, PaymentTrigger } from './reference.ts';

export { revisionStatuses };

/** The path of one revision of a PI. */
export const RevisionParams = z.strictObject({ quoteId: Id, revisionNo: z.coerce.number().int().min(1).max(10_000).describe('Revision number, from 1') });

/** One instalment: e.g. T/T 30% on contract confirmation, then T/T 70% against the B/L copy. */
export const PaymentInstalment = z.strictObject({
  method: PaymentMethod,
  percent: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'must be a percentage, e.g. "30"'),
  trigger: PaymentTrigger,
  days: z.number().int().min(0).max(365).default(0).describe('Days after the trigger (usance, O/A, D/A)'),
});
export type PaymentInstalment = z.input<typeof PaymentInstalment>;

export const QuoteLineInput = z.strictObject({
  inquiryLineId: Id.optional(),
  productId: Id.optional(),
  costSheetId: Id.optional().describe('The saved cost sheet this price was built from'),
  description: text(500),
  quantity: Quantity,
  unit: z.string().trim().min(1).max(20),
  unitPrice: UnitPriceString,
  notes: optionalText(1000).describe('What is agreed for this line (colours, printing, its packing): it reaches the contract'),
  shipmentDate: CalendarDate.optional().describe('A shipment date of its own (e.g. the buyer’s), else the revision’s'),
});
export type QuoteLineInput = z.input<typeof QuoteLineInput>;

export const QuoteDraftBody = z
  .strictObject({
    currency: CurrencyCode,
    incoterm: Incoterm,
    namedPlace: text(100),
    portOfLoadingCode: PortCode.optional(),
    portOfDischargeCode: PortCode.optional(),
    paymentTerms: z.array(PaymentInstalment).min(1).max(4),
    leadTimeDays: z.number().int().min(1).max(365),
    shipmentDate: CalendarDate.optional(),
    packing: optionalText(1000),
    specialTerms: optionalText(2000).describe('Agreed special terms, e.g. "laser engraving, 3 colours": they reach the contract and its PDF'),
    shippingMarks: optionalText(1000),
    belowFloorReason: optionalText(1000).describe('Why a price below the margin floor should be approved: required to send such a revision'),
    validUntil: CalendarDate,
    notes: optionalText(2000),
    lines: z.array(QuoteLineInput).min(1, 'must keep at least one line').max(200),
  })
  .superRefine((q, ctx) => {
    const sum = q.paymentTerms.reduce((s, t) => s + Math.round(Number(t.percent) * 100), 0);
    if (sum !== 10_000) ctx.addIssue({ code: 'custom', path: ['paymentTerms'], message: 'the instalments must add up to 100%' });
  });
export type QuoteDraftBody = z.input<typeof QuoteDraftBody>;

/** The next revision of a PI, built from the last sent one and the buyer's latest counter-offer on it. */
export const NextRevisionBody = z.strictObject({
  take: z
    .array(z.strictObject({
      quoteLineId: Id.describe('A line of the last sent revision'),
      price: z.boolean().optional().describe('Take the buyer’s proposed unit price'),
      quantity: z.boolean().optional().describe('Take the buyer’s proposed quantity'),
      shipmentDate: z.boolean().optional().describe('Take the buyer’s proposed shipment date'),
    }))
    .max(200)
    .default([])
    .describe('Per line, what to take from the buyer’s latest counter-offer'),
  validUntil: CalendarDate.optional().describe('Default: today + the quote validity setting'),
});
export type NextRevisionBody = z.input<typeof NextRevisionBody>;

export const RevisionStatus = z.enum(revisionStatuses);

export const QuoteLineView = z.object({
  id: Id,
  lineNo: z.number().int(),
  inquiryLineId: Id.nullable(),
  productId: Id.nullable(),
  sku: z.string().nullable(),
  description: z.string(),
  quantity: z.string(),
  unit: z.string(),
  unitPrice: MoneyView,
  amount: MoneyView,
  notes: z.string().nullable(),
  shipmentDate: z.string().nullable(),
});

/** What staff see besides: cost basis and margin of each line. Never sent to buyers. */
export const QuoteLineCosting = z.object({ lineId: Id, costSheetId: Id.nullable(), marginRate: z.string().nullable(), marginFloorRate: z.string().nullable(), belowFloor: z.boolean() });

export const QuoteRevisionView = z.object({
  id: Id,
  revisionNo: z.number().int(),
  status: RevisionStatus,
  currency: z.string(),
  incoterm: Incoterm,
  namedPlace: z.string(),
  portOfLoading: z.object({ code: z.string(), name: z.string() }).nullable(),
  portOfDischarge: z.object({ code: z.string(), name: z.string() }).nullable(),
  paymentTerms: z.array(z.object({ method: PaymentMethod, percent: z.string(), trigger: PaymentTrigger, days: z.number().int() })),
  paymentTermsText: z.string(),
  leadTimeDays: z.number().int(),
  shipmentDate: z.string().nullable(),
  packing: z.string().nullable(),
  specialTerms: z.string().nullable(),
  shippingMarks: z.string().nullable(),
  validUntil: z.string(),
  notes: z.string().nullable(),
  total: MoneyView,
  lines: z.array(QuoteLineView),
  createdAt: Timestamp,
  sentAt: Timestamp.nullable(),
  pdfUrl: z.string().nullable().describe('The PI as PDF, once sent (staff: also for drafts)'),
  // Staff only (absent for buyers):
  staff: z
    .object({
      marginRate: z.string().nullable(),
      belowMarginFloor: z.boolean(),
      belowFloorReason: z.string().nullable(),
      approval: z.object({ by: z.string(), at: Timestamp, comment: z.string().nullable() }).nullable(),
      returned: z
        .object({ by: z.string(), at: Timestamp, comment: z.string() })
        .nullable()
        .optional()
        .describe('A draft a manager sent back: who, when and why (null otherwise)'),
      lines: z.array(QuoteLineCosting),
    })
    .optional(),
});
export type QuoteRevisionView = z.infer<typeof QuoteRevisionView>;

export const QuoteView = z.object({
  id: Id,
  number: z.string().describe('e.g. PI-2026-000123'),
  status: z.enum(quoteStatuses),
  inquiry: z.object({ id: Id, number: z.string() }),
  buyerCompany: z.object({ id: Id, name: z.string() }),
  revisions: z.array(QuoteRevisionView).describe('Newest first; buyers see only sent revisions'),
});
export type QuoteView = z.infer<typeof QuoteView>;

export const ApprovalBody = z.strictObject({
  decision: z.enum(approvalDecisions),
  comment: optionalText(1000),
}).superRefine((v, ctx) => {
  if (v.decision === 'REJECT' && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'is required to send a quote back' });
});
export type ApprovalBody = z.input<typeof ApprovalBody>;

export const PendingApproval = z.object({
  quoteId: Id,
  quoteNumber: z.string(),
  revisionNo: z.number().int(),
  buyerCompany: z.string(),
  total: MoneyView,
  marginRate: z.string().nullable(),
  marginFloorRate: z.string().nullable(),
  belowFloorReason: z.string().nullable().describe('The clerk’s reason for the price'),
  submittedBy: z.string(),
  submittedAt: Timestamp,
});
export type PendingApproval = z.infer<typeof PendingApproval>;
