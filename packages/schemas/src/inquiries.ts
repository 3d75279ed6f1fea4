import { inquiryStatuses } from '@portal/domain/inquiries';
import { CalendarDate, CountryCode, CurrencyCode, Id, MoneyView, PortCode, Quantity, Timestamp, UnitPriceString, optionalText, text, z } from './common.ts';
import { Incoterm, PaymentMethod } from './reference.ts';

export { inquiryStatuses };

export const InquiryStatus = z.enum(inquiryStatuses);
export type InquiryStatus = z.infer<typeof InquiryStatus>;

export const InquiryLineInput = z.strictObject({
  productId: Id.optional().describe('Catalog product; its MOQ and unit apply'),
  description: text(500).describe('What is wanted: the product name, or a description of a non-catalog item'),
  quantity: Quantity,
  unit: text(20).optional().describe("Defaults to the product's unit; required for a non-catalog item"),
  targetPrice: UnitPriceString.optional().describe('The price the buyer hopes for, per unit, in the inquiry currency'),
});
export type InquiryLineInput = z.input<typeof InquiryLineInput>;

export const CreateInquiryBody = z.strictObject({
  lines: z.array(InquiryLineInput).min(1, 'add at least one product').max(50, 'at most 50 lines'),
  incoterm: Incoterm,
  namedPlace: text(100).describe('The named place of the Incoterm, e.g. "Ningbo" for FOB or "Hamburg" for CIF'),
  destinationCountry: CountryCode,
  destinationPortCode: PortCode.optional(),
  currency: CurrencyCode,
  preferredPaymentMethod: PaymentMethod.optional(),
  preferredPaymentTerms: optionalText(200),
  requiredShipmentDate: CalendarDate.optional().describe('Latest acceptable shipment date'),
  packingRequirements: optionalText(1000),
  certificationRequirements: optionalText(1000),
  message: optionalText(4000),
  attachmentIds: z.array(Id).max(10, 'at most 10 attachments').default([]),
});
export type CreateInquiryBody = z.input<typeof CreateInquiryBody>;

export const AttachmentInfo = z.object({ id: Id, fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), createdAt: Timestamp });
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

export const InquirySummary = z.object({
  id: Id,
  number: z.string().describe('e.g. INQ-2026-000012'),
  status: InquiryStatus,
  buyerCompany: z.object({ id: Id, name: z.string(), country: z.string() }),
  createdBy: z.string(),
  assignedTo: z.string().nullable(),
  lineCount: z.number().int(),
  firstLine: z.string(),
  incoterm: Incoterm,
  namedPlace: z.string(),
  currency: z.string(),
  submittedAt: Timestamp,
  firstResponseAt: Timestamp.nullable(),
  responseDueAt: Timestamp.describe('submittedAt + the response target'),
  overdue: z.boolean().describe('Unanswered past the response target'),
  latestQuote: z.object({ id: Id, number: z.string(), revisionNo: z.number().int(), status: z.string(), total: MoneyView, validUntil: z.string() }).nullable(),
});
export type InquirySummary = z.infer<typeof InquirySummary>;

export const InquiryListQuery = z.strictObject({
  status: InquiryStatus.optional(),
  scope: z.enum(['open', 'all']).default('open').describe('open: not yet accepted, declined, expired or withdrawn'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type InquiryListQuery = z.input<typeof InquiryListQuery>;

export const InquiryPage = z.object({ items: z.array(InquirySummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), responseTargetHours: z.number() });
export type InquiryPage = z.infer<typeof InquiryPage>;

export const InquiryLine = z.object({
  id: Id,
  lineNo: z.number().int(),
  productId: Id.nullable(),
  sku: z.string().nullable(),
  description: z.string(),
  quantity: z.string(),
  unit: z.string(),
  moq: z.string().nullable(),
  targetPrice: MoneyView.nullable(),
});
export type InquiryLine = z.infer<typeof InquiryLine>;

export const InquiryDetail = InquirySummary.extend({
  destinationCountry: z.string(),
  destinationPort: z.object({ code: z.string(), name: z.string() }).nullable(),
  preferredPaymentMethod: PaymentMethod.nullable(),
  preferredPaymentTerms: z.string().nullable(),
  requiredShipmentDate: z.string().nullable(),
  packingRequirements: z.string().nullable(),
  certificationRequirements: z.string().nullable(),
  message: z.string().nullable(),
  lines: z.array(InquiryLine),
  attachments: z.array(AttachmentInfo),
  quotes: z.array(z.object({ id: Id, number: z.string() })).describe('Pro-forma quotes of this inquiry; fetch each for its revisions'),
});
export type InquiryDetail = z.infer<typeof InquiryDetail>;

export const AssignInquiryBody = z.strictObject({ clerkId: Id.describe('An active clerk or manager') });
export type AssignInquiryBody = z.input<typeof AssignInquiryBody>;

// ── The buyer's inquiry list: products collected to ask for in one inquiry, kept on the account

export const InquiryListItemView = z.object({
  productId: Id,
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  moq: z.string(),
  quantity: z.string(),
  addedAt: Timestamp,
  /** False when the product was withdrawn from the catalog since: it cannot be asked for. */
  available: z.boolean(),
  /** The quantity is below the product's MOQ: the inquiry would be refused for it. */
  belowMoq: z.boolean(),
});
export type InquiryListItemView = z.infer<typeof InquiryListItemView>;

export const InquiryListView = z.object({ items: z.array(InquiryListItemView), limit: z.number().int() });
export type InquiryListView = z.infer<typeof InquiryListView>;

export const PutInquiryListItemBody = z.strictObject({ quantity: Quantity });
export const InquiryListParams = z.strictObject({ productId: Id });
