import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptInvitationBody,
  ChangePasswordBody,
  InvitationPreview,
  InvitationToken,
  LoginBody,
  Problem,
  RegisterCompanyBody,
  RegisterCompanyResponse,
  SessionResponse,
  SessionUser,
  UpdateProfileBody,
  VerifyEmailBody,
  z,
} from '@portal/schemas';
import { ACCESS_TTL_SECONDS, REFRESH_COOKIE, clearSessionCookies, requireActor, setSessionCookies } from '../../plugins/auth.ts';
import type { AuthService, NewSession } from './auth.service.ts';
import type { InvitationService } from '../users/invitations.service.ts';

type Deps = { auth: AuthService; invitations: InvitationService; cookieSecure: boolean; loginRateLimit: number };

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 429: Problem };

function meta(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'], requestId: request.id };
}

export default async function authRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** Signs the access token and sets both cookies; the body tells the SPA who is signed in. */
  async function startSession(reply: FastifyReply, session: NewSession) {
    const accessToken = await reply.jwtSign({ sub: session.user.id, role: session.user.role, pwv: session.passwordVersion, sid: session.sessionId });
    setSessionCookies(reply, accessToken, session.refreshToken, deps.cookieSecure);
    return { user: session.user, accessTokenExpiresAt: new Date(Date.now() + ACCESS_TTL_SECONDS * 1000).toISOString() };
  }

  r.post('/auth/login', {
    config: {
      access: 'public',
      rateLimit: {
        max: deps.loginRateLimit,
        timeWindow: '1 minute',
        hook: 'preHandler', // after the body is parsed: the key needs the email
        // Per address and account, so one attacker cannot lock every user out.
        keyGenerator: (req: FastifyRequest) => `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
      },
    },
    schema: { tags: ['auth'], summary: 'Sign in with email and password', body: LoginBody, response: { 200: SessionResponse, ...errors } },
    handler: async (request, reply) => startSession(reply, await deps.auth.login(request.body.email, request.body.password, meta(request))),
  });

  r.post('/auth/refresh', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: 'Exchange the refresh cookie for a new session', response: { 200: SessionResponse, ...errors } },
    handler: async (request, reply) => {
      try {
        return await startSession(reply, await deps.auth.refresh(request.cookies[REFRESH_COOKIE], meta(request)));
      } catch (err) {
        clearSessionCookies(reply, deps.cookieSecure);
        throw err;
      }
    },
  });

  r.post('/auth/logout', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Sign out: revoke the refresh token and clear the cookies', response: { 204: z.null() } },
    handler: async (request, reply) => {
      await deps.auth.logout(request.cookies[REFRESH_COOKIE], request.actor, meta(request));
      clearSessionCookies(reply, deps.cookieSecure);
      return reply.code(204).send(null);
    },
  });

  r.get('/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: SessionUser, 401: Problem } },
    handler: async (request) => deps.auth.me(requireActor(request).userId),
  });

  r.patch('/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Change your name or language', body: UpdateProfileBody, response: { 200: SessionUser, ...errors } },
    handler: async (request) => deps.auth.updateProfile(requireActor(request).userId, request.body, meta(request)),
  });

  r.post('/auth/password', {
    config: { access: 'authenticated', rateLimit: { max: deps.loginRateLimit, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: 'Change your password; signs out every other session', body: ChangePasswordBody, response: { 200: SessionResponse, ...errors } },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      return startSession(reply, await deps.auth.changePassword(actor.userId, request.body.currentPassword, request.body.newPassword, meta(request)));
    },
  });

  r.post('/auth/register', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 hour' } },
    schema: {
      tags: ['auth'],
      summary: 'Register a buyer company and its first user: a link to confirm the address is mailed; the same answer when the address has an account',
      body: RegisterCompanyBody,
      response: { 202: RegisterCompanyResponse, ...errors },
    },
    handler: async (request, reply) => {
      const { email } = await deps.auth.registerCompany(request.body, meta(request));
      return reply.code(202).send({ status: 'VERIFICATION_SENT' as const, email });
    },
  });

  r.post('/auth/verify-email', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Confirm the address with the token of the mailed link: signs the new buyer in, and the company goes to review',
      body: VerifyEmailBody,
      response: { 200: SessionResponse, ...errors },
    },
    handler: async (request, reply) => startSession(reply, await deps.auth.verifyEmail(request.body.token, meta(request))),
  });

  r.get('/invitations/:token', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Look at an invitation before accepting it',
      params: z.strictObject({ token: InvitationToken }),
      response: { 200: InvitationPreview, ...errors },
    },
    handler: async (request) => deps.invitations.preview(request.params.token),
  });

  r.post('/invitations/accept', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: 'Accept an invitation: create your account and sign in', body: AcceptInvitationBody, response: { 201: SessionResponse, ...errors } },
    handler: async (request, reply) => {
      const session = await deps.invitations.accept(request.body, meta(request));
      return reply.code(201).send(await startSession(reply, session));
    },
  });
}
