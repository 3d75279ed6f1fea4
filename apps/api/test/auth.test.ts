import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, demoPassword, loginAs, startTestApp, type TestContext } from './helpers.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('sign in', () => {
  it.each([
    ['buyer@demo.example', 'BUYER'],
    ['buyer2@demo.example', 'BUYER'],
    ['clerk@demo.example', 'CLERK'],
    ['finance@demo.example', 'FINANCE'],
    ['manager@demo.example', 'MANAGER'],
    ['admin@demo.example', 'ADMIN'],
  ])('signs in %s as %s with httpOnly cookies', async (email, role) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: email.toUpperCase(), password: demoPassword } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email, role });
    const access = res.cookies.find((c) => c.name === 'portal_access')!;
    const refresh = res.cookies.find((c) => c.name === 'portal_refresh')!;
    expect(access).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookiesFrom(res) } });
    expect(me.json()).toMatchObject({ email, role });
  });

  it('refuses a wrong password and an unknown email with the same problem', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'buyer@demo.example', password: 'nope-nope-1' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ghost@demo.example', password: 'nope-nope-1' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', title: 'Unauthorized' });
  });

  it('names unknown and invalid fields', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email', password: 'x', remember: true } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.remember']));
  });

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('BAD_REQUEST');
  });

  it('requires a session for /me', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    const forged = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'portal_access=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.x' } });
    expect(forged.statusCode).toBe(401);
  });

  it('refuses an access token that has expired, is signed with another key, or is not signed', async () => {
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'clerk@demo.example' } });
    await loginAs(t.app, 'clerk@demo.example');
    const session = await t.db.prisma.refreshToken.findFirstOrThrow({ where: { userId: user.id, revokedAt: null }, select: { sessionId: true } });
    const claims = { sub: user.id, role: user.role, pwv: user.passwordChangedAt.getTime(), sid: session.sessionId };
    const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `portal_access=${token}` } });
    // The control: the same claims, signed by the app now, are accepted.
    expect((await me(t.app.jwt.sign(claims))).statusCode).toBe(200);
    const { createSigner } = await import('fast-jwt');
    const now = Math.floor(Date.now() / 1000);
    const expired = createSigner({ key: 'test-secret-that-is-long-enough-for-hs256-signing' })({ ...claims, iat: now - 3600, exp: now - 60 });
    const otherKey = createSigner({ key: 'another-secret-that-is-long-enough-for-hs256' })(claims);
    const unsigned = createSigner({ algorithm: 'none' })(claims);
    for (const token of [expired, otherKey, unsigned]) expect((await me(token)).statusCode, token).toBe(401);
  });
});

describe('refresh tokens', () => {
  it('rotates, and a replayed token ends every session of the user', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'finance@demo.example', password: demoPassword } });
    const first = cookiesFrom(login);
    const rotated = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: first } });
    expect(rotated.statusCode).toBe(200);
    const second = cookiesFrom(rotated);
    expect(second).not.toBe(first);
    const replay = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: first } });
    expect(replay.statusCode).toBe(401);
    // The replay revoked the rotated token too.
    const afterReplay = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: second } });
    expect(afterReplay.statusCode).toBe(401);
  });

  it('logout revokes the refresh token', async () => {
    const cookie = await loginAs(t.app, 'clerk@demo.example');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie } });
    expect(again.statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('needs the current password, ends other sessions and voids old access tokens', async () => {
    const other = await loginAs(t.app, 'purchasing@demo.example');
    const mine = await loginAs(t.app, 'purchasing@demo.example');
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: mine }, payload: { currentPassword: 'wrong', newPassword: 'Another-passw0rd' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.currentPassword');
    const weak = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: mine }, payload: { currentPassword: demoPassword, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('body.newPassword');

    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: mine }, payload: { currentPassword: demoPassword, newPassword: 'Another-passw0rd' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: other } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookiesFrom(ok) } })).statusCode).toBe(200);
    await loginAs(t.app, 'purchasing@demo.example', 'Another-passw0rd');
    const mail = await t.db.prisma.outboxEvent.findFirst({ where: { topic: 'user.password.changed' } });
    expect(mail?.payload).toMatchObject({ to: 'purchasing@demo.example' });
  });
});

describe('profile', () => {
  it('changes the name and language', async () => {
    const cookie = await loginAs(t.app, 'manager@demo.example');
    const res = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie }, payload: { locale: 'en' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().locale).toBe('en');
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie }, payload: { locale: 'fr' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.locale');
  });
});

describe('login rate limit', () => {
  it('answers 429 after too many attempts for one account', async () => {
    const limited = await startTestApp({ LOGIN_RATE_LIMIT: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'buyer@demo.example', password: 'wrong-passw0rd' } });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      // Another account from the same address is not locked out.
      const other = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'clerk@demo.example', password: demoPassword } });
      expect(other.statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('disabled accounts', () => {
  it('cannot sign in, and an open session stops working once the change reaches the API', async () => {
    const cookie = await loginAs(t.app, 'buyer2@demo.example');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    // Changed in the database directly, as another process or tool would: NOTIFY carries it here.
    await t.db.prisma.user.update({ where: { email: 'buyer2@demo.example' }, data: { status: 'DISABLED' } });
    await t.app.sessions.sync();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'buyer2@demo.example', password: demoPassword } });
    expect(res.statusCode).toBe(403);
    await t.db.prisma.user.update({ where: { email: 'buyer2@demo.example' }, data: { status: 'ACTIVE' } });
  });
});
