import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, loginAs, startTestApp, type TestContext } from './helpers.ts';

/*
 * The outside test's finding: registration accepted password123. Every new password (registration,
 * invitation, password change, staff account) is checked against common and breached passwords.
 */
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const weak = (res: { statusCode: number; body: string; json(): { errors?: { field: string; message: string }[] } }, field: string) => {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().errors).toEqual([{ field, message: expect.stringMatching(/commonly used password|too easy to guess/) }]);
};

describe('new passwords are checked against common and breached passwords', () => {
  it('at registration', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/auth/register',
      payload: {
        company: { name: 'Weak Passwords Ltd', country: 'GB', addressLine1: '1 High Street', city: 'Leeds' },
        user: { name: 'Sam Weak', email: 'sam@weak.example', password: 'password123' },
      },
    });
    weak(res, 'body.user.password');
    expect(await t.db.prisma.company.count({ where: { name: 'Weak Passwords Ltd' } })).toBe(0);
  });

  it('at a password change', async () => {
    const cookie = await loginAs(t.app, 'buyer2@demo.example');
    weak(await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: demoPassword, newPassword: 'Qwerty123456' } }), 'body.newPassword');
  });

  it('for a new staff account', async () => {
    const cookie = await loginAs(t.app, 'admin@demo.example');
    weak(await t.app.inject({ method: 'POST', url: '/api/staff', headers: { cookie }, payload: { email: 'new.clerk@harbour.example', name: 'New Clerk', role: 'CLERK', password: 'Welcome2024' } }), 'body.password');
  });
});
