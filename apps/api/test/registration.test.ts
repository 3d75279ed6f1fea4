import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, loginAs, startTestApp, type TestContext } from './helpers.ts';

let t: TestContext;
let manager: string;
let admin: string;
let clerk: string;
let finance: string;
let buyer: string;

beforeAll(async () => {
  t = await startTestApp();
  const as = (user: string) => loginAs(t.app, `${user}@demo.example`);
  [manager, admin, clerk, finance, buyer] = await Promise.all([as('manager'), as('admin'), as('clerk'), as('finance'), as('buyer')]);
});
afterAll(() => t.close());

function registration(overrides: { company?: Record<string, unknown>; user?: Record<string, unknown>; extra?: Record<string, unknown> } = {}) {
  return {
    company: { name: 'Acme Tableware Ltd', country: 'IE', addressLine1: '1 Quay Street', city: 'Cork', postalCode: 'T12 X1', ...overrides.company },
    user: { name: 'Aoife Byrne', email: 'aoife@acme-tableware.example', password: 'Tableware-2026', ...overrides.user },
    ...overrides.extra,
  };
}

const register = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/auth/register', payload: payload as object });
const fieldsOf = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
const countCompanies = () => t.db.prisma.company.count();

/** The link of the latest mail asking this address to confirm itself. */
async function verificationLink(email: string): Promise<string> {
  const mails = await t.db.prisma.outboxEvent.findMany({ where: { topic: 'auth.email.verify' }, orderBy: { createdAt: 'desc' } });
  const mail = mails.find((m) => (m.payload as { to: string }).to === email);
  if (!mail) throw new Error(`no confirmation mail to ${email}`);
  return /(http:\/\/portal\.test\/verify-email#[A-Za-z0-9_-]+)/.exec((mail.payload as { text: string }).text)![1]!;
}
const tokenOf = (link: string) => link.slice(link.indexOf('#') + 1);

/** The Subject header of a raw message, unfolded. */
function subjectOf(raw: string): string | undefined {
  const headers = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return /^Subject: (.*)$/im.exec(headers)?.[1];
}

describe('a buyer registers a company', () => {
  let companyId: string;
  let userId: string;
  let session: string;

  it('creates a PENDING company with an unconfirmed admin, mails a link to confirm the address, and signs nobody in', async () => {
    const before = await countCompanies();
    const res = await register(registration());
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ status: 'VERIFICATION_SENT', email: 'aoife@acme-tableware.example' });
    expect(res.cookies).toEqual([]);

    expect(await countCompanies()).toBe(before + 1);
    const stored = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'aoife@acme-tableware.example' }, include: { company: true } });
    expect(stored).toMatchObject({ role: 'BUYER', isCompanyAdmin: true, status: 'ACTIVE', emailVerifiedAt: null, company: { name: 'Acme Tableware Ltd', status: 'PENDING' } });
    expect(stored.passwordHash).not.toContain('Tableware-2026');
    companyId = stored.companyId;
    userId = stored.id;

    const audit = await t.db.prisma.auditLog.findMany({ where: { action: 'company.register', entityId: companyId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: userId, companyId, entityType: 'Company' });
    expect(audit[0]!.changes).toMatchObject({ company: { name: 'Acme Tableware Ltd' }, user: { email: 'aoife@acme-tableware.example' } });
    expect(JSON.stringify(audit[0]!.changes)).not.toContain('Tableware-2026');

    const link = await verificationLink('aoife@acme-tableware.example');
    expect(link).toMatch(/^http:\/\/portal\.test\/verify-email#[A-Za-z0-9_-]{43}$/);
    // The reviewers hear of the company only once its address is confirmed.
    expect(await t.db.prisma.notification.count({ where: { kind: 'company.registered' } })).toBe(0);
  });

  it('cannot sign in before the address is confirmed', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'aoife@acme-tableware.example', password: 'Tableware-2026' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringMatching(/confirm your email address/) });
    expect(res.cookies).toEqual([]);
    // A wrong password still hears only that the credentials are wrong.
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'aoife@acme-tableware.example', password: 'Wrong-password-1' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('the link confirms the address and signs the buyer in as the company admin', async () => {
    const token = tokenOf(await verificationLink('aoife@acme-tableware.example'));
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({
      id: userId, email: 'aoife@acme-tableware.example', name: 'Aoife Byrne', role: 'BUYER', isCompanyAdmin: true, locale: 'en',
      company: { id: companyId, name: 'Acme Tableware Ltd', kind: 'BUYER', status: 'PENDING', country: 'IE', defaultCurrency: 'USD' },
    });
    expect(res.cookies.map((c) => c.name)).toEqual(expect.arrayContaining(['portal_access', 'portal_refresh']));
    expect(res.cookies.find((c) => c.name === 'portal_access')).toMatchObject({ httpOnly: true });
    session = cookiesFrom(res);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session } });
    expect(me.statusCode).toBe(200);
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt).not.toBeNull();
    expect(await t.db.prisma.auditLog.count({ where: { action: 'user.email.verify', entityId: userId } })).toBe(1);

    // The link works once.
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already confirmed/);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'aoife@acme-tableware.example', password: 'Tableware-2026' } })).statusCode).toBe(200);
  });

  it('writes the buyer’s mail, the reviewers’ mails and notifications when the address is confirmed', async () => {
    const buyerMail = await t.db.prisma.outboxEvent.findMany({ where: { topic: 'company.registered' } });
    expect(buyerMail).toHaveLength(1);
    expect(buyerMail[0]).toMatchObject({ channel: 'mail', status: 'PENDING', attempts: 0 });
    expect(buyerMail[0]!.payload).toMatchObject({ to: 'aoife@acme-tableware.example', subject: 'We received the registration of Acme Tableware Ltd' });

    const reviewMail = await t.db.prisma.outboxEvent.findMany({ where: { topic: 'company.registered.review' } });
    const reviewRecipients = reviewMail.map((e) => (e.payload as { to: string }).to).sort();
    expect(reviewRecipients).toEqual(['admin@demo.example', 'manager@demo.example']);
    for (const e of reviewMail) {
      expect((e.payload as { text: string }).text).toContain(`http://portal.test/staff/companies/${companyId}`);
    }

    const notified = await t.db.prisma.notification.findMany({ where: { kind: 'company.registered' }, select: { user: { select: { email: true } }, link: true, title: true } });
    expect(notified.map((n) => n.user.email).sort()).toEqual(['admin@demo.example', 'manager@demo.example']);
    // Staff read Chinese: the notice names the company and, in the body, its country in Chinese.
    expect(notified[0]).toMatchObject({ link: `/staff/companies/${companyId}`, title: '新买家公司：Acme Tableware Ltd' });
    expect(await t.db.prisma.notification.findFirstOrThrow({ where: { kind: 'company.registered' }, select: { body: true } })).toEqual({ body: 'Acme Tableware Ltd（爱尔兰）已注册，等待审核。' });

    // The manager sees it in the portal too.
    const list = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie: manager } });
    expect(list.statusCode).toBe(200);
    expect(list.json().unread).toBeGreaterThanOrEqual(1);
    expect(list.json().items.map((n: { title: string }) => n.title)).toContain('新买家公司：Acme Tableware Ltd');
    // Clerks and buyers are not reviewers.
    const clerkList = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie: clerk } });
    expect(clerkList.json().items).toEqual([]);
  });

  it('managers list pending companies oldest first; clerks and finance may list', async () => {
    // A second registration, made later.
    const later = await register(registration({ company: { name: 'Bravo Kitchens BV', country: 'NL' }, user: { email: 'bram@bravo.example' } }));
    expect(later.statusCode).toBe(202);
    const laterId = (await t.db.prisma.company.findFirstOrThrow({ where: { name: 'Bravo Kitchens BV' } })).id;

    const res = await t.app.inject({ method: 'GET', url: '/api/companies?status=PENDING', headers: { cookie: manager } });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    const names = page.items.map((c: { name: string }) => c.name);
    // The seeded Sol y Mar registered first, then Acme, then Bravo.
    expect(names).toEqual(['Sol y Mar Trading S.L.', 'Acme Tableware Ltd', 'Bravo Kitchens BV']);
    expect(page.total).toBe(3);
    expect(page.items.every((c: { status: string }) => c.status === 'PENDING')).toBe(true);
    expect(page.items[1]).toMatchObject({ id: companyId, country: 'IE', city: 'Cork', userCount: 1 });

    for (const cookie of [clerk, finance]) {
      const r = await t.app.inject({ method: 'GET', url: '/api/companies?status=PENDING', headers: { cookie } });
      expect(r.statusCode).toBe(200);
      expect(r.json().items.map((c: { id: string }) => c.id)).toContain(laterId);
    }
    const approved = await t.app.inject({ method: 'GET', url: '/api/companies?status=APPROVED', headers: { cookie: manager } });
    expect(approved.json().items.map((c: { name: string }) => c.name).sort()).toEqual(['Northwind Imports Ltd', 'Rheinland Handel GmbH']);

    const asBuyer = await t.app.inject({ method: 'GET', url: '/api/companies?status=PENDING', headers: { cookie: buyer } });
    expect(asBuyer.statusCode).toBe(403);
  });

  it('refuses review by a clerk and by a buyer, and changes nothing', async () => {
    for (const cookie of [clerk, buyer, session]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/companies/${companyId}/review`, headers: { cookie }, payload: { decision: 'APPROVE' } });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const company = await t.db.prisma.company.findUniqueOrThrow({ where: { id: companyId } });
    expect(company).toMatchObject({ status: 'PENDING', reviewedById: null, reviewedAt: null });
  });

  it('a manager approves: status, reviewer, audit, notification and mail to the company admin', async () => {
    const managerId = (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'manager@demo.example' } })).id;
    const res = await t.app.inject({
      method: 'POST', url: `/api/companies/${companyId}/review`, headers: { cookie: manager }, payload: { decision: 'APPROVE', creditTermsDays: 30 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: companyId, status: 'APPROVED', reviewedBy: 'Zhang Wei', creditTermsDays: 30, statusReason: null });
    expect(res.json().reviewedAt).toBe(t.clock.now().toISOString());

    const stored = await t.db.prisma.company.findUniqueOrThrow({ where: { id: companyId } });
    expect(stored).toMatchObject({ status: 'APPROVED', reviewedById: managerId });

    const audit = await t.db.prisma.auditLog.findMany({ where: { action: 'company.approve', entityId: companyId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: managerId, companyId });
    expect(audit[0]!.changes).toMatchObject({ status: { from: 'PENDING', to: 'APPROVED' } });

    const notes = await t.db.prisma.notification.findMany({ where: { kind: 'company.approved' } });
    expect(notes.map((n) => n.userId)).toEqual([userId]);
    expect(notes[0]!.title).toBe('Acme Tableware Ltd is approved on our buyer portal');

    const mail = await t.db.prisma.outboxEvent.findMany({ where: { topic: 'company.approved' } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.payload).toMatchObject({ to: 'aoife@acme-tableware.example', subject: 'Acme Tableware Ltd is approved on our buyer portal' });

    // The buyer's own session sees the new status at once.
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session } });
    expect(me.json().company.status).toBe('APPROVED');
  });

  it('refuses to approve an approved company again, and writes nothing', async () => {
    const auditBefore = await t.db.prisma.auditLog.count();
    const outboxBefore = await t.db.prisma.outboxEvent.count();
    const res = await t.app.inject({ method: 'POST', url: `/api/companies/${companyId}/review`, headers: { cookie: admin }, payload: { decision: 'APPROVE' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(await t.db.prisma.auditLog.count()).toBe(auditBefore);
    expect(await t.db.prisma.outboxEvent.count()).toBe(outboxBefore);
  });

  it('a rejection needs a reason; with one, the company is rejected and told why', async () => {
    const solYMar = (await t.db.prisma.company.findFirstOrThrow({ where: { name: 'Sol y Mar Trading S.L.' } })).id;
    for (const payload of [{ decision: 'REJECT' }, { decision: 'REJECT', reason: '   ' }]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/companies/${solYMar}/review`, headers: { cookie: manager }, payload });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fieldsOf(res)).toEqual(['body.reason']);
    }
    expect((await t.db.prisma.company.findUniqueOrThrow({ where: { id: solYMar } })).status).toBe('PENDING');

    const res = await t.app.inject({ method: 'POST', url: `/api/companies/${solYMar}/review`, headers: { cookie: manager }, payload: { decision: 'REJECT', reason: 'We could not verify the tax id.' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'REJECTED', statusReason: 'We could not verify the tax id.' });
    const mail = await t.db.prisma.outboxEvent.findFirstOrThrow({ where: { topic: 'company.rejected' } });
    expect(mail.payload).toMatchObject({ to: 'pending@demo.example' });
    expect((mail.payload as { text: string }).text).toContain('Reason: We could not verify the tax id.');
  });

  it('the mail worker delivers the approval to the buyer over SMTP', async () => {
    let delivered = 0;
    for (let n = await t.app.workers.mail.runOnce(); n > 0; n = await t.app.workers.mail.runOnce()) delivered += n;
    const queued = await t.db.prisma.outboxEvent.count({ where: { channel: 'mail' } });
    expect(delivered).toBe(queued);
    expect(await t.db.prisma.outboxEvent.count({ where: { status: { not: 'DONE' } } })).toBe(0);

    const toBuyer = t.smtp.messages.filter((m) => m.to.includes('aoife@acme-tableware.example'));
    const subjects = toBuyer.map((m) => subjectOf(m.raw));
    expect(subjects).toEqual(expect.arrayContaining(['Acme Tableware Ltd is approved on our buyer portal', 'We received the registration of Acme Tableware Ltd']));
    expect(subjects.filter((s) => s === 'Acme Tableware Ltd is approved on our buyer portal')).toHaveLength(1);
    const approval = toBuyer.find((m) => subjectOf(m.raw) === 'Acme Tableware Ltd is approved on our buyer portal')!;
    expect(approval.from).toBe('portal@harbour-homeware.example');
    expect(approval.to).toEqual(['aoife@acme-tableware.example']);
    expect(approval.raw).toContain('Dear Aoife Byrne,');
  });
});

