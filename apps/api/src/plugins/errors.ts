import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode } from '@portal/domain';
import { Prisma, isDatabaseUnavailable } from '@portal/db';

/** The one map from error codes to HTTP statuses. */
const statusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CROSS_SITE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** The code of one of Fastify's own client errors (malformed JSON, wrong content type, body too large, rate limit), by its status. */
function codeOfStatus(status: number): ErrorCode {
  if (status === 429) return 'RATE_LIMITED';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  return 'BAD_REQUEST';
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

type FieldError = { field: string; message: string };

/** Sends an RFC 9457 problem+json body; the only shape an error leaves the API in. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, status: number, code: ErrorCode, detail: string, errors?: FieldError[]) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `https://portal.example/problems/${code.toLowerCase().replace(/_/g, '-')}`,
      title: titles[status] ?? 'Error',
      status,
      code,
      detail,
      requestId: request.id,
      ...(errors && errors.length ? { errors } : {}),
    });
}

const contextNames: Record<string, string> = { querystring: 'query', body: 'body', params: 'params', headers: 'headers' };

/** Names a field the way a client wrote it: body.company.name, query.page. */
function fieldName(context: string | undefined, instancePath: string): string {
  const prefix = contextNames[context ?? 'body'] ?? 'body';
  const rest = instancePath.replace(/^\//, '').replace(/\//g, '.');
  return rest ? `${prefix}.${rest}` : prefix;
}

/** Turns every thrown error into problem+json; a 5xx never shows internals. */
export default fp(async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors: FieldError[] = [];
      for (const v of err.validation) {
        const params = v.params as { keys?: string[] };
        // An unrecognised key is named by its own path, so the client sees which field to drop.
        if (v.keyword === 'unrecognized_keys' && params.keys) {
          for (const key of params.keys) {
            errors.push({ field: fieldName(err.validationContext, `${v.instancePath}/${key}`.replace(/^\/\//, '/')), message: 'is not a known field' });
          }
        } else {
          errors.push({ field: fieldName(err.validationContext, v.instancePath), message: v.message ?? 'is invalid' });
        }
      }
      const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
      return sendProblem(reply, request, 400, 'VALIDATION', detail, errors);
    }
    if (err instanceof DomainError) {
      return sendProblem(reply, request, statusOf[err.code], err.code, err.message, err.fields);
    }
    if (err instanceof Prisma.PrismaClientKnownRequestError) {
      if (err.code === 'P2002') return sendProblem(reply, request, 409, 'ALREADY_EXISTS', 'a record with this value already exists');
      if (err.code === 'P2025') return sendProblem(reply, request, 404, 'NOT_FOUND', 'record not found');
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large, rate limit.
      const code = codeOfStatus(status);
      const detail = status === 429 ? 'too many attempts; wait a minute and try again' : err.message;
      const headers = (err as { headers?: Record<string, string> }).headers;
      if (status === 429 && headers) reply.headers(headers);
      return sendProblem(reply, request, status, code, detail);
    }
    if (isDatabaseUnavailable(err)) {
      // A lost or unobtainable database connection: the request may be repeated in a moment.
      request.log.warn({ err }, 'database unavailable');
      reply.header('retry-after', '2');
      return sendProblem(reply, request, 503, 'UNAVAILABLE', 'the database is briefly unavailable; try again in a moment');
    }
    request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, request, 500, 'INTERNAL', 'something went wrong on our side; the error has been logged');
  });
});
