import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { errorText, failureOf, fieldErrorText, isRetryable } from './errors.ts';
import { en } from './messages.ts';

const t = (key: keyof typeof en) => en[key];

describe('errors in the reader\'s words', () => {
  it('reads a malformed id in the address as "not found", and only network and server failures as worth retrying', () => {
    const brokenLink = new ApiError(400, 'VALIDATION', 'params.contractId Invalid UUID', [{ field: 'params.contractId', message: 'Invalid UUID' }]);
    expect(failureOf(brokenLink)).toBe('notFound');
    expect(failureOf(new ApiError(400, 'VALIDATION', 'body.name Too small', [{ field: 'body.name', message: 'Too small' }]))).toBe('invalid');
    expect([0, 500, 503].map((s) => isRetryable(new ApiError(s, 'X', 'x')))).toEqual([true, true, true]);
    expect([400, 403, 404, 409].map((s) => isRetryable(new ApiError(s, 'X', 'x')))).toEqual([false, false, false, false]);
  });

  it('never shows the API\'s developer text for a malformed request or a server failure, but keeps a business rule\'s own sentence', () => {
    expect(errorText(new ApiError(400, 'VALIDATION', 'body.lines.0.quantity Invalid input'), t)).toBe(en['errors.invalid']);
    expect(errorText(new ApiError(500, 'INTERNAL', 'TypeError at x.ts:12'), t)).toBe(en['errors.server']);
    expect(errorText(new ApiError(409, 'CONFLICT', 'the quote has expired'), t)).toBe('the quote has expired');
  });

  it('words zod\'s messages per kind and leaves a rule\'s own words alone', () => {
    expect(fieldErrorText('Too small: expected string to have >=1 characters', 'too_small', t)).toBe('Too short.');
    expect(fieldErrorText('Invalid email address', undefined, t)).toBe(en['errors.field.email']);
    expect(fieldErrorText('Invalid input: expected string, received undefined', undefined, t)).toBe('Please fill this in.');
    expect(fieldErrorText('Invalid UUID', undefined, t)).toBe('This value is not valid.');
    expect(fieldErrorText('is below the MOQ of 500 pc', undefined, t)).toBe('is below the MOQ of 500 pc');
  });
});
