import type { FastifyRequest } from 'fastify';

/** Paths whose last segment is a secret: invitation links (the API preview and the SPA page). */
const SECRET_PATHS = /^(\/api\/invitations\/|\/invite\/)(?!accept(?:[/?]|$))[^/?#]+/;

/** The URL as the request log may keep it: invitation tokens replaced by [redacted]. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PATHS, '$1[redacted]');
}

/**
 * Pino's request serializer for Fastify's request log, with the URL redacted (whoever reads the
 * logs could otherwise take over an invitation). The same fields as Fastify's own serializer.
 */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