describe('registration validation', () => {
  it.each([
    ['a missing company name', registration({ company: { name: undefined } }), ['body.company.name']],
    ['a blank company name', registration({ company: { name: '   ' } }), ['body.company.name']],
    ['a bad country', registration({ company: { country: 'XX1' } }), ['body.company.country']],
    ['a weak password', registration({ user: { password: 'password' } }), ['body.user.password']],
    ['a bad email', registration({ user: { email: 'not-an-email' } }), ['body.user.email']],
    ['an unknown top-level field', registration({ extra: { captcha: 'x' } }), ['body.captcha']],
    ['an unknown nested field', registration({ company: { vatNumber: 'IE1' } }), ['body.company.vatNumber']],
  ])('refuses %s with a 400 naming the field', async (_what, payload, fields) => {
    const before = await countCompanies();
    const res = await register(payload);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 400, code: 'VALIDATION', title: 'Bad Request' });
    expect([...new Set(fieldsOf(res))]).toEqual(fields);
    expect(res.cookies).toEqual([]);
    expect(await countCompanies()).toBe(before);
  });

  it('names every wrong field at once', async () => {
    const res = await register(registration({ company: { name: undefined, country: 'XX1' }, user: { password: 'short' }, extra: { captcha: 'x' } }));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(['body.company.name', 'body.company.country', 'body.user.password', 'body.captcha']));
  });
});

