import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@portal/domain';
import { createFileStore } from '../src/infra/file-store.ts';
import { createAttachmentsService } from '../src/modules/attachments/attachments.service.ts';
import { seedTicketsDemo } from '../src/modules/tickets/tickets.demo.ts';
import { createTicketsHome } from '../src/modules/tickets/tickets.home.ts';
import { createTicketsService } from '../src/modules/tickets/tickets.service.ts';
import { multipart } from './helpers.ts';
import { samplePng } from './sample-images.ts';
import { t, s, call, nobody, quotedInquiry } from './trade-fixture.ts';

/*
 * The service centre end to end on a real database: tickets opened by buyers, routed, answered and
 * rated, with timers counted in the service centre's working hours (09:00–18:00 Beijing time,
 * Monday to Friday). Each test starts on a fresh Monday at 09:00 Beijing time (01:00 UTC).
 */

const MIN = 60_000;
const HOUR = 60 * MIN;

beforeEach(() => {
  const now = t.clock.now();
  const monday = new Date(now);
  monday.setUTCHours(1, 0, 0, 0);
  while (monday.getUTCDay() !== 1 || monday <= now) monday.setUTCDate(monday.getUTCDate() + 1);
  t.clock.advance(monday.getTime() - now.getTime());
});

async function upload(cookie: string) {
  const form = multipart([{ name: 'damaged-carton.png', type: 'image/png', data: samplePng() }]);
  const res = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie, ...form.headers }, payload: form.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function open(body: Record<string, unknown> = {}, cookie = s.buyer) {
  const res = await call('POST', '/api/tickets', cookie, { kind: 'INQUIRY', subject: 'Lead time for 500 ml bottles', body: 'How long for 12,000 pcs?', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string; status: string; team: string; sla: Record<string, any>; messages: any[]; actions: string[] };
}

/** A confirmed-path contract of the buyer's company: the real quote → accept path. */
async function contractOf(cookie = s.buyer) {
  const q = await quotedInquiry(cookie);
  const res = await call('POST', `/api/quotes/${q.quoteId}/revisions/1/accept`, cookie);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
}

const audits = (ticketId: string) => t.db.prisma.auditLog.findMany({ where: { entityType: 'Ticket', entityId: ticketId }, orderBy: { createdAt: 'asc' }, select: { action: true } });
const noticesOf = (ticketId: string) =>
  t.db.prisma.notification.findMany({ where: { link: { contains: ticketId } }, orderBy: { createdAt: 'asc' }, select: { kind: true, title: true, user: { select: { email: true } } } });
const mailsAbout = (number: string) => t.db.prisma.outboxEvent.count({ where: { channel: 'mail', payload: { path: ['subject'], string_contains: number } } });

describe('opening a ticket', () => {
  it('routes a complaint about a contract to quality, with its file, audit, notices and mail in one go', async () => {
    const contract = await contractOf();
    const fileId = await upload(s.buyer);
    const res = await call('POST', '/api/tickets', s.buyer, {
      kind: 'COMPLAINT', subject: 'Cartons crushed on arrival', body: 'Twelve cartons arrived crushed, photo attached.', about: { type: 'CONTRACT', id: contract.id }, attachmentIds: [fileId],
    });
    expect(res.statusCode, res.body).toBe(201);
    const ticket = res.json();
    expect(ticket).toMatchObject({
      number: expect.stringMatching(/^TKT-\d{4}-\d{6}$/), kind: 'COMPLAINT', status: 'OPEN', team: 'QUALITY', about: { type: 'CONTRACT', id: contract.id, label: contract.number },
      buyerCompany: { name: 'Northwind Imports Ltd' }, assignee: null, actions: ['CUSTOMER_REPLY'], canRate: false,
      messages: [{ side: 'CUSTOMER', body: 'Twelve cartons arrived crushed, photo attached.', internal: false, attachments: [{ id: fileId, fileName: 'damaged-carton.png', contentType: 'image/png' }] }],
      // Complaints: answered within 4 working hours, resolved within 27.
      sla: { response: { targetMinutes: 240, elapsedMinutes: 0, breached: false, paused: false, stopped: false }, resolution: { targetMinutes: 1620 }, breached: false, urgency: null },
    });
    expect(new Date(ticket.sla.response.dueAt).getTime()).toBe(t.clock.now().getTime() + 4 * HOUR);
    expect(await audits(ticket.id)).toEqual([{ action: 'ticket.open' }]);
    // The quality team (clerks) hears of it in Chinese, their language; the mail goes through the outbox.
    const notes = await noticesOf(ticket.id);
    expect(notes.map((n) => n.user.email).sort()).toEqual(['clerk@demo.example']);
    expect(notes[0]).toMatchObject({ kind: 'tickets.opened', title: expect.stringContaining('投诉') });
    expect(await mailsAbout(ticket.number)).toBe(1);
    // The buyer's colleague sees the photo; the other company does not.
    expect((await call('GET', `/api/attachments/${fileId}`, s.clerk)).statusCode).toBe(200);
    expect((await call('GET', `/api/attachments/${fileId}`, s.buyer2)).statusCode).toBe(404);
  });

  it('routes by kind: inquiries to sales, suggestions to the service desk, a product inquiry to sales', async () => {
    const product = await t.db.prisma.product.findFirstOrThrow({ where: { status: 'ACTIVE' }, select: { id: true, sku: true } });
    expect((await open()).team).toBe('SALES');
    expect((await open({ kind: 'SUGGESTION', subject: 'Paperless documents', body: 'Could you send e-B/Ls?' })).team).toBe('SERVICE_DESK');
    const about = await open({ about: { type: 'PRODUCT', id: product.id } });
    expect(about).toMatchObject({ team: 'SALES', about: { type: 'PRODUCT', id: product.id, label: expect.stringContaining(product.sku) } });
  });

  it('refuses records the buyer cannot see, naming the field, and writes nothing', async () => {
    const theirs = await contractOf(s.buyer2);
    const draft = await t.db.prisma.product.findFirst({ where: { status: { not: 'ACTIVE' } }, select: { id: true } });
    const before = await t.db.prisma.ticket.count();
    const cases: [object, string][] = [
      [{ about: { type: 'CONTRACT', id: theirs.id } }, 'is not a contract of your company'],
      [{ about: { type: 'CONTRACT', id: nobody } }, 'is not a contract of your company'],
      [{ about: { type: 'PRODUCT', id: draft?.id ?? nobody } }, 'is not a product of the catalog'],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/api/tickets', s.buyer, { kind: 'COMPLAINT', subject: 'x', body: 'y', ...body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION', errors: [{ field: 'body.about.id', message }] });
    }
    expect(await t.db.prisma.ticket.count()).toBe(before);
  });

  it('refuses bad input with 400 naming each field', async () => {
    const bad: [object, string[]][] = [
      [{ kind: 'PRAISE', subject: 'x', body: 'y' }, ['body.kind']],
      [{ kind: 'INQUIRY', subject: '', body: '' }, ['body.body', 'body.subject']],
      [{ kind: 'INQUIRY', subject: 'x', body: 'y', about: { type: 'SHIP', id: nobody } }, ['body.about.type']],
      [{ kind: 'INQUIRY', subject: 'x', body: 'y', about: { type: 'PRODUCT', id: 'p-1' } }, ['body.about.id']],
      [{ kind: 'INQUIRY', subject: 'x', body: 'y', attachmentIds: [nobody] }, ['body.attachmentIds.0']],
      [{ kind: 'INQUIRY', subject: 'x'.repeat(201), body: 'y', extra: 1 }, ['body.extra', 'body.subject']],
    ];
    for (const [body, fields] of bad) {
      const res = await call('POST', '/api/tickets', s.buyer, body);
      expect(res.statusCode, res.body).toBe(400);
      expect((res.json().errors as { field: string }[]).map((e) => e.field).sort(), JSON.stringify(body)).toEqual(fields);
    }
    expect((await call('POST', '/api/tickets', s.clerk, { kind: 'INQUIRY', subject: 'x', body: 'y' })).statusCode).toBe(403);
  });
});

