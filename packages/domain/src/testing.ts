import { expect } from 'vitest';
import type { Actor } from './access.ts';
import { CN_2025 } from './banking-days.examples.ts';
import { DomainError } from './errors.ts';
import { workingHours } from './working-time.ts';

/*
 * Shared by the domain's tests: the refusal (or conflict) a rule throws, the demo actors, the exporter's office
 * hours. Not exported from the package index.
 */

/** Runs a guard that must refuse, and returns its DomainError (any other throw, or none, fails the test). */
export function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

/** The message of the CONFLICT a rule throws; fails the test when it throws nothing or another code. */
export function conflict(run: () => unknown): string {
  const err = refusal(run);
  expect(err.code).toBe('CONFLICT');
  return err.message;
}

/** A buyer of Northwind Imports Ltd, a buyer of Rheinland Handel GmbH, and the exporter's staff. */
export const actors = {
  buyer: { userId: 'b1', role: 'BUYER', companyId: 'nw', isCompanyAdmin: false },
  otherBuyer: { userId: 'b2', role: 'BUYER', companyId: 'rh', isCompanyAdmin: false },
  clerk: { userId: 'c1', role: 'CLERK', companyId: 'exp', isCompanyAdmin: false },
  manager: { userId: 'm1', role: 'MANAGER', companyId: 'exp', isCompanyAdmin: false },
  manager2: { userId: 'm2', role: 'MANAGER', companyId: 'exp', isCompanyAdmin: false },
  finance: { userId: 'f1', role: 'FINANCE', companyId: 'exp', isCompanyAdmin: false },
  admin: { userId: 'a1', role: 'ADMIN', companyId: 'exp', isCompanyAdmin: false },
} as const satisfies Record<string, Actor>;

/** The exporter's office in Ningbo: 09:00–18:00 Beijing time (UTC+8) on Chinese business days of 2025. */
export const ningboOffice = workingHours({ calendar: CN_2025, utcOffsetMinutes: 480, opensAt: '09:00', closesAt: '18:00' });

/** An instant given in Beijing local time ("2025-01-24T16:00:00"). */
export function beijing(local: string): Date {
  return new Date(`${local}+08:00`);
}
