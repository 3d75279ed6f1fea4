import { amendmentStatuses, contractStatuses } from '@portal/domain/sales-contracts';
import { CalendarDate, Id, MoneyView, PortCode, Timestamp, text, z } from './common.ts';
import { LetterOfCreditView } from './letters-of-credit.ts';
import { Incoterm, PaymentMethod, PaymentTrigger } from './reference.ts';

/* The sales contract (sales confirmation, 销售确认书) issued when the buyer accepts a quote revision, and its amendments. */

export { contractStatuses };

/** The path of one contract. */
export const ContractParams = z.strictObject({ contractId: Id });
export const ContractStatus = z.enum(contractStatuses);

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
  unitPrice: MoneyView,
  amount: MoneyView,
  notes: z.string().nullable().describe('What was agreed for this line'),
  shipmentDate: z.string().nullable().describe('A shipment date of its own, else the contract’s'),
});

export const ContractAmendmentView = z.object({
  number: z.number().int(),
  status: z.enum(amendmentStatuses),
  reason: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  proposedBy: z.string(),
  proposedAt: Timestamp,
  confirmedBy: z.string().nullable(),
  respondedAt: Timestamp.nullable(),
});

export const SalesContractView = z.object({
  id: Id,
  number: z.string().describe('e.g. SC-2026-000042'),
  status: ContractStatus,
  quote: z.object({ id: Id, number: z.string(), revisionNo: z.number().int() }),
  inquiry: z.object({ id: Id, number: z.string() }),
  seller: ContractParty,
  buyer: ContractParty,
  currency: z.string(),
  total: MoneyView,
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
  specialTerms: z.string().nullable().describe('Special terms agreed on the accepted revision'),
  leadTimeDays: z.number().int().nullable(),
  inspection: z.string().nullable(),
  insurance: z.string().nullable(),
  claimsClause: z.string().nullable(),
  paymentMethod: PaymentMethod,
  paymentTermsText: z.string(),
  paymentTerms: z.array(z.object({ seq: z.number().int(), method: PaymentMethod, percent: z.string(), trigger: PaymentTrigger, days: z.number().int(), amount: MoneyView })),
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
  total: MoneyView,
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
    specialTerms: text(2000).optional(),
    inspection: text(1000).optional(),
    insurance: text(1000).optional(),
    claimsClause: text(2000).optional(),
  })
  .refine((c) => Object.keys(c).length > 0, { message: 'change at least one term' });

export const ProposeAmendmentBody = z.strictObject({ reason: text(1000), changes: AmendmentChanges });
export type ProposeAmendmentBody = z.input<typeof ProposeAmendmentBody>;
