import { describe, expect, it } from 'vitest';
import { multipart } from './helpers.ts';
import { t, s, call, quotedInquiry } from './trade-fixture.ts';

/*
 * The outside test's findings, replayed as a page on another site would send them with the
 * victim's cookies: a text/plain POST withdrew an inquiry (200), and a multipart form accepted a
 * quote (201, a contract was issued). The portal's own pages still do both.
 */
const evil = { origin: 'https://evil.example' };

describe('a page on another site cannot act with the user’s session', () => {
  it('cannot withdraw an inquiry with a text/plain POST', async () => {
    const q = await quotedInquiry();
    const res = await t.app.inject({ method: 'POST', url: `/api/inquiries/${q.inquiryId}/withdraw`, headers: { cookie: s.buyer, ...evil, 'content-type': 'text/plain' }, payload: 'x' });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().code).toBe('CROSS_SITE');
    expect((await t.db.prisma.inquiry.findUniqueOrThrow({ where: { id: q.inquiryId } })).status).toBe('QUOTED');

    // The same request from a browser that sends only Sec-Fetch-Site.
    const fetchMeta = await t.app.inject({ method: 'POST', url: `/api/inquiries/${q.inquiryId}/withdraw`, headers: { cookie: s.buyer, 'sec-fetch-site': 'cross-site' } });
    expect(fetchMeta.statusCode).toBe(403);

    // From the portal itself it works.
    const own = await t.app.inject({ method: 'POST', url: `/api/inquiries/${q.inquiryId}/withdraw`, headers: { cookie: s.buyer, origin: 'http://portal.test', 'sec-fetch-site': 'same-origin' } });
    expect(own.statusCode, own.body).toBe(200);
  });

  it('cannot accept a quote with a multipart form, from another site or from the portal', async () => {
    const q = await quotedInquiry();
    const form = multipart([], { revisionNo: '1' });
    const foreign = await t.app.inject({ method: 'POST', url: `/api/quotes/${q.quoteId}/revisions/1/accept`, headers: { cookie: s.buyer, ...evil, ...form.headers }, payload: form.payload });
    expect(foreign.statusCode).toBe(403);
    const own = await t.app.inject({ method: 'POST', url: `/api/quotes/${q.quoteId}/revisions/1/accept`, headers: { cookie: s.buyer, origin: 'http://portal.test', ...form.headers }, payload: form.payload });
    expect(own.statusCode).toBe(415);
    expect(await t.db.prisma.salesContract.count({ where: { quoteRevision: { quoteId: q.quoteId } } })).toBe(0);
    expect((await call('POST', `/api/quotes/${q.quoteId}/revisions/1/accept`, s.buyer)).statusCode).toBe(201);
  });

  it('cannot sign someone in (login CSRF) nor rebuild the search index as an admin', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { ...evil, 'content-type': 'application/json' }, payload: { email: 'buyer@demo.example', password: 'demo-Passw0rd' } });
    expect(login.statusCode).toBe(403);
    expect(login.cookies).toEqual([]);
    const admin = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@demo.example', password: 'demo-Passw0rd' } })).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const rebuild = await t.app.inject({ method: 'POST', url: '/api/search/rebuild', headers: { cookie: admin, ...evil, 'content-type': 'text/plain' }, payload: '' });
    expect(rebuild.statusCode).toBe(403);
  });
});
