import { z } from './common.ts';
import { Incoterm } from './reference.ts';

/** Business settings managers tune: how fast inquiries must be answered, the margin floor, quote validity. */
export const BusinessSettings = z.strictObject({
  responseTargetHours: z.number().int().min(1, 'must be at least 1 hour').max(720, 'must be at most 720 hours (30 days)').describe('Inquiries unanswered this long are flagged overdue'),
  marginFloorRate: z.string().regex(/^0(\.\d{1,4})?$/, 'must be a rate below 1, e.g. "0.08" for 8%').describe('Quotes with a line below this margin need a manager’s approval (products may set their own)'),
  quoteValidityDays: z.number().int().min(1).max(365).describe('Default validity of a new pro-forma quote'),
  quotedIncoterms: z
    .array(Incoterm)
    .min(1, 'quote at least one term')
    .max(11)
    .optional()
    .describe('The Incoterms the exporter quotes: the only ones the RFQ form offers and an inquiry may ask for (left as they are when omitted)'),
});
export type BusinessSettings = z.infer<typeof BusinessSettings>;

/** What anyone may read of the settings: the terms the exporter quotes. */
export const QuotedIncoterms = z.object({ quoted: z.array(Incoterm) });
