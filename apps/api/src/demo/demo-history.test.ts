import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestContext } from '../../test/helpers.ts';
import { seedDemoHistory, type DemoHistory } from './demo-history.ts';

const DAY = 86_400_000;
let t: TestContext;
let history: DemoHistory;
let now: Date;
const dataDir = '/tmp/portal-test-data';

beforeAll(async () => {
  t = await startTestApp();
  now = t.clock.now();
}, 600_000);
afterAll(() => t?.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('the demo history', () => {
  it('is all or nothing: a step that fails leaves no history, and the next start writes it whole', async () => {
    const before = { users: await t.db.prisma.user.count(), audit: await t.db.prisma.auditLog.count(), images: await t.db.prisma.catalogImage.count() };
    // An archived product cannot be asked for: the first inquiry of it fails, after the pictures and registrations.
    await t.db.prisma.product.update({ where: { sku: 'DW-BTL-500' }, data: { status: 'ARCHIVED' } });
    await expect(seedDemoHistory(t.db.prisma, { publicUrl: 'http://portal.test', dataDir, now })).rejects.toThrow();
    expect(await t.db.prisma.inquiry.count()).toBe(0);
    expect({ users: await t.db.prisma.user.count(), audit: await t.db.prisma.auditLog.count(), images: await t.db.prisma.catalogImage.count() }).toEqual(before);

    await t.db.prisma.product.update({ where: { sku: 'DW-BTL-500' }, data: { status: 'ACTIVE' } });
    history = await seedDemoHistory(t.db.prisma, { publicUrl: 'http://portal.test', dataDir, now });
    expect(history.created).toBe(true);
    // Two seeds of months of history: well under a minute on an idle machine, minutes on a saturated one.
  }, 600_000);

  it('holds inquiries, quotes and contracts in every state', async () => {
    const p = t.db.prisma;
    const inquiries = await p.inquiry.groupBy({ by: ['status'], _count: true });
    expect(Object.fromEntries(inquiries.map((g) => [g.status, g._count]))).toMatchObject({
      SUBMITTED: expect.any(Number), QUOTED: expect.any(Number), NEGOTIATING: expect.any(Number), ACCEPTED: expect.any(Number), DECLINED: 1, WITHDRAWN: 1,
    });
    const lost = await p.inquiry.findFirstOrThrow({ where: { status: 'DECLINED' } });
    expect(lost.closeReason).toMatch(/another supplier/);

    const revisions = Object.fromEntries((await p.quoteRevision.groupBy({ by: ['status'], _count: true })).map((g) => [g.status, g._count]));
    for (const status of ['DRAFT', 'PENDING_APPROVAL', 'SENT', 'EXPIRED', 'SUPERSEDED', 'ACCEPTED', 'DECLINED']) expect(revisions[status], status).toBeGreaterThan(0);
    // A draft the manager sent back, with the reason.
    expect(await p.quoteRevision.count({ where: { status: 'DRAFT', approvalComment: { not: null } } })).toBe(1);
    // Every PI names the port of discharge the buyer asked for, so the contract's ports are whole.
    const ports = await p.quoteRevision.findMany({ select: { portOfDischargeCode: true, quote: { select: { inquiry: { select: { destinationPortCode: true } } } } } });
    expect(ports.length).toBeGreaterThan(0);
    for (const r of ports) expect(r.portOfDischargeCode).toBe(r.quote.inquiry.destinationPortCode);
    // A counter-offer waiting for the clerk.
    expect(await p.negotiationMessage.count({ where: { kind: 'COUNTER_OFFER' } })).toBe(2);

    const contracts = await p.salesContract.findMany({ select: { status: true, amendmentNo: true, lcStatus: true, paymentMethod: true, confirmedAt: true } });
    expect(contracts.some((c) => c.status === 'ISSUED')).toBe(true);
    // The amended contract has since gone into execution.
    expect(contracts.some((c) => c.confirmedAt && c.status !== 'ISSUED' && c.amendmentNo > 0)).toBe(true);
    expect(new Set(contracts.map((c) => c.lcStatus))).toEqual(new Set([null, 'RECEIVED', 'ACCEPTED', 'AMENDMENT_REQUESTED']));
    // An L/C contract whose credit is not yet opened.
    expect(contracts.some((c) => c.status === 'CONFIRMED' && c.paymentMethod === 'LC' && c.lcStatus === null)).toBe(true);

    // The runner hands the confirmed contracts on for later capabilities' demo seeds.
    expect(history.contracts.length).toBe(contracts.filter((c) => c.confirmedAt).length);
    expect(history.contracts.length).toBeGreaterThanOrEqual(5);
    for (const c of history.contracts) expect(new Date(c.confirmedAt).getTime()).toBeLessThan(now.getTime());
  });

  it('goes on after the signatures: shipments in each state, collections, the service centre', async () => {
    const p = t.db.prisma;
    const shipments = await p.shipment.findMany({ select: { status: true, contractId: true } });
    expect(shipments).toHaveLength(5);
    expect(new Set(shipments.map((s) => s.status))).toEqual(new Set(['PLANNED', 'BOOKED', 'DEPARTED', 'DELIVERED']));
    // Each shipment is on a contract the buyer had confirmed before its first actual milestone.
    const confirmed = new Map(history.contracts.map((c) => [c.id, c.confirmedAt]));
    for (const s of shipments) expect(confirmed.has(s.contractId)).toBe(true);
    const firstActs = await p.shipmentEvent.groupBy({ by: ['shipmentId'], where: { classifier: 'ACT' }, _min: { eventDate: true } });
    const contractOf = new Map((await p.shipment.findMany({ select: { id: true, contractId: true } })).map((s) => [s.id, s.contractId]));
    for (const f of firstActs) expect(f._min.eventDate!.toISOString().slice(0, 10) >= confirmed.get(contractOf.get(f.shipmentId)!)!.slice(0, 10)).toBe(true);

    // Every confirmed contract has its payment schedule; three receipts, one kept partly as credit; dunning sent.
    for (const c of history.contracts) expect(await p.paymentScheduleItem.count({ where: { contractId: c.id } }), c.number).toBeGreaterThan(0);
    expect(await p.paymentReceipt.count()).toBe(3);
    expect(await p.dunningNotice.count()).toBeGreaterThan(0);
    // Drawings at sight under the credits of shipped goods fall due by their presentation deadline; none waits for ever on a presentation nothing records.
    const drawings = await p.paymentScheduleItem.findMany({ where: { method: 'LC', trigger: 'SIGHT', shipmentId: { not: null } }, select: { dueDate: true, presentBy: true, contract: { select: { number: true } } } });
    expect(drawings.some((d) => d.presentBy !== null)).toBe(true);
    for (const d of drawings) expect(d.dueDate, d.contract.number).toEqual(d.presentBy);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(`${dataDir}/camt.053-demo.xml`, 'utf8')).toContain('<BkToCstmrStmt>');

    // Claims on the delivered shipment: one settled with a credit note, one under investigation.
    const claims = await p.claim.findMany({ select: { status: true, settlementKind: true, settledAt: true } });
    expect(claims).toHaveLength(2);
    expect(claims.some((c) => c.settlementKind === 'CREDIT_NOTE' && c.settledAt !== null)).toBe(true);
    expect(claims.some((c) => c.status === 'UNDER_INVESTIGATION')).toBe(true);

    // Tickets of each kind, one complaint past its response target.
    const kinds = new Set((await p.ticket.findMany({ select: { kind: true } })).map((k) => k.kind));
    expect(kinds).toEqual(new Set(['INQUIRY', 'SUGGESTION', 'COMPLAINT']));

    // The home pages carry the new work: a buyer's shipment milestone of the last week, payments, finance's collections, the clerk's tickets.
    const items = async (email: string) => ((await get('/api/home', await loginAs(t.app, email))).json() as { items: { kind: string }[] }).items.map((i) => i.kind);
    const buyers = ['buyer@demo.example', 'buyer2@demo.example', 'maple@demo.example', 'southerncross@demo.example', 'alnoor@demo.example'];
    expect((await Promise.all(buyers.map(items))).some((kinds) => kinds.includes('shipments.track'))).toBe(true);
    expect((await items('buyer2@demo.example')).some((k) => k.startsWith('payments.'))).toBe(true);
    expect((await items('finance@demo.example')).some((k) => k.startsWith('payments.'))).toBe(true);
    expect((await items('clerk@demo.example')).some((k) => k.startsWith('tickets.'))).toBe(true);
  });

  it('trades with more approved buyer companies from several countries, whose users can sign in', async () => {
    const companies = await t.db.prisma.company.findMany({ where: { kind: 'BUYER', status: 'APPROVED' }, select: { country: true, users: { select: { locale: true } } } });
    expect(companies.length).toBeGreaterThanOrEqual(5);
    expect(new Set(companies.map((c) => c.country)).size).toBeGreaterThanOrEqual(5);
    expect(companies.flatMap((c) => c.users).every((u) => u.locale === 'en')).toBe(true);
    for (const email of ['maple@demo.example', 'southerncross@demo.example', 'alnoor@demo.example']) await loginAs(t.app, email);
  });

  it('spreads over months, each step audited at its own instant, with the notices of the time', async () => {
    const p = t.db.prisma;
    const actions = Object.fromEntries((await p.auditLog.groupBy({ by: ['action'], _count: true })).map((g) => [g.action, g._count]));
    const inquiries = await p.inquiry.count();
    expect(actions['inquiry.create']).toBe(inquiries);
    expect(actions['contract.issue']).toBe(await p.salesContract.count());
    expect(actions['contract.confirm']).toBe(await p.salesContract.count({ where: { confirmedAt: { not: null } } }));
    for (const a of ['quote.create', 'quote.send', 'quote.submit', 'quote.approve', 'quote.reject', 'quote.expire', 'quote.decline', 'quote.accept', 'inquiry.withdraw',
      'negotiation.counter_offer', 'negotiation.message', 'contract.amendment.propose', 'contract.amendment.confirm', 'contract.lc.record', 'contract.lc.review',
      'company.approve', 'catalogImage.upload', 'product.update']) {
      expect(actions[a], a).toBeGreaterThan(0);
    }
    // Each contract's confirmation is audited at the instant it records.
    const confirmed = await p.salesContract.findMany({ where: { confirmedAt: { not: null } }, select: { id: true, confirmedAt: true } });
    for (const c of confirmed) {
      const entry = await p.auditLog.findFirstOrThrow({ where: { action: 'contract.confirm', entityId: c.id } });
      expect(entry.createdAt.toISOString()).toBe(c.confirmedAt!.toISOString());
    }
    const span = await p.auditLog.aggregate({ where: { requestId: 'demo-history' }, _min: { createdAt: true }, _max: { createdAt: true } });
    expect(span._min.createdAt!.getTime()).toBeLessThan(now.getTime() - 90 * DAY);
    expect(span._max.createdAt!.getTime()).toBeLessThanOrEqual(now.getTime());

    // Notifications of the time, for staff and buyers alike, none from the future.
    const notices = await p.notification.findMany({ select: { kind: true, createdAt: true, user: { select: { role: true } } } });
    expect(notices.filter((n) => n.kind === 'inquiry.new' && n.user.role === 'CLERK').length).toBe(inquiries);
    expect(notices.some((n) => n.user.role === 'BUYER' && n.kind === 'contract.issued')).toBe(true);
    expect(notices.some((n) => n.user.role === 'MANAGER')).toBe(true);
    expect(notices.every((n) => n.createdAt.getTime() <= now.getTime())).toBe(true);
    expect(Math.min(...notices.map((n) => n.createdAt.getTime()))).toBeLessThan(now.getTime() - 90 * DAY);
  });

  it('dates what the home pages show at the moment it happened in the story, not when the demo was loaded', async () => {
    const p = t.db.prisma;
    // Execution records on their own days: an actual on the day it happened, the buyer told then.
    const events = await p.shipmentEvent.findMany({ where: { classifier: 'ACT' }, select: { eventDate: true, createdAt: true } });
    for (const e of events) expect(e.createdAt.toISOString().slice(0, 10)).toBe(e.eventDate.toISOString().slice(0, 10));
    const milestones = await p.notification.findMany({ where: { kind: 'shipment.milestone' }, select: { createdAt: true } });
    expect(new Set(milestones.map((n) => n.createdAt.getTime())).size).toBeGreaterThan(10);
    // Receipts booked on their value dates.
    for (const r of await p.paymentReceipt.findMany({ select: { valueDate: true, createdAt: true } })) expect(r.createdAt.toISOString().slice(0, 10)).toBe(r.valueDate.toISOString().slice(0, 10));
    // No waiting item of any role is dated at the load, and each bell reads newest first.
    const loaded = now.getTime() - 30 * 60_000;
    for (const email of ['buyer@demo.example', 'buyer2@demo.example', 'maple@demo.example', 'southerncross@demo.example', 'alnoor@demo.example', 'clerk@demo.example', 'finance@demo.example']) {
      const cookie = await loginAs(t.app, email);
      const home = (await get('/api/home', cookie)).json() as { items: { id: string; since: string }[] };
      for (const i of home.items) expect(Date.parse(i.since), `${email} ${i.id}`).toBeLessThan(loaded);
      const bell = ((await get('/api/notifications', cookie)).json() as { items: { createdAt: string }[] }).items.map((n) => n.createdAt);
      expect(bell, email).toEqual([...bell].sort().reverse());
    }
    // The L/C registered two days ago waits on the clerk since then, not since its contract's confirmation.
    const clerk = (await get('/api/home', await loginAs(t.app, 'clerk@demo.example'))).json() as { items: { kind: string; since: string; params: { number: string } }[] };
    const check = clerk.items.find((i) => i.kind === 'letters-of-credit.check')!;
    const registered = await p.auditLog.findFirstOrThrow({ where: { action: 'contract.lc.record', entityId: (await p.salesContract.findUniqueOrThrow({ where: { number: check.params.number } })).id }, orderBy: { createdAt: 'desc' } });
    expect(check.since).toBe(registered.createdAt.toISOString());
  });

  it('gives every demo product a small picture, served to anyone', async () => {
    const products = await t.db.prisma.product.findMany({ select: { sku: true, images: { select: { url: true } } } });
    expect(products).toHaveLength(17);
    for (const p of products) expect(p.images, p.sku).toHaveLength(1);
    const res = await t.app.inject({ method: 'GET', url: products[0]!.images[0]!.url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.length).toBeLessThan(20_000);
  });

  it('shows each role work waiting: inbox with overdue inquiries, approvals, the bell, quotes and contracts', async () => {
    const clerk = await loginAs(t.app, 'clerk@demo.example');
    const inbox = (await get('/api/inquiries', clerk)).json();
    expect(inbox.items.some((i: { overdue: boolean }) => i.overdue)).toBe(true);
    expect(inbox.items.some((i: { status: string; overdue: boolean }) => i.status === 'SUBMITTED' && !i.overdue)).toBe(true);

    const manager = await loginAs(t.app, 'manager@demo.example');
    const approvals = await get('/api/approvals/quotes', manager);
    expect(approvals.statusCode, approvals.body).toBe(200);
    expect(approvals.json().length).toBe(1);
    // The registration waiting for review has waited since it came in (the evening before), not since the seed ran.
    const review = (await get('/api/home', manager)).json().items.find((i: { kind: string; params: { company?: string } }) => i.params.company === 'Sol y Mar Trading S.L.');
    expect(Date.parse(review.since)).toBeLessThan(Date.now() - 12 * 60 * 60 * 1000);

    for (const email of ['buyer@demo.example', 'buyer2@demo.example', 'clerk@demo.example', 'manager@demo.example']) {
      const cookie = await loginAs(t.app, email);
      const bell = (await get('/api/notifications', cookie)).json();
      expect(bell.items.length, email).toBeGreaterThan(0);
    }
    const buyer = await loginAs(t.app, 'buyer@demo.example');
    const contracts = (await get('/api/contracts', buyer)).json();
    expect(contracts.some((c: { status: string }) => c.status === 'ISSUED')).toBe(true);
    const mine = (await get('/api/inquiries?scope=all', buyer)).json();
    expect(mine.items.some((i: { latestQuote: { status: string } | null }) => i.latestQuote?.status === 'SENT')).toBe(true);
  });

  it('is written once: a restart leaves the history as it is', async () => {
    const counts = async () => ({ inquiries: await t.db.prisma.inquiry.count(), audit: await t.db.prisma.auditLog.count(), notices: await t.db.prisma.notification.count() });
    const before = await counts();
    expect(await seedDemoHistory(t.db.prisma, { publicUrl: 'http://portal.test', dataDir, now: new Date(now.getTime() + DAY) })).toEqual({ created: false, contracts: [] });
    expect(await counts()).toEqual(before);
  });
});