describe('the ticket state machine and its timers', () => {
  it('walks open → assigned → waiting → assigned → resolved → closed, pausing the resolution timer while the customer is asked', async () => {
    const ticket = await open({ kind: 'COMPLAINT', subject: 'Wrong colour', body: 'Lids are blue, we ordered black.' });
    t.clock.advance(HOUR);
    const assigned = await call('POST', `/api/tickets/${ticket.id}/assign`, s.clerk, {});
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'ASSIGNED', assignee: { name: expect.any(String) }, sla: { response: { elapsedMinutes: 60, stopped: false } } });

    t.clock.advance(HOUR);
    const asked = await call('POST', `/api/tickets/${ticket.id}/request-info`, s.clerk, { body: 'Which carton numbers?' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ status: 'WAITING_FOR_CUSTOMER', sla: { response: { stopped: true, breached: false, elapsedMinutes: 120 }, resolution: { paused: true, elapsedMinutes: 120, dueAt: null } } });

    // A day and a half later the customer answers: the waiting time does not count.
    t.clock.advance(30 * HOUR);
    const paused = (await call('GET', `/api/tickets/${ticket.id}`, s.clerk)).json();
    expect(paused.sla.resolution).toMatchObject({ paused: true, elapsedMinutes: 120 });
    const reply = await call('POST', `/api/tickets/${ticket.id}/messages`, s.buyer, { body: 'Cartons 14 to 22.' });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json()).toMatchObject({ status: 'ASSIGNED', sla: { resolution: { paused: false, elapsedMinutes: 120 } } });

    t.clock.advance(HOUR);
    const resolved = await call('POST', `/api/tickets/${ticket.id}/resolve`, s.clerk, { body: 'Replacement lids ship with your next order.' });
    expect(resolved.json()).toMatchObject({ status: 'RESOLVED', canRate: false, sla: { resolution: { paused: true, elapsedMinutes: 180 } } });
    expect(resolved.json().resolvedAt).not.toBeNull();

    // A customer's reply reopens a resolved ticket; resolving again and closing stops the timer.
    const reopened = await call('POST', `/api/tickets/${ticket.id}/messages`, s.buyer, { body: 'And the missing spoons?' });
    expect(reopened.json()).toMatchObject({ status: 'ASSIGNED', resolvedAt: null });
    expect((await call('POST', `/api/tickets/${ticket.id}/resolve`, s.clerk, { body: 'Spoons added too.' })).json().status).toBe('RESOLVED');
    const closed = await call('POST', `/api/tickets/${ticket.id}/close`, s.buyer);
    expect(closed.json()).toMatchObject({ status: 'CLOSED', actions: [], sla: { resolution: { stopped: true, breached: false } } });

    expect((await audits(ticket.id)).map((a) => a.action)).toEqual([
      'ticket.open', 'ticket.assign', 'ticket.request_info', 'ticket.customer_reply', 'ticket.resolve', 'ticket.customer_reply', 'ticket.resolve', 'ticket.close',
    ]);
    const notes = await noticesOf(ticket.id);
    expect(notes.map((n) => `${n.kind} ${n.user.email}`)).toEqual([
      'tickets.opened clerk@demo.example',
      'tickets.infoRequested buyer@demo.example', 'tickets.infoRequested purchasing@demo.example',
      'tickets.customerReplied clerk@demo.example',
      'tickets.resolved buyer@demo.example', 'tickets.resolved purchasing@demo.example',
      'tickets.customerReplied clerk@demo.example',
      'tickets.resolved buyer@demo.example', 'tickets.resolved purchasing@demo.example',
      'tickets.closed clerk@demo.example',
    ]);
    // Mail in the reader's language: English for the buyers.
    expect(notes.find((n) => n.kind === 'tickets.resolved')!.title).toBe(`Ticket ${ticket.number} is resolved: please rate our answer`);
  });

  it('counts working hours only: an inquiry opened Friday 17:00 Beijing time is due Monday 16:00', async () => {
    t.clock.advance(4 * 24 * HOUR + 8 * HOUR); // Monday 09:00 → Friday 17:00 Beijing time
    const ticket = await open();
    expect(ticket.sla.response.dueAt).toBe(new Date(t.clock.now().getTime() + 71 * HOUR).toISOString());
    t.clock.advance(63 * HOUR); // Monday 08:00: one working hour has passed
    expect((await call('GET', `/api/tickets/${ticket.id}`, s.clerk)).json().sla.response).toMatchObject({ elapsedMinutes: 60, remainingMinutes: 420, breached: false });
  });

  it('answers a step the status does not allow with 409 and a buyer on a staff step with 403, changing nothing', async () => {
    const ticket = await open();
    expect((await call('POST', `/api/tickets/${ticket.id}/close`, s.buyer)).statusCode).toBe(409);
    expect((await call('POST', `/api/tickets/${ticket.id}/rating`, s.buyer, { rating: 5 })).statusCode).toBe(409);
    expect((await call('POST', `/api/tickets/${ticket.id}/resolve`, s.buyer, { body: 'Done' })).statusCode).toBe(403);
    const note = await call('POST', `/api/tickets/${ticket.id}/messages`, s.buyer, { body: 'psst', internal: true });
    expect(note.statusCode).toBe(403);
    expect(note.json().errors).toEqual([{ field: 'body.internal', message: expect.any(String) }]);
    expect((await call('POST', `/api/tickets/${ticket.id}/assign`, s.clerk, { assigneeId: (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'buyer@demo.example' } })).id })).json()).toMatchObject({
      code: 'VALIDATION', errors: [{ field: 'body.assigneeId' }],
    });
    expect(await audits(ticket.id)).toEqual([{ action: 'ticket.open' }]);
    expect((await t.db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe('OPEN');
  });
});

