import { DomainError } from './errors.ts';

/*
 * Uploads fill a disk: without a bound, one account (or a company of many, approved or not) could
 * fill the file store. Each person and each buyer company may upload so many files and so many
 * bytes in any 24 hours.
 */

/** The bounds, per rolling 24 hours. Company bounds apply to buyer companies (all their users together). */
export type UploadQuota = { userFiles: number; userBytes: number; companyFiles: number; companyBytes: number };
/** What was uploaded in the last 24 hours, by the person and by their company (null: no company bound). */
export type UploadUsage = { user: { files: number; bytes: number }; company: { files: number; bytes: number } | null };

export const defaultUploadQuota: UploadQuota = { userFiles: 200, userBytes: 200 * 1024 * 1024, companyFiles: 500, companyBytes: 1024 * 1024 * 1024 };

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Refuses (429, naming the limit) an upload of `size` bytes that would go past a bound. */
export function assertWithinUploadQuota(usage: UploadUsage, quota: UploadQuota, size: number): void {
  const refuse = (who: string, limit: string) => {
    throw new DomainError('RATE_LIMITED', `${who} uploaded as much as allowed in 24 hours (${limit}); try again later`, [{ field: 'file', message: `exceeds the upload limit of ${limit} in 24 hours ${who === 'you have' ? 'per person' : 'per company'}` }]);
  };
  if (usage.user.files + 1 > quota.userFiles) refuse('you have', `${quota.userFiles} files`);
  if (usage.user.bytes + size > quota.userBytes) refuse('you have', mb(quota.userBytes));
  if (usage.company && usage.company.files + 1 > quota.companyFiles) refuse('your company has', `${quota.companyFiles} files`);
  if (usage.company && usage.company.bytes + size > quota.companyBytes) refuse('your company has', mb(quota.companyBytes));
}
