import { ApiError } from './api.ts';
import type { MessageKey } from './messages.ts';

type Say = (key: MessageKey, values?: Record<string, string | number>) => string;

/** What a failed request means to a reader, by the API's status and code, never by its developer text. */
export type Failure = 'network' | 'server' | 'unavailable' | 'signIn' | 'forbidden' | 'notFound' | 'invalid' | 'rateLimited' | 'refused';

/**
 * A request refused for a malformed path parameter (a broken link such as /contracts/123) is a record
 * that is not there, as far as the reader is concerned: "not found", not "params.contractId Invalid UUID".
 */
function isBrokenLink(err: ApiError): boolean {
  return err.status === 400 && err.fieldErrors.length > 0 && err.fieldErrors.every((f) => f.field.startsWith('params.'));
}

export function failureOf(err: unknown): Failure {
  if (!(err instanceof ApiError)) return 'server';
  if (err.status === 0) return 'network';
  if (err.status === 503) return 'unavailable';
  if (err.status >= 500) return 'server';
  if (err.status === 401) return 'signIn';
  if (err.status === 403) return 'forbidden';
  if (err.status === 404 || isBrokenLink(err)) return 'notFound';
  if (err.status === 429) return 'rateLimited';
  if (err.status === 400) return 'invalid';
  return 'refused';
}

/** Trying again helps only when the portal or the network failed, not when the request itself was refused. */
export function isRetryable(err: unknown): boolean {
  const failure = failureOf(err);
  return failure === 'network' || failure === 'server' || failure === 'unavailable';
}

/**
 * The reader's sentence for a failed request. A refusal by a business rule (409: "the quote has
 * expired") is written for people and is shown as it is; anything else is worded here.
 */
export function errorText(err: unknown, t: Say): string {
  const failure = failureOf(err);
  if (failure === 'refused' && err instanceof ApiError && err.message) return err.message;
  return t(`errors.${failure}`);
}

// zod's own wording ("Too small: expected string to have >=1 characters", "Invalid UUID") is for
// developers; a field error that reads like it is worded per kind instead.
const zodWording = /^(Invalid|Too small|Too big|Required|Expected|Unrecognized|Number must|String must|is not a known field|must match)/i;

/** A field's error in the reader's words: the API's human rule text as it is, zod's developer text by kind. */
export function fieldErrorText(message: string, kind: string | undefined, t: Say): string {
  if (!zodWording.test(message) && kind !== 'invalid_type') return message;
  if (kind === 'too_small' || /too small|>=|at least/i.test(message)) return /expected string/i.test(message) ? t('errors.field.tooShort') : t('errors.field.tooSmall');
  if (kind === 'too_big' || /too big|<=|at most/i.test(message)) return /expected string/i.test(message) ? t('errors.field.tooLong') : t('errors.field.tooBig');
  if (kind === 'invalid_type' || /required|received undefined/i.test(message)) return t('errors.field.required');
  if (/email/i.test(message)) return t('errors.field.email');
  if (/url/i.test(message)) return t('errors.field.url');
  if (/date/i.test(message)) return t('errors.field.date');
  if (/not a known field/i.test(message)) return t('errors.field.unknown');
  return t('errors.field.invalid');
}
