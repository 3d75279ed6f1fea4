import { MAX_PRESENTATION_DAYS, lcDiscrepancyCodes, lcReviewDecisions, lcStatuses } from '@portal/domain/letters-of-credit';
import { CalendarDate, CurrencyCode, MoneyView, Timestamp, optionalText, text, z } from './common.ts';

/* The letter of credit of a sales contract paid by L/C: recorded by the buyer, checked by the exporter. */

export const LcStatus = z.enum(lcStatuses).describe('RECEIVED: recorded by the buyer, waiting for the exporter’s check');
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
    presentationDays: z.number().int().min(1, 'must be at least 1').max(MAX_PRESENTATION_DAYS, `must be at most ${MAX_PRESENTATION_DAYS} (UCP 600 art. 14c)`).default(MAX_PRESENTATION_DAYS).describe('Days after shipment to present the documents'),
    amount: z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'must be a positive amount written as a string, e.g. "40200.00"'),
    currency: CurrencyCode,
  })
  .describe('The letter of credit as opened by the buyer’s bank');
export type RecordLetterOfCreditBody = z.input<typeof RecordLetterOfCreditBody>;

export const ReviewLetterOfCreditBody = z
  .strictObject({
    decision: z.enum(lcReviewDecisions),
    note: optionalText(2000).describe('Required when asking for an amendment: what the buyer’s bank must change'),
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'REQUEST_AMENDMENT' && !b.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'say what the credit must change' });
  });
export type ReviewLetterOfCreditBody = z.input<typeof ReviewLetterOfCreditBody>;

export const LcDiscrepancyView = z.object({
  field: z.string(),
  code: z.enum(lcDiscrepancyCodes),
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
  amount: MoneyView.nullable(),
  requiredAmount: MoneyView.describe('The L/C share of the contract total'),
  discrepancies: z.array(LcDiscrepancyView).describe('Where the credit differs from the contract; empty when it fits'),
  reviewNote: z.string().nullable(),
  reviewedAt: Timestamp.nullable(),
  reviewedBy: z.string().nullable(),
});
export type LetterOfCreditView = z.infer<typeof LetterOfCreditView>;
