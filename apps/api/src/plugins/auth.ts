import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import { DomainError, assertCan, type Action, type Actor, type Role } from '@portal/domain';
import type { SessionDirectory } from '../infra/session-directory.ts';

/**
 * Who may call a route: 'public' (no session), 'authenticated' (any signed-in user), or an action of
 * the domain's access table (`can`), which names the roles; the SPA's navigation reads the same table.
 */
export type Access = 'public' | 'authenticated' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    /** sid: the session (refresh-token family) the token belongs to; it dies with the session. */
    payload: { sub: string; role: Role; pwv: number; sid: string };
    user: { sub: string; role: Role; pwv: number; sid: string };
  }
}

export const ACCESS_COOKIE = 'portal_access';
export const REFRESH_COOKIE = 'portal_refresh';
export const ACCESS_TTL_SECONDS = 15 * 60;
export const REFRESH_TTL_SECONDS = 30 * 24 * 3600;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

type AuthOptions = { sessions: SessionDirectory; jwtSecret: string; cookieSecure: boolean };

/** Actor of the current request, or 401. Use in handlers of routes that are not public. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED', 'sign in to continue');
  return request.actor;
}

/**
 * Sessions: a short-lived JWT in an httpOnly SameSite cookie, checked on every request against the
 * user's current state (so disabling a user or changing a password takes effect at once; the state
 * comes from the session directory, which the database keeps exact), and a revocable refresh token. Every route must declare `config.access`; the app refuses to start otherwise.
 */
export default fp(async function authPlugin(app: FastifyInstance, opts: AuthOptions) {
  await app.register(fastifyCookie);
  await app.register(fastifyJwt, {
    secret: opts.jwtSecret,
    cookie: { cookieName: ACCESS_COOKIE, signed: false },
    sign: { expiresIn: ACCESS_TTL_SECONDS },
  });
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    if (!route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} does not declare config.access (who may call it)`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const actor = await authenticate(request, app.jwt, opts.sessions);
    request.actor = actor;
    if (access === 'public') return;
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'sign in to continue');
    if (access !== 'authenticated') assertCan(actor, access);
  });
});

async function authenticate(request: FastifyRequest, jwt: FastifyInstance['jwt'], sessions: SessionDirectory): Promise<Actor | null> {
  const token = request.cookies[ACCESS_COOKIE];
  if (!token) return null;
  let claims: { sub: string; pwv: number; sid?: unknown };
  try {
    // The plugin's verifier, called directly: request.jwtVerify() decodes the token twice and runs a
    // callback waterfall around the same check (bench:search).
    claims = jwt.verify<{ sub: string; pwv: number; sid?: unknown }>(token);
  } catch {
    return null;
  }
  if (typeof claims.sid !== 'string') return null;
  let user = await sessions.get(claims.sub);
  // A session the kept state does not know may have begun elsewhere a moment ago: read once more.
  if (user && !user.sessionIds.includes(claims.sid)) user = await sessions.reload(claims.sub);
  if (!user || user.status !== 'ACTIVE') return null;
  // Logout and a detected refresh-token replay end the session, and with it every access token of it.
  if (!user.sessionIds.includes(claims.sid)) return null;
  // A token signed before the last password change carries an older version and is void.
  if (claims.pwv !== user.passwordVersion) return null;
  return {
    userId: user.userId, role: user.role, companyId: user.companyId, isCompanyAdmin: user.isCompanyAdmin, companyStatus: user.companyStatus, sessionId: claims.sid, locale: user.locale,
  };
}

/** Sets the two session cookies. */
export function setSessionCookies(reply: FastifyReply, accessToken: string, refreshToken: string, secure: boolean) {
  reply.setCookie(ACCESS_COOKIE, accessToken, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: ACCESS_TTL_SECONDS });
  reply.setCookie(REFRESH_COOKIE, refreshToken, { path: '/api/auth', httpOnly: true, sameSite: 'strict', secure, maxAge: REFRESH_TTL_SECONDS });
}

export function clearSessionCookies(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(ACCESS_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth', httpOnly: true, sameSite: 'strict', secure });
}
