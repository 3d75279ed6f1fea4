import type { Role } from './access.ts';
import type { CompanyStatus } from './companies.ts';
import { DomainError } from './errors.ts';

/*
 * A company's identity is what a manager checked when approving it and what contracts and pro-forma
 * invoices name: its name, country and tax id. A company admin who changes it on an approved (or
 * suspended) company asks for a change; a manager approves or rejects it, and until then the
 * approved identity stands. The exporter's admins correct it directly; before the first approval
 * the whole company is still under review.
 */

export const identityFields = ['name', 'country', 'taxId'] as const;
export type IdentityField = (typeof identityFields)[number];
export type CompanyIdentity = { name: string; country: string; taxId: string | null };

/** The identity fields a request would change: those given with a value other than the current one. */
export function identityChanges(current: CompanyIdentity, requested: Partial<Record<IdentityField, string | null | undefined>>): Partial<CompanyIdentity> {
  const changes: Partial<CompanyIdentity> = {};
  for (const field of identityFields) {
    const value = requested[field];
    if (value === undefined || value === (current[field] ?? null)) continue;
    (changes as Record<string, unknown>)[field] = value;
  }
  return changes;
}

/** Whether a change of identity waits for a manager: a buyer changing a company that was approved. */
export function identityChangeNeedsReview(role: Role, companyStatus: CompanyStatus): boolean {
  return role === 'BUYER' && (companyStatus === 'APPROVED' || companyStatus === 'SUSPENDED');
}

/** A manager's decision needs a change waiting for one. */
export function assertIdentityChangePending(pending: unknown): asserts pending {
  if (!pending) throw new DomainError('CONFLICT', 'no change of the company’s name, country or tax id is waiting for review');
}