describe('the team queue', () => {
  it('puts breached tickets first, oldest breach first, and shows the timers', async () => {
    const older = await open({ kind: 'COMPLAINT', subject: 'Older complaint', body: 'a' });
    t.clock.advance(HOUR);
    const newer = await open({ kind: 'COMPLAINT', subject: 'Newer complaint', body: 'b' });
    t.clock.advance(30 * MIN);
    const fresh = await open({ kind: 'COMPLAINT', subject: 'Fresh complaint', body: 'c' });
    // At 14:15 Beijing time: older breached at 13:00, newer at 14:00, fresh due at 14:30.
    t.clock.advance(3 * HOUR + 45 * MIN);
    const res = await call('GET', '/api/tickets/queue?team=QUALITY', s.clerk);
    expect(res.statusCode, res.body).toBe(200);
    const mine = (res.json() as { id: string; sla: { breached: boolean; urgency: string | null } }[]).filter((x) => [older.id, newer.id, fresh.id].includes(x.id));
    expect(mine.map((x) => x.id)).toEqual([older.id, newer.id, fresh.id]);
    expect(mine.map((x) => x.sla.urgency)).toEqual(['OVERDUE', 'OVERDUE', 'DUE_SOON']);
    // Answering stops the response timer in time for the fresh one.
    const answered = await call('POST', `/api/tickets/${fresh.id}/messages`, s.clerk, { body: 'We are on it.' });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json()).toMatchObject({ status: 'ASSIGNED', sla: { response: { stopped: true, breached: false } } });
    expect((await call('GET', '/api/tickets/queue?team=NOPE', s.clerk)).statusCode).toBe(400);
  });
});

