/**
 * Every way a request can be refused, by a business rule or at the door; the API maps each code to
 * one HTTP status (apps/api/src/plugins/errors.ts), and clients read the code.
 */
export const errorCodes = [
  'VALIDATION', // the request is malformed (400)
  'BAD_REQUEST', // the request cannot be read at all: broken JSON, a wrong form (400)
  'UNAUTHENTICATED', // no or expired session (401)
  'FORBIDDEN', // signed in, but this role may not (403)
  'CROSS_SITE', // a state change sent from another site (403)
  'NOT_FOUND', // absent, or not visible to this caller (404)
  'CONFLICT', // the record is in a state that does not allow this (409)
  'ALREADY_EXISTS', // a unique value is taken (409)
  'PAYLOAD_TOO_LARGE', // an upload or a body over its limit (413)
  'UNSUPPORTED_MEDIA_TYPE', // an upload of a type that is not taken, or not sent as a form (415)
  'RATE_LIMITED', // too many attempts (429)
  'INTERNAL', // our fault; the details are logged, never sent (500)
  'UNAVAILABLE', // a part we depend on is briefly down; try again (503, with Retry-After)
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type FieldError = { field: string; message: string };

/** A refusal by a business rule, with a code, a human message and optionally the fields at fault. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldError[]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
  }
}

/**
 * Runs a rule and names the fields it refuses as the client wrote them: a rule says `validUntil`,
 * the client sent `body.validUntil` (prefix 'body') or `body.input.vatRate` (prefix 'body.input').
 */
export function withFieldPrefix<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof DomainError && err.fields) throw new DomainError(err.code, err.message, err.fields.map((f) => ({ field: `${prefix}.${f.field}`, message: f.message })));
    throw err;
  }
}

/** One VALIDATION refusal naming every field at fault: "`summary`: body.x is …; body.y is …". */
export function validationError(errors: FieldError[], summary?: string): DomainError {
  const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
  return new DomainError('VALIDATION', summary ? `${summary}: ${detail}` : detail, errors);
}