describe('an address that already has an account', () => {
  const counts = async () => ({
    companies: await countCompanies(),
    users: await t.db.prisma.user.count(),
    audit: await t.db.prisma.auditLog.count(),
    notifications: await t.db.prisma.notification.count(),
  });

  it('gets the same answer as a new one: nothing is created, and the owner is told by mail instead', async () => {
    const before = await counts();
    const fresh = await register(registration({ company: { name: 'Fresh Co' }, user: { email: 'someone.new@fresh.example' } }));
    for (const email of ['buyer@demo.example', '  BUYER@Demo.Example ']) {
      const res = await register(registration({ company: { name: 'Duplicate Co' }, user: { email } }));
      expect(res.statusCode).toBe(fresh.statusCode);
      expect(res.json()).toEqual({ ...fresh.json(), email: 'buyer@demo.example' });
      expect(Object.keys(res.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
      expect(res.cookies).toEqual([]);
    }
    const after = await counts();
    // Only the fresh registration wrote anything (its company, user and audit row).
    expect(after).toEqual({ ...before, companies: before.companies + 1, users: before.users + 1, audit: before.audit + 1 });
    expect(await t.db.prisma.company.count({ where: { name: 'Duplicate Co' } })).toBe(0);
    const toOwner = await t.db.prisma.outboxEvent.findMany({ where: { topic: 'auth.register.existing' } });
    expect(toOwner.map((m) => (m.payload as { to: string }).to)).toEqual(['buyer@demo.example', 'buyer@demo.example']);
    expect((toOwner[0]!.payload as { text: string }).text).toMatch(/already has an account/);
  });

  it('an address registered but not yet confirmed gets a new link for the first registration', async () => {
    await register(registration({ company: { name: 'Delta Dishes Ltd' }, user: { email: 'dana@delta.example' } }));
    const first = tokenOf(await verificationLink('dana@delta.example'));
    t.clock.advance(60_000);
    const res = await register(registration({ company: { name: 'Delta Again Ltd' }, user: { email: 'dana@delta.example' } }));
    expect(res.statusCode).toBe(202);
    expect(await t.db.prisma.company.count({ where: { name: { in: ['Delta Dishes Ltd', 'Delta Again Ltd'] } } })).toBe(1);
    const second = tokenOf(await verificationLink('dana@delta.example'));
    expect(second).not.toBe(first);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token: second } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().user.company.name).toBe('Delta Dishes Ltd');
  });

  it('a link expires after 48 hours', async () => {
    await register(registration({ company: { name: 'Echo Enamel Ltd' }, user: { email: 'eve@echo.example' } }));
    const token = tokenOf(await verificationLink('eve@echo.example'));
    t.clock.advance(49 * 3600_000);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/expired/);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token: 'A'.repeat(43) } });
    expect(unknown.statusCode).toBe(404);
  });

  it('two registrations racing for one email leave exactly one company, and both answer alike', async () => {
    const before = await countCompanies();
    const payload = (name: string) => registration({ company: { name }, user: { email: 'race@charlie.example' } });
    const results = await Promise.all([register(payload('Charlie One')), register(payload('Charlie Two'))]);
    expect(results.map((r) => r.statusCode)).toEqual([202, 202]);
    expect(await countCompanies()).toBe(before + 1);
    expect(await t.db.prisma.company.count({ where: { name: { in: ['Charlie One', 'Charlie Two'] } } })).toBe(1);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'company.register', changes: { path: ['user', 'email'], equals: 'race@charlie.example' } } })).toBe(1);
  });
});
