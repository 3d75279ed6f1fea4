import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyIdOf, cookiesFrom, demoPassword, loginAs, startTestApp, type TestContext } from './helpers.ts';

let t: TestContext;
let northwind: string;
let rheinland: string;
let buyer: string; // buyer@demo.example, company admin of Northwind
let purchasing: string; // purchasing@demo.example, Northwind, not an admin
let buyer2: string; // buyer2@demo.example, company admin of Rheinland
let admin: string;
let manager: string;

beforeAll(async () => {
  t = await startTestApp();
  northwind = await companyIdOf(t.db, 'buyer@demo.example');
  rheinland = await companyIdOf(t.db, 'buyer2@demo.example');
  const as = (user: string) => loginAs(t.app, `${user}@demo.example`);
  [buyer, purchasing, buyer2, admin, manager] = await Promise.all([as('buyer'), as('purchasing'), as('buyer2'), as('admin'), as('manager')]);
});
afterAll(() => t.close());

/**
 * Runs `race` while the database's next `parties` transactions each wait at their start until all of
 * them have arrived: proof that the racing requests overlap (every one passed its checks before any
 * of them wrote), on PGlite (which runs transactions one at a time) as on the PostgreSQL server.
 */
async function withTransactionBarrier<T>(parties: number, race: () => Promise<T>): Promise<T> {
  const prisma = t.db.prisma as unknown as { $transaction: (...args: unknown[]) => Promise<unknown> };
  const original = prisma.$transaction;
  let arrived = 0;
  let allArrived = false;
  let open!: () => void;
  const barrier = new Promise<void>((resolve) => (open = resolve));
  // Should a request never get there, the others go on after a while and the test fails below.
  const timeout = setTimeout(open, 10_000);
  prisma.$transaction = async (...args: unknown[]) => {
    arrived += 1;
    if (arrived === parties) {
      allArrived = true;
      open();
    }
    if (arrived <= parties) await barrier;
    return original.apply(t.db.prisma, args);
  };
  try {
    const result = await race();
    expect(allArrived, 'every racing request reached its transaction before any of them wrote').toBe(true);
    return result;
  } finally {
    clearTimeout(timeout);
    prisma.$transaction = original;
  }
}

const userId = async (email: string) => (await t.db.prisma.user.findUniqueOrThrow({ where: { email } })).id;
const fieldsOf = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

function invite(cookie: string, email: string, companyId = northwind) {
  return t.app.inject({ method: 'POST', url: `/api/companies/${companyId}/invitations`, headers: { cookie }, payload: { email } });
}

/** The token in the newest invitation mail to `email` (queued last by the app's clock), read from the outbox as the mail will carry it. */
async function tokenMailedTo(email: string): Promise<string> {
  const events = await t.db.prisma.outboxEvent.findMany({ where: { topic: 'company.user.invited' }, orderBy: [{ nextAttemptAt: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }] });
  const mail = events.map((e) => e.payload as { to: string; text: string; html: string }).find((p) => p.to === email);
  if (!mail) throw new Error(`no invitation mail to ${email}`);
  const match = /http:\/\/portal\.test\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  expect(mail.html).toContain(`http://portal.test/invite/${match[1]}`);
  return match[1]!;
}

