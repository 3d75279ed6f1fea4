import { CurrencyCode, Id, Timestamp, optionalText, text, z } from './common.ts';
import { CalendarDate, PaymentMethod, PortCode, Quantity, UnitPriceString } from './inquiries.ts';
import { Incoterm } from './products.ts';

export const PaymentTrigger = z.enum(['CONTRACT_CONFIRMATION', 'BEFORE_SHIPMENT', 'BL_COPY', 'BL_DATE', 'SIGHT', 'ACCEPTANCE', 'INVOICE_DATE']);

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
    validUntil: CalendarDate,
    notes: optionalText(2000),
    lines: z.array(QuoteLineInput).min(1).max(200),
  })
  .superRefine((q, ctx) => {
    const sum = q.paymentTerms.reduce((s, t) => s + Math.round(Number(t.percent) * 100), 0);
    if (sum !== 10_000) ctx.addIssue({ code: 'custom', path: ['paymentTerms'], message: 'the instalments must add up to 100%' });
  });
export type QuoteDraftBody = z.input<typeof QuoteDraftBody>;

export const revisionStatuses = ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SENT', 'ACCEPTED', 'DECLINED', 'SUPERSEDED', 'EXPIRED'] as const;
export const RevisionStatus = z.enum(revisionStatuses);

const Money = z.object({ amount: z.string(), currency: z.string() });

export const QuoteLineView = z.object({
  id: Id,
  lineNo: z.number().int(),
  inquiryLineId: Id.nullable(),
  productId: Id.nullable(),
  sku: z.string().nullable(),
  description: z.string(),
  quantity: z.string(),
  unit: z.string(),
  unitPrice: Money,
  amount: Money,
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
  validUntil: z.string(),
  notes: z.string().nullable(),
  total: Money,
  lines: z.array(QuoteLineView),
  createdAt: Timestamp,
  sentAt: Timestamp.nullable(),
  pdfUrl: z.string().nullable().describe('The PI as PDF, once sent (staff: also for drafts)'),
  // Staff only (absent for buyers):
  staff: z
    .object({
      marginRate: z.string().nullable(),
      belowMarginFloor: z.boolean(),
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
  status: z.enum(['OPEN', 'ACCEPTED', 'CLOSED']),
  inquiry: z.object({ id: Id, number: z.string() }),
  buyerCompany: z.object({ id: Id, name: z.string() }),
  revisions: z.array(QuoteRevisionView).describe('Newest first; buyers see only sent revisions'),
});
export type QuoteView = z.infer<typeof QuoteView>;

export const ApprovalBody = z.strictObject({
  decision: z.enum(['APPROVE', 'REJECT']),
  comment: optionalText(1000),
}).superRefine((v, ctx) => {
  if (v.decision === 'REJECT' && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'is required to send a quote back' });
});
export type ApprovalBody = z.input<typeof ApprovalBody>;

export const CostSheetSaveBody = z.strictObject({
  seriesId: Id.optional().describe('Save as the next version of this cost sheet'),
  name: text(200),
  productId: Id.optional(),
  input: z.record(z.string(), z.unknown()).describe('A CostingInput (validated as such)'),
});

export const CostSheetView = z.object({
  id: Id,
  seriesId: Id,
  version: z.number().int(),
  name: z.string(),
  productId: Id.nullable(),
  input: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.unknown()),
  createdBy: z.string(),
  createdAt: Timestamp,
  versions: z
    .array(z.object({ id: Id, version: z.number().int(), createdBy: z.string(), createdAt: Timestamp }))
    .optional()
    .describe('Every version of this series, newest first (on the single cost sheet only)'),
});
export type CostSheetView = z.infer<typeof CostSheetView>;
export type CostSheetSaveBody = z.input<typeof CostSheetSaveBody>;

export const CostSheetListQuery = z.strictObject({
  productId: Id.optional().describe('Only the cost sheets of this product'),
});
export type CostSheetListQuery = z.input<typeof CostSheetListQuery>;

export const PendingApproval = z.object({
  quoteId: Id,
  quoteNumber: z.string(),
  revisionNo: z.number().int(),
  buyerCompany: z.string(),
  total: Money,
  marginRate: z.string().nullable(),
  marginFloorRate: z.string().nullable(),
  submittedBy: z.string(),
  submittedAt: Timestamp,
});
export type PendingApproval = z.infer<typeof PendingApproval>;
