import { CalendarDate, Id, Quantity, Timestamp, UnitPriceString, optionalText, text, z } from './common.ts';
import { AttachmentInfo } from './inquiries.ts';
import { Incoterm } from './reference.ts';

/*
 * The negotiation of an inquiry: its thread (messages, counter-offers, change requests) and the
 * buyer's answers to a sent quote revision, accepting it (which issues the sales contract, see
 * sales-contracts.ts) or declining it.
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
  staff: z
    .object({
      marginRate: z.string().describe('(price − cost) / price at the counter price and quantity, against the margin floor'),
      profitRate: z.string().describe('The profit left after commission and bank charges, as a share of the price'),
      profitLoss: z.object({ amount: z.string(), currency: z.string() }).describe('Profit or loss of the line at the counter, in the cost currency'),
      floorRate: z.string(),
      belowFloor: z.boolean(),
    })
    .nullable()
    .optional()
    .describe('Staff only: what the counter means for the business (null without a cost sheet that fits)'),
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
