import { roles } from '@portal/domain/access';
import { companyStatuses } from '@portal/domain/companies';
import { CountryCode, CurrencyCode, Email, Id, Password, Timestamp, nameText, optionalText, text, z } from './common.ts';

export { roles };
export const Role = z.enum(roles).describe('buyer, or one of the exporter staff roles');
export type Role = z.infer<typeof Role>;

export const Locale = z.enum(['en', 'zh-CN']).describe('Interface language');
export type Locale = z.infer<typeof Locale>;

export const CompanyStatus = z.enum(companyStatuses);
export type CompanyStatus = z.infer<typeof CompanyStatus>;

export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1, 'is required').max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** The signed-in user, as the SPA needs it to choose navigation and language. */
export const SessionUser = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  locale: Locale,
  isCompanyAdmin: z.boolean(),
  company: z.object({ id: Id, name: z.string(), kind: z.enum(['EXPORTER', 'BUYER']), status: CompanyStatus, country: z.string(), defaultCurrency: z.string() }),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.object({
  user: SessionUser,
  accessTokenExpiresAt: Timestamp.describe('When the access cookie expires; refresh before then'),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const RegisterCompanyBody = z.strictObject({
  company: z.strictObject({
    name: nameText(200),
    country: CountryCode,
    addressLine1: text(200),
    addressLine2: optionalText(200),
    city: text(100),
    postalCode: optionalText(20),
    taxId: optionalText(50).describe('VAT or tax id, optional'),
    website: optionalText(200),
    phone: optionalText(50),
    defaultCurrency: CurrencyCode.default('USD'),
  }),
  user: z.strictObject({
    name: nameText(100),
    email: Email,
    password: Password,
    locale: Locale.default('en'),
  }),
});
export type RegisterCompanyBody = z.input<typeof RegisterCompanyBody>;

/** The same answer whether or not the address has an account: the rest goes by mail. */
export const RegisterCompanyResponse = z
  .object({ status: z.literal('VERIFICATION_SENT'), email: z.string() })
  .describe('A link to confirm the address was mailed (or, when the address has an account, a note to its owner)');
export type RegisterCompanyResponse = z.infer<typeof RegisterCompanyResponse>;

export const VerifyEmailBody = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'is not a valid confirmation token').describe('From the link mailed at registration'),
});
export type VerifyEmailBody = z.infer<typeof VerifyEmailBody>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(200),
  newPassword: Password,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const UpdateProfileBody = z.strictObject({
  name: nameText(100).optional(),
  locale: Locale.optional(),
});
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

export const InvitationPreview = z.object({
  email: z.string(),
  companyName: z.string(),
  invitedBy: z.string(),
  expiresAt: Timestamp,
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'is not a valid invitation token');

export const AcceptInvitationBody = z.strictObject({
  token: InvitationToken,
  name: nameText(100),
  password: Password,
  locale: Locale.default('en'),
});
export type AcceptInvitationBody = z.input<typeof AcceptInvitationBody>;
