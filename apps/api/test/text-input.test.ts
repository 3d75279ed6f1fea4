import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyIdOf, loginAs, startTestApp, type TestContext } from './helpers.ts';

/*
 * The outside test's finding: a NUL character or a lone surrogate in a name (profile, registration,
 * company) answered 500, because PostgreSQL refuses to store them. They are client input: 400
 * naming the field, nothing written. Names also refuse bidirectional overrides.
 */
let t: TestContext;
let buyer: string;
let northwind: string;

beforeAll(async () => {
  t = await startTestApp();
  buyer = await loginAs(t.app, 'buyer@demo.example');
  northwind = await companyIdOf(t.db, 'buyer@demo.example');
});
afterAll(() => t.close());

const registration = (company: Record<string, unknown>, user: Record<string, unknown>) => ({
  company: { name: 'Baltic Homewares OÜ', country: 'EE', addressLine1: 'Narva mnt 5', city: 'Tallinn', ...company },
  user: { name: 'Kadri Tamm', email: 'kadri@baltic.example', password: 'a-Long-passphrase-7391', ...user },
});

function expectField(res: { statusCode: number; body: string; json(): { code: string; errors?: { field: string; message: string }[] } }, field: string, message: RegExp) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().code).toBe('VALIDATION');
  expect(res.json().errors).toEqual([{ field, message: expect.stringMatching(message) }]);
}

describe('text the database cannot store is a 400 naming the field', () => {
  it('a NUL in the profile name', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie: buyer }, payload: { name: 'Emma\u0000Clarke' } });
    expectField(res, 'body.name', /control characters/);
  });

  it('a NUL or a lone surrogate in a registration', async () => {
    expectField(await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: registration({}, { name: 'Kadri\u0000' }) }), 'body.user.name', /control characters/);
    expectField(await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: registration({ name: 'Baltic \ud800' }, {}) }), 'body.company.name', /valid Unicode/);
    expectField(await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: registration({ city: 'Tal\u0000linn' }, {}) }), 'body.company.city', /control characters/);
    expect(await t.db.prisma.user.count({ where: { email: 'kadri@baltic.example' } })).toBe(0);
  });

  it('a lone surrogate or a bidi override in the company name', async () => {
    expectField(await t.app.inject({ method: 'PATCH', url: `/api/companies/${northwind}`, headers: { cookie: buyer }, payload: { phone: '+44 \udc00' } }), 'body.phone', /valid Unicode/);
    expectField(await t.app.inject({ method: 'PATCH', url: `/api/companies/${northwind}`, headers: { cookie: buyer }, payload: { name: 'Northwind \u202Edtl' } }), 'body.name', /bidirectional/);
    expect((await t.db.prisma.company.findUniqueOrThrow({ where: { id: northwind } })).name).toBe('Northwind Imports Ltd');
  });

  it('a NUL in a search query', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/catalog/search?q=bottle%00' });
    expectField(res, 'query.q', /control characters/);
  });
});
