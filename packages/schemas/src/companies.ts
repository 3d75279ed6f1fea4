import { companyDecisions } from '@portal/domain/companies';
import { CompanyStatus } from './auth.ts';
import { CountryCode, CurrencyCode, DecimalString, Id, Paging, Timestamp, nameText, optionalText, pageOf, searchText, text, z } from './common.ts';

export const CompanySummary = z.object({
  id: Id,
  name: z.string(),
  country: z.string(),
  city: z.string(),
  status: CompanyStatus,
  defaultCurrency: z.string(),
  userCount: z.number().int(),
  createdAt: Timestamp,
});
export type CompanySummary = z.infer<typeof CompanySummary>;

/** A company admin's change of the company's identity, waiting for a manager. */
export const PendingIdentityChange = z
  .object({
    name: z.string().optional(),
    country: z.string().optional(),
    taxId: z.string().optional(),
    requestedBy: z.string().describe('Name of the company admin who asked'),
    requestedAt: Timestamp,
  })
  .describe('Until a manager approves it, the company keeps (and documents show) its approved name, country and tax id');
export type PendingIdentityChange = z.infer<typeof PendingIdentityChange>;

export const CompanyDetail = CompanySummary.extend({
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  postalCode: z.string().nullable(),
  taxId: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  creditTermsDays: z.number().int().nullable(),
  creditLimit: z.object({ amount: DecimalString, currency: z.string() }).nullable(),
  statusReason: z.string().nullable(),
  reviewedAt: Timestamp.nullable(),
  reviewedBy: z.string().nullable().describe('Name of the manager who decided'),
  pendingIdentityChange: PendingIdentityChange.nullable(),
});
export type CompanyDetail = z.infer<typeof CompanyDetail>;

export const CompanyListQuery = Paging.extend({
  status: CompanyStatus.optional(),
  q: searchText(100).optional().describe('Part of the company name'),
});
export type CompanyListQuery = z.input<typeof CompanyListQuery>;

export const CompanyPage = pageOf(CompanySummary);
export type CompanyPage = z.infer<typeof CompanyPage>;

export const CompanyDecision = z.enum(companyDecisions);

export const ReviewCompanyBody = z
  .strictObject({
    decision: CompanyDecision,
    reason: optionalText(500).describe('Shown to the buyer; required to reject or suspend'),
    creditTermsDays: z.number().int().min(0).max(365).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.decision === 'REJECT' || v.decision === 'SUSPEND') && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required to reject or suspend a company' });
    }
  });
export type ReviewCompanyBody = z.input<typeof ReviewCompanyBody>;

export const ReviewIdentityChangeBody = z
  .strictObject({
    decision: z.enum(['APPROVE', 'REJECT']),
    reason: optionalText(500).describe('Shown to the company admins; required to reject'),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'REJECT' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required to reject a change' });
  });
export type ReviewIdentityChangeBody = z.input<typeof ReviewIdentityChangeBody>;

/** Name, country and tax id of an approved company change only after a manager's review. */
export const UpdateCompanyBody = z.strictObject({
  name: nameText(200).optional(),
  addressLine1: text(200).optional(),
  addressLine2: optionalText(200),
  city: text(100).optional(),
  postalCode: optionalText(20),
  country: CountryCode.optional(),
  taxId: optionalText(50),
  website: optionalText(200),
  phone: optionalText(50),
  defaultCurrency: CurrencyCode.optional(),
});
export type UpdateCompanyBody = z.input<typeof UpdateCompanyBody>;