describe('inviting a colleague', () => {
  let token: string;
  let invitationId: string;

  it('a company admin invites by email; the mail carries a one-time link', async () => {
    const res = await invite(buyer, '  Sam.Taylor@Northwind.example ');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'sam.taylor@northwind.example', invitedBy: 'Emma Clarke' });
    invitationId = res.json().id;
    const expires = new Date(res.json().expiresAt).getTime();
    expect(expires).toBe(t.clock.now().getTime() + 7 * 86_400_000);

    token = await tokenMailedTo('sam.taylor@northwind.example');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const mail = await t.db.prisma.outboxEvent.findFirstOrThrow({ where: { topic: 'company.user.invited' } });
    expect(mail.payload).toMatchObject({ subject: 'Emma Clarke invited you to Northwind Imports Ltd on our buyer portal' });

    // Only a hash of the token is stored, and the listing never shows either.
    const stored = await t.db.prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(stored.tokenHash).not.toContain(token);
    const list = await t.app.inject({ method: 'GET', url: `/api/companies/${northwind}/users`, headers: { cookie: buyer } });
    expect(list.statusCode).toBe(200);
    expect(list.json().invitations).toEqual([expect.objectContaining({ id: invitationId, email: 'sam.taylor@northwind.example' })]);
    expect(list.body).not.toContain(token);
    expect(list.body).not.toContain(stored.tokenHash);

    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'company.user.invite', entityId: invitationId } });
    expect(audit).toMatchObject({ actorId: await userId('buyer@demo.example'), companyId: northwind });
  });

  it('anyone with the link can preview it without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: 'sam.taylor@northwind.example', companyName: 'Northwind Imports Ltd', invitedBy: 'Emma Clarke' });
  });

  it('refuses a malformed token with 400 and an unknown one with 404', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/invitations/not-a-token' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['params.token']);
    const badAccept = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: 'short', name: 'X', password: 'Good-passw0rd' } });
    expect(badAccept.statusCode).toBe(400);
    expect(fieldsOf(badAccept)).toEqual(['body.token']);
    const unknown = await t.app.inject({ method: 'GET', url: `/api/invitations/${'A'.repeat(43)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('accepting creates the account and signs the colleague in; a second accept is refused', async () => {
    const weak = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, name: 'Sam Taylor', password: 'weak' } });
    expect(weak.statusCode).toBe(400);
    expect(fieldsOf(weak)).toContain('body.password');
    expect(await t.db.prisma.user.count({ where: { email: 'sam.taylor@northwind.example' } })).toBe(0);

    const res = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, name: 'Sam Taylor', password: 'Northwind-2026' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({
      email: 'sam.taylor@northwind.example', name: 'Sam Taylor', role: 'BUYER', isCompanyAdmin: false, company: { id: northwind, name: 'Northwind Imports Ltd' },
    });
    expect(res.cookies.map((c) => c.name)).toEqual(expect.arrayContaining(['portal_access', 'portal_refresh']));
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookiesFrom(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe('sam.taylor@northwind.example');
    await loginAs(t.app, 'sam.taylor@northwind.example', 'Northwind-2026');

    const note = await t.db.prisma.notification.findFirstOrThrow({ where: { kind: 'company.user.joined' } });
    expect(note.userId).toBe(await userId('buyer@demo.example'));

    const again = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, name: 'Sam Again', password: 'Northwind-2027' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONFLICT');
    expect(again.cookies).toEqual([]);
    expect(await t.db.prisma.user.count({ where: { email: 'sam.taylor@northwind.example' } })).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` })).statusCode).toBe(409);
    // The accepted invitation is no longer listed as open, and cannot be withdrawn.
    const list = await t.app.inject({ method: 'GET', url: `/api/companies/${northwind}/users`, headers: { cookie: buyer } });
    expect(list.json().invitations).toEqual([]);
    expect(list.json().users.map((u: { email: string }) => u.email)).toContain('sam.taylor@northwind.example');
    const del = await t.app.inject({ method: 'DELETE', url: `/api/companies/${northwind}/invitations/${invitationId}`, headers: { cookie: buyer } });
    expect(del.statusCode).toBe(409);
  });

  it('two accepts racing for one link create one account', async () => {
    await invite(buyer, 'race@northwind.example');
    const raceToken = await tokenMailedTo('race@northwind.example');
    const accept = (name: string) => t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: raceToken, name, password: 'Northwind-2026' } });
    // Both accepts must have checked the invitation before either writes: each waits at the start of
    // its transaction until the other arrives there too (a run where they did not overlap times out).
    const results = await withTransactionBarrier(2, () => Promise.all([accept('Race One'), accept('Race Two')]));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await t.db.prisma.user.count({ where: { email: 'race@northwind.example' } })).toBe(1);
  });

  it('an expired invitation cannot be used', async () => {
    await invite(buyer, 'late@northwind.example');
    const lateToken = await tokenMailedTo('late@northwind.example');
    t.clock.advance(7 * 86_400_000 + 1000);
    try {
      const preview = await t.app.inject({ method: 'GET', url: `/api/invitations/${lateToken}` });
      expect(preview.statusCode).toBe(409);
      expect(preview.json().detail).toMatch(/expired/);
      const accept = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: lateToken, name: 'Late', password: 'Northwind-2026' } });
      expect(accept.statusCode).toBe(409);
      expect(await t.db.prisma.user.count({ where: { email: 'late@northwind.example' } })).toBe(0);
    } finally {
      t.clock.advance(-(7 * 86_400_000 + 1000));
    }
  });
});

