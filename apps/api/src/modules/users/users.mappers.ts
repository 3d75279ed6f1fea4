import type { PendingInvitation, UserSummary } from '@portal/schemas';

type UserRow = { id: string; email: string; name: string; role: UserSummary['role']; isCompanyAdmin: boolean; status: 'ACTIVE' | 'DISABLED'; lastLoginAt: Date | null; createdAt: Date };
type InvitationRow = { id: string; email: string; expiresAt: Date; createdAt: Date; invitedBy: { name: string } };

export function toUserSummary(u: UserRow): UserSummary {
  return { ...u, lastLoginAt: u.lastLoginAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString() };
}

export function toPendingInvitation(i: InvitationRow): PendingInvitation {
  return { id: i.id, email: i.email, invitedBy: i.invitedBy.name, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() };
}
