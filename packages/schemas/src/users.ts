import { staffRoles, userStatuses } from '@portal/domain/access';
import { Locale, Role } from './auth.ts';
import { Email, Id, Password, Timestamp, nameText, z } from './common.ts';

export const UserStatus = z.enum(userStatuses);

export const UserSummary = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  isCompanyAdmin: z.boolean(),
  status: UserStatus,
  lastLoginAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type UserSummary = z.infer<typeof UserSummary>;

export const PendingInvitation = z.object({
  id: Id,
  email: z.string(),
  invitedBy: z.string(),
  expiresAt: Timestamp,
  createdAt: Timestamp,
});
export type PendingInvitation = z.infer<typeof PendingInvitation>;

export const CompanyUsers = z.object({
  users: z.array(UserSummary),
  invitations: z.array(PendingInvitation),
});
export type CompanyUsers = z.infer<typeof CompanyUsers>;

export const InviteBody = z.strictObject({ email: Email });
export type InviteBody = z.infer<typeof InviteBody>;

export const UpdateCompanyUserBody = z.strictObject({
  status: UserStatus.optional(),
  isCompanyAdmin: z.boolean().optional(),
});
export type UpdateCompanyUserBody = z.infer<typeof UpdateCompanyUserBody>;

export { staffRoles };
export const StaffRole = z.enum(staffRoles);

export const CreateStaffBody = z.strictObject({
  email: Email,
  name: nameText(100),
  role: StaffRole,
  password: Password,
  locale: Locale.default('zh-CN'),
});
export type CreateStaffBody = z.input<typeof CreateStaffBody>;

export const UpdateStaffBody = z.strictObject({
  role: StaffRole.optional(),
  status: UserStatus.optional(),
});
export type UpdateStaffBody = z.infer<typeof UpdateStaffBody>;