describe('who may invite', () => {
  it('a buyer who is not company admin gets 403', async () => {
    const res = await invite(purchasing, 'someone@northwind.example');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect(await t.db.prisma.invitation.count({ where: { email: 'someone@northwind.example' } })).toBe(0);
  });

  it('the admin of another company gets 404, as for a company that does not exist', async () => {
    const res = await invite(buyer2, 'intruder@rheinland.example');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Northwind');
    const ghost = await invite(buyer2, 'intruder@rheinland.example', '01900000-0000-7000-8000-000000000000');
    expect(ghost.statusCode).toBe(404);
    expect(ghost.json().detail).toBe(res.json().detail);
    expect(await t.db.prisma.invitation.count({ where: { email: 'intruder@rheinland.example' } })).toBe(0);
    // Their own company is fine.
    expect((await invite(buyer2, 'colleague@rheinland.example', rheinland)).statusCode).toBe(201);
  });

  it('staff other than admins cannot invite; a portal admin can', async () => {
    expect((await invite(manager, 'via-manager@northwind.example')).statusCode).toBe(403);
    const res = await invite(admin, 'via-admin@northwind.example');
    expect(res.statusCode).toBe(201);
    expect(res.json().invitedBy).toBe('Chen Jie');
  });

  it('an address that already has an account gets the same answer as a new one, and its owner a note instead of a link', async () => {
    const fresh = await invite(buyer, 'new.person@northwind.example');
    expect(fresh.statusCode).toBe(201);
    for (const email of ['purchasing@demo.example', 'buyer2@demo.example', 'clerk@demo.example']) {
      const res = await invite(buyer, email);
      expect(res.statusCode, res.body).toBe(fresh.statusCode);
      expect(Object.keys(res.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
      expect(res.json()).toMatchObject({ email, invitedBy: 'Emma Clarke', expiresAt: fresh.json().expiresAt });
      // No link that could make a second account is mailed; the owner hears of it.
      await expect(tokenMailedTo(email)).rejects.toThrow(/no invitation mail/);
      const note = await t.db.prisma.outboxEvent.findFirstOrThrow({ where: { topic: 'company.user.invite.existing', payload: { path: ['to'], equals: email } } });
      // In the owner's language: the clerk reads Chinese.
      expect((note.payload as { text: string }).text).toMatch(email.startsWith('clerk') ? /该地址已有账户/ : /already has an account/);
    }
    // The inviter sees them as pending, like any other; they can be withdrawn.
    const list = await t.app.inject({ method: 'GET', url: `/api/companies/${northwind}/users`, headers: { cookie: buyer } });
    expect(list.json().invitations.map((i: { email: string }) => i.email)).toEqual(expect.arrayContaining(['purchasing@demo.example', 'new.person@northwind.example']));
  });
});

describe('re-inviting and withdrawing', () => {
  it('a new invitation to the same address voids the older link', async () => {
    expect((await invite(buyer, 'twice@northwind.example')).statusCode).toBe(201);
    const first = await tokenMailedTo('twice@northwind.example');
    // The second invitation is queued a moment later by the app's clock, so its mail is the newer one.
    t.clock.advance(1000);
    expect((await invite(buyer, 'twice@northwind.example')).statusCode).toBe(201);
    const second = await tokenMailedTo('twice@northwind.example');
    expect(second).not.toBe(first);

    expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${first}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: first, name: 'Twice', password: 'Northwind-2026' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${second}` })).statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: `/api/companies/${northwind}/users`, headers: { cookie: buyer } });
    expect(list.json().invitations.filter((i: { email: string }) => i.email === 'twice@northwind.example')).toHaveLength(1);
  });

  it('DELETE withdraws an invitation: its link stops working', async () => {
    const created = await invite(buyer, 'withdrawn@northwind.example');
    const id = created.json().id;
    const withdrawnToken = await tokenMailedTo('withdrawn@northwind.example');

    expect((await t.app.inject({ method: 'DELETE', url: `/api/companies/${northwind}/invitations/${id}`, headers: { cookie: purchasing } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/companies/${northwind}/invitations/${id}`, headers: { cookie: buyer2 } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${withdrawnToken}` })).statusCode).toBe(200);

    const del = await t.app.inject({ method: 'DELETE', url: `/api/companies/${northwind}/invitations/${id}`, headers: { cookie: buyer } });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${withdrawnToken}` })).statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: `/api/companies/${northwind}/users`, headers: { cookie: buyer } });
    expect(list.json().invitations.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'company.user.invite.revoke', entityId: id } })).toBe(1);

    // Withdrawing again changes nothing; an unknown or foreign invitation is not found.
    expect((await t.app.inject({ method: 'DELETE', url: `/api/companies/${northwind}/invitations/${id}`, headers: { cookie: buyer } })).statusCode).toBe(204);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'company.user.invite.revoke', entityId: id } })).toBe(1);
    const rheinlandInvitation = (await t.db.prisma.invitation.findFirstOrThrow({ where: { companyId: rheinland } })).id;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/companies/${northwind}/invitations/${rheinlandInvitation}`, headers: { cookie: buyer } })).statusCode).toBe(404);
  });
});

describe('managing company users', () => {
  const patch = (cookie: string, targetId: string, payload: object, companyId = northwind) =>
    t.app.inject({ method: 'PATCH', url: `/api/companies/${companyId}/users/${targetId}`, headers: { cookie }, payload });

  it('disabling a colleague ends their session at once; enabling lets them back', async () => {
    const colleague = await loginAs(t.app, 'purchasing@demo.example');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: colleague } })).statusCode).toBe(200);

    const res = await patch(buyer, await userId('purchasing@demo.example'), { status: 'DISABLED' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: 'purchasing@demo.example', status: 'DISABLED' });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: colleague } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: colleague } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'purchasing@demo.example', password: demoPassword } })).statusCode).toBe(403);
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'company.user.update', entityId: await userId('purchasing@demo.example') } });
    expect(audit.changes).toMatchObject({ from: { status: 'ACTIVE' }, to: { status: 'DISABLED' } });

    expect((await patch(buyer, await userId('purchasing@demo.example'), { status: 'ACTIVE' })).statusCode).toBe(200);
    purchasing = await loginAs(t.app, 'purchasing@demo.example');
  });

  it('an admin cannot disable or demote themselves', async () => {
    const me = await userId('buyer@demo.example');
    for (const payload of [{ status: 'DISABLED' }, { isCompanyAdmin: false }]) {
      const res = await patch(buyer, me, payload);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('CONFLICT');
    }
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: me } })).toMatchObject({ status: 'ACTIVE', isCompanyAdmin: true });
  });

  it('the last active admin of a company cannot be demoted or disabled, even by a portal admin', async () => {
    const emma = await userId('buyer@demo.example');
    for (const payload of [{ isCompanyAdmin: false }, { status: 'DISABLED' }]) {
      const res = await patch(admin, emma, payload);
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toMatch(/at least one active admin/);
    }
    // The refused change was rolled back, and no audit row claims it happened.
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: emma } })).toMatchObject({ status: 'ACTIVE', isCompanyAdmin: true });
    expect(await t.db.prisma.auditLog.count({ where: { action: 'company.user.update', entityId: emma } })).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: buyer } })).statusCode).toBe(200);
  });

  it('with a second admin, the first can be demoted', async () => {
    const sam = await userId('sam.taylor@northwind.example');
    const emma = await userId('buyer@demo.example');
    expect((await patch(buyer, sam, { isCompanyAdmin: true })).json()).toMatchObject({ isCompanyAdmin: true });
    const samSession = await loginAs(t.app, 'sam.taylor@northwind.example', 'Northwind-2026');
    const res = await patch(samSession, emma, { isCompanyAdmin: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().isCompanyAdmin).toBe(false);
    // Emma's session now lacks the right at once.
    expect((await invite(buyer, 'after-demotion@northwind.example')).statusCode).toBe(403);
    expect((await patch(samSession, emma, { isCompanyAdmin: true })).statusCode).toBe(200);
    expect((await invite(buyer, 'after-promotion@northwind.example')).statusCode).toBe(201);
  });

  it('refuses non-admins, other companies, and users who are not in the company', async () => {
    const sam = await userId('sam.taylor@northwind.example');
    expect((await patch(purchasing, sam, { status: 'DISABLED' })).statusCode).toBe(403);
    expect((await patch(manager, sam, { status: 'DISABLED' })).statusCode).toBe(403);
    expect((await patch(buyer2, sam, { status: 'DISABLED' })).statusCode).toBe(404);
    // A user of another company, reached through one's own company's path.
    const jonas = await userId('buyer2@demo.example');
    expect((await patch(buyer, jonas, { status: 'DISABLED' })).statusCode).toBe(404);
    // Staff accounts are not company users.
    const exporter = await companyIdOf(t.db, 'clerk@demo.example');
    expect((await patch(admin, await userId('clerk@demo.example'), { status: 'DISABLED' }, exporter)).statusCode).toBe(404);
    expect(await t.db.prisma.user.count({ where: { email: { in: ['sam.taylor@northwind.example', 'buyer2@demo.example', 'clerk@demo.example'] }, status: 'DISABLED' } })).toBe(0);
  });
});

describe('staff accounts', () => {
  const staff = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url = '/api/staff', payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const newStaff = { email: 'Liu.Yang@harbour.example', name: 'Liu Yang', role: 'CLERK', password: 'Harbour-2026' };

  it('only admins may list, create or change staff', async () => {
    for (const cookie of [manager, buyer]) {
      expect((await staff(cookie, 'GET')).statusCode).toBe(403);
      expect((await staff(cookie, 'POST', '/api/staff', newStaff)).statusCode).toBe(403);
      expect((await staff(cookie, 'PATCH', `/api/staff/${await userId('clerk@demo.example')}`, { role: 'FINANCE' })).statusCode).toBe(403);
    }
    expect(await t.db.prisma.user.count({ where: { email: 'liu.yang@harbour.example' } })).toBe(0);
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'clerk@demo.example' } })).role).toBe('CLERK');

    const list = await staff(admin, 'GET');
    expect(list.statusCode).toBe(200);
    const emails = list.json().map((u: { email: string }) => u.email).sort();
    expect(emails).toEqual(['admin@demo.example', 'clerk@demo.example', 'finance@demo.example', 'manager@demo.example']);
  });

  it('an admin creates a staff account that can sign in; an existing email is refused', async () => {
    const res = await staff(admin, 'POST', '/api/staff', newStaff);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'liu.yang@harbour.example', name: 'Liu Yang', role: 'CLERK', status: 'ACTIVE', isCompanyAdmin: false });
    const session = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'liu.yang@harbour.example', password: 'Harbour-2026' } });
    expect(session.statusCode).toBe(200);
    expect(session.json().user).toMatchObject({ role: 'CLERK', locale: 'zh-CN', company: { kind: 'EXPORTER' } });
    expect(await t.db.prisma.auditLog.count({ where: { action: 'staff.create', entityId: res.json().id } })).toBe(1);

    for (const email of ['liu.yang@harbour.example', 'buyer@demo.example']) {
      const dup = await staff(admin, 'POST', '/api/staff', { ...newStaff, email });
      expect(dup.statusCode).toBe(409);
      expect(fieldsOf(dup)).toEqual(['body.email']);
    }
    expect(await t.db.prisma.user.count({ where: { email: 'liu.yang@harbour.example' } })).toBe(1);
    expect((await staff(admin, 'POST', '/api/staff', { ...newStaff, email: 'x@harbour.example', role: 'BUYER' })).statusCode).toBe(400);
  });

  it('an admin changes a role (effective at once) and disables an account (session ends)', async () => {
    const liu = await userId('liu.yang@harbour.example');
    const liuSession = await loginAs(t.app, 'liu.yang@harbour.example', 'Harbour-2026');
    expect((await staff(liuSession, 'GET')).statusCode).toBe(403);

    const promoted = await staff(admin, 'PATCH', `/api/staff/${liu}`, { role: 'ADMIN' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().role).toBe('ADMIN');
    expect((await staff(liuSession, 'GET')).statusCode).toBe(200);

    const disabled = await staff(admin, 'PATCH', `/api/staff/${liu}`, { status: 'DISABLED' });
    expect(disabled.statusCode).toBe(200);
    expect((await staff(liuSession, 'GET')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: liuSession } })).statusCode).toBe(401);
  });

  it('an admin cannot disable or demote themselves; buyers are not staff', async () => {
    const me = await userId('admin@demo.example');
    expect((await staff(admin, 'PATCH', `/api/staff/${me}`, { status: 'DISABLED' })).statusCode).toBe(409);
    expect((await staff(admin, 'PATCH', `/api/staff/${me}`, { role: 'CLERK' })).statusCode).toBe(409);
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: me } })).toMatchObject({ role: 'ADMIN', status: 'ACTIVE' });
    expect((await staff(admin, 'PATCH', `/api/staff/${await userId('buyer@demo.example')}`, { role: 'ADMIN' })).statusCode).toBe(404);
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'buyer@demo.example' } })).role).toBe('BUYER');
  });
});
