/** Every way a business rule can refuse a request; the API maps each code to one HTTP status. */
export const errorCodes = [
  'VALIDATION', // the request is malformed (400)
  'UNAUTHENTICATED', // no or expired session (401)
  'FORBIDDEN', // signed in, but this role may not (403)
  'NOT_FOUND', // absent, or not visible to this caller (404)
  'CONFLICT', // the record is in a state that does not allow this (409)
  'ALREADY_EXISTS', // a unique value is taken (409)
  'RATE_LIMITED', // too many attempts (429)
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** A refusal by a business rule, with a code, a human message and optionally the fields at fault. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: { field: string; message: string }[] | undefined;

  constructor(code: ErrorCode, message: string, fields?: { field: string; message: string }[]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
  }
}