describe('isolation', () => {
  it('shows a buyer only their company’s tickets and never an internal note', async () => {
    const ticket = await open();
    const fileId = await upload(s.clerk);
    const note = await call('POST', `/api/tickets/${ticket.id}/messages`, s.clerk, { body: 'Customer pays late; check with finance.', internal: true, attachmentIds: [fileId] });
    expect(note.statusCode, note.body).toBe(201);
    expect(note.json()).toMatchObject({ status: 'OPEN', messages: [{ internal: false }, { internal: true, side: 'STAFF' }] });

    const mine = (await call('GET', `/api/tickets/${ticket.id}`, s.buyer)).json();
    expect(mine.messages).toHaveLength(1);
    expect(JSON.stringify(mine)).not.toContain('finance');
    expect((await call('GET', `/api/attachments/${fileId}`, s.buyer)).statusCode).toBe(404);
    // The note told nobody on the buyer's side.
    expect((await noticesOf(ticket.id)).filter((n) => n.user.email.startsWith('buyer') || n.user.email.startsWith('purchasing'))).toEqual([]);

    // Every ticket route answers another company's buyer as if the ticket did not exist.
    for (const [method, url, body] of [
      ['GET', `/api/tickets/${ticket.id}`, undefined],
      ['POST', `/api/tickets/${ticket.id}/messages`, { body: 'Hi' }],
      ['POST', `/api/tickets/${ticket.id}/close`, undefined],
      ['POST', `/api/tickets/${ticket.id}/rating`, { rating: 1 }],
    ] as const) {
      const res = await call(method, url, s.buyer2, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect(((await call('GET', '/api/tickets', s.buyer2)).json() as { id: string }[]).map((x) => x.id)).not.toContain(ticket.id);
    expect(((await call('GET', '/api/tickets', s.buyer)).json() as { id: string }[]).map((x) => x.id)).toContain(ticket.id);
    expect(((await call('GET', '/api/tickets', s.clerk)).json() as { id: string }[]).map((x) => x.id)).toContain(ticket.id);
    for (const url of ['/api/tickets/queue', '/api/tickets/assignees']) expect((await call('GET', url, s.buyer)).statusCode).toBe(403);
    for (const step of ['assign', 'request-info', 'resolve']) expect((await call('POST', `/api/tickets/${ticket.id}/${step}`, s.buyer2, { body: 'x' })).statusCode).toBe(403);
  });
});

describe('rating', () => {
  it('lets the buyer rate a resolution once, 1 to 5, and tells the assignee', async () => {
    const ticket = await open({ kind: 'COMPLAINT', subject: 'Late documents', body: 'B/L copy missing' });
    await call('POST', `/api/tickets/${ticket.id}/messages`, s.clerk, { body: 'Sent again now.' });
    expect((await call('POST', `/api/tickets/${ticket.id}/resolve`, s.clerk, { body: 'Courier DHL 123.' })).json().canRate).toBe(false);
    const view = (await call('GET', `/api/tickets/${ticket.id}`, s.buyer)).json();
    expect(view).toMatchObject({ status: 'RESOLVED', canRate: true });
    for (const rating of [0, 6, 4.5]) expect((await call('POST', `/api/tickets/${ticket.id}/rating`, s.buyer, { rating })).json().errors[0].field).toBe('body.rating');
    const rated = await call('POST', `/api/tickets/${ticket.id}/rating`, s.buyer, { rating: 4, comment: 'Quick, thanks' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ rating: 4, ratingComment: 'Quick, thanks', canRate: false });
    expect((await call('POST', `/api/tickets/${ticket.id}/rating`, s.buyer, { rating: 5 })).statusCode).toBe(409);
    expect((await noticesOf(ticket.id)).at(-1)).toMatchObject({ kind: 'tickets.rated', user: { email: 'clerk@demo.example' }, title: expect.stringContaining('4') });
  });
});

describe('the demo tickets and the home pages', () => {
  it('seeds open tickets of each kind through the service, one past its response target, and puts them on the home pages', async () => {
    const actorOf = async (email: string): Promise<Actor> => {
      const u = await t.db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, companyId: true, isCompanyAdmin: true, company: { select: { status: true } } } });
      return { userId: u.id, role: u.role, companyId: u.companyId, isCompanyAdmin: u.isCompanyAdmin, companyStatus: u.company.status };
    };
    const [buyer, buyer2, clerk, manager] = await Promise.all(['buyer@demo.example', 'buyer2@demo.example', 'clerk@demo.example', 'manager@demo.example'].map(actorOf));
    const now = t.clock.now();
    const files = createFileStore(await mkdtemp(path.join(tmpdir(), 'tickets-demo-')));
    const tickets = createTicketsService({ prisma: t.db.prisma, clock: t.clock, publicUrl: 'http://portal.test', attachments: createAttachmentsService({ prisma: t.db.prisma, clock: t.clock, files }) });
    const today = now.toISOString().slice(0, 10);
    const ids = await seedTicketsDemo({ tickets }, { buyers: [buyer!, buyer2!], clerk: clerk!, today, at: (instant) => t.clock.advance(instant.getTime() - t.clock.now().getTime()) });
    t.clock.advance(now.getTime() - t.clock.now().getTime());

    const rows = await t.db.prisma.ticket.findMany({ where: { id: { in: Object.values(ids) } }, select: { id: true, kind: true, status: true, rating: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids.answered)).toMatchObject({ kind: 'INQUIRY', status: 'RESOLVED', rating: 5 });
    expect(byId.get(ids.waiting)).toMatchObject({ kind: 'INQUIRY', status: 'WAITING_FOR_CUSTOMER' });
    expect(byId.get(ids.suggestion)).toMatchObject({ kind: 'SUGGESTION', status: 'OPEN' });
    expect(byId.get(ids.overdue)).toMatchObject({ kind: 'COMPLAINT', status: 'OPEN' });
    const overdue = (await call('GET', `/api/tickets/${ids.overdue}`, s.clerk)).json();
    expect(overdue.sla).toMatchObject({ breached: true, response: { breached: true, stopped: false }, urgency: 'OVERDUE' });
    // Each step went through the service: audited and notified.
    expect(await t.db.prisma.auditLog.count({ where: { entityType: 'Ticket', entityId: { in: Object.values(ids) } } })).toBe(9);
    expect((await call('GET', `/api/tickets/${ids.waiting}`, s.buyer2)).json().messages.map((m: { internal: boolean }) => m.internal)).toEqual([false, false]);

    const home = createTicketsHome({ prisma: t.db.prisma });
    const clerkHome = await home(clerk!, now);
    expect(clerkHome.items).toContainEqual(expect.objectContaining({ kind: 'tickets.respond', urgency: 'OVERDUE', link: `/staff/tickets/${ids.overdue}`, params: expect.objectContaining({ ticketKind: 'COMPLAINT' }) }));
    expect(clerkHome.items.map((i) => i.link)).not.toContain(`/staff/tickets/${ids.waiting}`);
    expect((await home(manager!, now)).items.map((i) => i.link)).toContain(`/staff/tickets/${ids.overdue}`);
    const jonas = await home(buyer2!, now);
    expect(jonas.items).toContainEqual(expect.objectContaining({ kind: 'tickets.reply', urgency: 'WAITING', link: `/portal/tickets/${ids.waiting}` }));
    expect(jonas.figures).toContainEqual(expect.objectContaining({ key: 'tickets.open', link: '/portal/tickets' }));
    // Rated already: nothing to rate for Northwind's answered inquiry.
    expect((await home(buyer!, now)).items.map((i) => i.id)).not.toContain(`tickets.rate:${ids.answered}`);
  });
});
