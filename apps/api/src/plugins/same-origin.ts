import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An upload route: takes multipart/form-data instead of JSON (still only from the portal itself). */
    multipart?: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origins the portal's own pages are served from: PUBLIC_URL's; when that is a loopback address,
 * its other loopback names on the same port too (http://127.0.0.1:3000 is the same portal as
 * http://localhost:3000, and no other site can be there).
 */
export function ownOrigins(publicUrl: string): Set<string> {
  const url = new URL(publicUrl);
  const origins = new Set([url.origin]);
  if (LOOPBACK.has(url.hostname)) {
    for (const host of LOOPBACK) origins.add(`${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`);
  }
  return origins;
}

/** Whether a request that changes state came from another site, by its Origin, else its Sec-Fetch-Site. */
export function isCrossSite(request: Pick<FastifyRequest, 'headers'>, own: Set<string>): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return !own.has(origin);
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  // Neither header: not a browser (browsers send Origin on every POST, PUT, PATCH and DELETE), so
  // not a request a browser was tricked into sending with the user's cookies.
  return false;
}

/** The media type of a Content-Type header, without its parameters, lower-case. */
function mediaType(header: string | undefined): string | undefined {
  return header?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/**
 * Cross-site request forgery: the session cookie alone (SameSite=Lax) let a page on another site
 * withdraw an inquiry with a text/plain POST, or accept a quote with a multipart form. A request
 * that changes state is refused (403) when its Origin, or without one its Sec-Fetch-Site, is not
 * the portal's own; and its body must be JSON, which a plain HTML form cannot send, except on the
 * upload routes (config.multipart), which take multipart/form-data and keep the same origin check.
 * The origin is checked first, before the session is read; the media type before the body is parsed.
 */
export default fp(async function sameOriginPlugin(app: FastifyInstance, opts: { publicUrl: string }) {
  const own = ownOrigins(opts.publicUrl);

  app.addHook('onRequest', async (request, reply) => {
    if (!STATE_CHANGING.has(request.method)) return;
    if (isCrossSite(request, own)) {
      request.log.warn({ origin: request.headers.origin, site: request.headers['sec-fetch-site'] }, 'cross-site request refused');
      return sendProblem(reply, request, 403, 'CROSS_SITE', 'this request came from another site; use the portal itself');
    }
  });

  // After the session is checked (so a caller without one hears 401 first), before the body is read.
  app.addHook('preParsing', async (request, reply, payload) => {
    if (!STATE_CHANGING.has(request.method)) return payload;
    const type = mediaType(request.headers['content-type']);
    if (type === undefined) return payload; // no body, or one Fastify refuses by itself
    const upload = request.routeOptions.config?.multipart === true;
    const accepted = upload ? type === 'multipart/form-data' : type === 'application/json';
    if (!accepted) {
      return upload
        ? sendProblem(reply, request, 415, 'UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data, in the field "file"', [{ field: 'file', message: 'is required' }])
        : sendProblem(reply, request, 415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
    }
    return payload;
  });
});
