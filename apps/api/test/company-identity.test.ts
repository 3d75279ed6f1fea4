import { beforeAll, describe, expect, it } from 'vitest';
import { companyIdOf, loginAs } from './helpers.ts';
import { t, s, call, quotedInquiry } from './trade-fixture.ts';

/*
 * The outside test's finding: a company admin changed an approved company's identity (name,
 * country, tax id) with no review, and the company stayed approved. Now such a change waits for a
 * manager; until it is approved, the approved identity stands, on documents too.
 */
let northwind: string;
let contractId: string;
const patch = (cookie: string, body: object) => t.app.inject({ method: 'PATCH', url: `/api/companies/${northwind}`, headers: { cookie }, payload: body });
const review = (cookie: string, body: object) => t.app.inject({ method: 'POST', url: `/api/companies/${northwind}/identity-change/review`, headers: { cookie }, payload: body });
const company = () => t.db.prisma.company.findUniqueOrThrow({ where: { id: northwind } });

beforeAll(async () => {
  northwind = await companyIdOf(t.db, 'buyer@demo.example');
  const q = await quotedInquiry();
  const accepted = await call('POST', `/api/quotes/${q.quoteId}/revisions/1/accept`, s.buyer);
  expect(accepted.statusCode, accepted.body).toBe(201);
  contractId = accepted.json().id;
});

describe('a company admin changes the identity of an approved company', () => {
  it('the name, country and tax id wait for a manager; other details change at once', async () => {
    const res = await patch(s.buyer, { name: 'Northwind Trading Ltd', country: 'IE', taxId: 'IE9999999X', phone: '+44 1394 111222' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Northwind Imports Ltd', country: 'GB', status: 'APPROVED', phone: '+44 1394 111222',
      pendingIdentityChange: { name: 'Northwind Trading Ltd', country: 'IE', taxId: 'IE9999999X', requestedBy: 'Emma Clarke' },
    });
    expect(await company()).toMatchObject({ name: 'Northwind Imports Ltd', country: 'GB', status: 'APPROVED', phone: '+44 1394 111222' });
    expect(await t.db.prisma.auditLog.count({ where: { action: 'company.identity.request', entityId: northwind } })).toBe(1);
    const notes = await t.db.prisma.notification.findMany({ where: { kind: 'company.identity.request' }, select: { user: { select: { email: true } }, link: true } });
    expect(notes.map((n) => n.user.email).sort()).toEqual(['admin@demo.example', 'manager@demo.example']);
    expect(notes[0]!.link).toBe(`/staff/companies/${northwind}`);
  });

  it('until a manager approves, documents carry the approved identity', async () => {
    const contract = await call('GET', `/api/contracts/${contractId}`, s.buyer);
    expect(contract.json().buyer).toMatchObject({ name: 'Northwind Imports Ltd', country: 'United Kingdom' });
    // The buyer sees the pending change on their company page.
    const own = await call('GET', `/api/companies/${northwind}`, s.buyer);
    expect(own.json().pendingIdentityChange).toMatchObject({ name: 'Northwind Trading Ltd' });
  });

  it('only a manager (or admin) decides', async () => {
    for (const cookie of [s.buyer, s.clerk]) expect((await review(cookie, { decision: 'APPROVE' })).statusCode).toBe(403);
    const noReason = await review(s.manager, { decision: 'REJECT' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('body.reason');
  });

  it('approved: the new identity applies, audited, and the company admins are told', async () => {
    const res = await review(s.manager, { decision: 'APPROVE' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Northwind Trading Ltd', country: 'IE', taxId: 'IE9999999X', status: 'APPROVED', pendingIdentityChange: null });
    expect(await company()).toMatchObject({ name: 'Northwind Trading Ltd', country: 'IE', taxId: 'IE9999999X' });
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'company.identity.approve', entityId: northwind } });
    expect(audit.changes).toMatchObject({ from: { name: 'Northwind Imports Ltd', country: 'GB' }, to: { name: 'Northwind Trading Ltd', country: 'IE', taxId: 'IE9999999X' } });
    const note = await t.db.prisma.notification.findFirstOrThrow({ where: { kind: 'company.identity.approved' }, select: { user: { select: { email: true } } } });
    expect(note.user.email).toBe('buyer@demo.example');
    expect(await t.db.prisma.outboxEvent.count({ where: { topic: 'company.identity.approved' } })).toBe(1);
    expect((await call('GET', `/api/contracts/${contractId}`, s.buyer)).json().buyer.name).toBe('Northwind Trading Ltd');
    expect((await review(s.manager, { decision: 'APPROVE' })).statusCode).toBe(409);
  });

  it('rejected: nothing changes, and the reason reaches the company admins', async () => {
    expect((await patch(s.buyer, { name: 'Totally Different Co' })).statusCode).toBe(200);
    const res = await review(s.manager, { decision: 'REJECT', reason: 'Send us the registry extract first.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Northwind Trading Ltd', pendingIdentityChange: null });
    const note = await t.db.prisma.notification.findFirstOrThrow({ where: { kind: 'company.identity.rejected' } });
    expect(note.body).toContain('Send us the registry extract first.');
  });

  it('a portal admin’s correction, and a company not yet approved, change at once', async () => {
    const admin = await loginAs(t.app, 'admin@demo.example');
    const res = await patch(admin, { name: 'Northwind Imports Ltd', country: 'GB' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Northwind Imports Ltd', country: 'GB', pendingIdentityChange: null });
  });
});
