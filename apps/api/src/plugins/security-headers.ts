import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import fastifyHelmet from '@fastify/helmet';

/**
 * Security headers on every answer, the SPA and the API alike (@fastify/helmet):
 * - a strict Content-Security-Policy: scripts, styles, fonts and connections from the portal itself
 *   only, no inline script, no plugins, no framing (frame-ancestors 'none'); pictures also as data:
 *   URLs (the SPA's inline icons). The Vite build emits no inline script (the Playwright suite
 *   fails on any CSP violation on the main pages).
 * - nosniff, X-Frame-Options DENY for old browsers, Referrer-Policy no-referrer (links carry
 *   invitation tokens), HSTS only when PUBLIC_URL is https (it would pin plain-http hosts otherwise).
 * - Cache-Control: no-store on every API answer that did not choose its own: they are private or
 *   depend on who asks (prices only for approved buyers). The public catalog pictures set theirs.
 * The API docs (/api/docs, Swagger UI) run under the same policy, except that they may apply inline
 * styles, which Swagger UI writes; scripts stay the portal's own.
 */
export default fp(async function securityHeadersPlugin(app: FastifyInstance, opts: { publicUrl: string }) {
  const https = opts.publicUrl.startsWith('https://');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 63_072_000, includeSubDomains: true } : false,
    // The portal's pages load only their own resources; other sites need not embed them.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // Swagger UI writes <style> elements: its pages alone may apply inline styles (never scripts).
    if (request.url.startsWith('/api/docs')) {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
    }
    return payload;
  });
});
