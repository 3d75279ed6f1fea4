import { expect } from 'vitest';
import { DomainError } from './errors.ts';

/** The DomainError a rule throws; fails the test when it throws nothing or something else. */
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
