import { describe, expect, it } from 'vitest';
import { assertWithinUploadQuota, type UploadQuota } from './upload-quota.ts';

const quota: UploadQuota = { userFiles: 3, userBytes: 1_048_576, companyFiles: 5, companyBytes: 2_097_152 };
const usage = (user: [number, number], company: [number, number] | null = [0, 0]) => ({
  user: { files: user[0], bytes: user[1] },
  company: company ? { files: company[0], bytes: company[1] } : null,
});

describe('assertWithinUploadQuota', () => {
  it('lets an upload through while every bound holds', () => {
    expect(() => assertWithinUploadQuota(usage([2, 500_000], [4, 1_000_000]), quota, 548_576)).not.toThrow();
  });

  it('refuses past the files or bytes of a person, naming the limit', () => {
    expect(() => assertWithinUploadQuota(usage([3, 0]), quota, 1)).toThrow(expect.objectContaining({ code: 'RATE_LIMITED', fields: [{ field: 'file', message: 'exceeds the upload limit of 3 files in 24 hours per person' }] }));
    expect(() => assertWithinUploadQuota(usage([0, 1_000_000]), quota, 48_577)).toThrow(/1 MB/);
  });

  it('refuses past the files or bytes of a company, for all its users together', () => {
    expect(() => assertWithinUploadQuota(usage([0, 0], [5, 0]), quota, 1)).toThrow(expect.objectContaining({ fields: [{ field: 'file', message: 'exceeds the upload limit of 5 files in 24 hours per company' }] }));
    expect(() => assertWithinUploadQuota(usage([0, 0], [1, 2_000_000]), quota, 97_153)).toThrow(/your company has uploaded as much as allowed in 24 hours \(2 MB\)/);
  });

  it('has no company bound where none applies (the exporter’s staff)', () => {
    expect(() => assertWithinUploadQuota(usage([0, 0], null), quota, 1000)).not.toThrow();
  });
});
