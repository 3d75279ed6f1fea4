import { describe, expect, it } from 'vitest';
import { loginAs } from './helpers.ts';
import { t, s, bottle, day, call, draft } from './trade-fixture.ts';

type Item = { id: string; kind: string; capability: string; urgency: string; params: Record<string, string | number>; dueAt: string | null; since: string; link: string };
type Home = { items: Item[]; totals: Record<string, number>; figures: { key: string; count: number; amounts?: { amount: string; currency: string }[]; link: string }[] };

const HOUR = 3_600_000;
const homeOf = async (cookie: string): Promise<Home> => {
  const res = await call('GET', '/api/home', cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const kinds = (h: Home) => h.items.map((i) => i.kind);
const itemsOf = (h: Home, kind: string) => h.items.filter((i) => i.kind === kind);
const figure = (h: Home, key: string) => h.figures.find((f) => f.key === key);

async function sendInquiry(cookie = s.buyer) {
  const res = await call('POST', '/api/inquiries', cookie, {
    lines: [{ productId: bottle.id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }],
    incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string; lines: { id: string }[] };
}

const lcTerms = [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'LC', percent: '70', trigger: 'SIGHT' }];

describe('GET /api/home', () => {
  it('needs a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
  });

  it('the clerk’s queue: a new inquiry with its response timer, due soon near the target, overdue past it', async () => {
    const inquiry = await sendInquiry();
    let clerk = await homeOf(s.clerk);
    const [item] = itemsOf(clerk, 'inquiries.respond').filter((i) => i.link === `/staff/inquiries/${inquiry.id}`);
    expect(item).toMatchObject({ id: `inquiries.respond:${inquiry.id}`, capability: 'inquiries', urgency: 'WAITING', params: { number: inquiry.number, company: 'Northwind Imports Ltd', lines: 1 } });
    expect(new Date(item!.dueAt!).getTime() - new Date(item!.since).getTime()).toBe(24 * HOUR);
    expect(figure(clerk, 'inquiries.open')!.count).toBeGreaterThanOrEqual(1);
    // Nobody else's queue: not the manager's (not assigned to them), not another buyer's.
    expect(itemsOf(await homeOf(s.manager), 'inquiries.respond').map((i) => i.id)).not.toContain(item!.id);
    expect(JSON.stringify(await homeOf(s.buyer2))).not.toContain(inquiry.number);

    t.clock.advance(21 * HOUR);
    clerk = await homeOf(s.clerk);
    expect(clerk.items.find((i) => i.id === item!.id)?.urgency).toBe('DUE_SOON');
    t.clock.advance(4 * HOUR);
    clerk = await homeOf(s.clerk);
    expect(clerk.items.find((i) => i.id === item!.id)?.urgency).toBe('OVERDUE');
    // Most urgent first.
    expect(clerk.items[0]!.urgency).toBe('OVERDUE');
    expect(clerk.totals['inquiries.respond']).toBe(itemsOf(clerk, 'inquiries.respond').length);

    // A draft is the clerk's to finish; once sent the inquiry is answered and the buyer's to answer.
    const q = await call('POST', `/api/inquiries/${inquiry.id}/quotes`, s.clerk, draft(inquiry.lines[0]!.id));
    expect(q.statusCode, q.body).toBe(201);
    clerk = await homeOf(s.clerk);
    expect(itemsOf(clerk, 'quotes.finishDraft').map((i) => i.link)).toContain(`/staff/quotes/${q.json().id}`);
    expect((await call('POST', `/api/quotes/${q.json().id}/revisions/1/send`, s.clerk)).statusCode).toBe(200);
    clerk = await homeOf(s.clerk);
    expect(clerk.items.map((i) => i.id)).not.toContain(item!.id);
    expect(itemsOf(clerk, 'quotes.finishDraft').map((i) => i.link)).not.toContain(`/staff/quotes/${q.json().id}`);
  });

  it('the buyer’s queue: a sent quote to answer (their company’s only), then a counter-offer waits for the clerk', async () => {
    const inquiry = await sendInquiry();
    const q = await call('POST', `/api/inquiries/${inquiry.id}/quotes`, s.clerk, draft(inquiry.lines[0]!.id));
    const quoteNumber = q.json().number as string;
    expect((await call('POST', `/api/quotes/${q.json().id}/revisions/1/send`, s.clerk)).statusCode).toBe(200);

    for (const cookie of [s.buyer, await loginAs(t.app, 'purchasing@demo.example')]) {
      const answer = itemsOf(await homeOf(cookie), 'quotes.answer').find((i) => i.params.number === quoteNumber);
      // 12,000 pc × USD 3.4126 = USD 40,951.20, valid through day(30).
      expect(answer).toMatchObject({ urgency: 'WAITING', params: { revisionNo: 1, amount: '40951.20', currency: 'USD', validUntil: day(30) }, link: `/portal/inquiries/${inquiry.id}` });
    }
    expect(JSON.stringify(await homeOf(s.buyer2))).not.toContain(quoteNumber);
    expect(figure(await homeOf(s.buyer), 'quotes.awaitingBuyer')!.count).toBeGreaterThanOrEqual(1);
    expect(figure(await homeOf(s.buyer2), 'quotes.awaitingBuyer')!.count).toBe(0);

    const line = (await call('GET', `/api/quotes/${q.json().id}`, s.buyer)).json().revisions[0].lines[0].id;
    const counter = await call('POST', `/api/inquiries/${inquiry.id}/counter-offers`, s.buyer, { revisionNo: 1, lines: [{ quoteLineId: line, proposedUnitPrice: '3.2500' }] });
    expect(counter.statusCode, counter.body).toBe(201);
    const waiting = itemsOf(await homeOf(s.clerk), 'negotiation.answerCounter').find((i) => i.params.number === inquiry.number);
    expect(waiting).toMatchObject({ capability: 'negotiation', params: { company: 'Northwind Imports Ltd', request: 'counterOffer', quoteNumber, revisionNo: 1 }, link: `/staff/inquiries/${inquiry.id}` });
    // Countered, the quote waits on the clerk, no longer on the buyer (who may still accept it meanwhile).
    expect(itemsOf(await homeOf(s.buyer), 'quotes.answer').map((i) => i.params.number)).not.toContain(quoteNumber);
    // The clerk answers: the counter-offer no longer waits.
    t.clock.advance(60_000);
    expect((await call('POST', `/api/inquiries/${inquiry.id}/messages`, s.clerk, { body: 'We can do 3.30 at this quantity.' })).statusCode).toBe(201);
    expect(itemsOf(await homeOf(s.clerk), 'negotiation.answerCounter').map((i) => i.params.number)).not.toContain(inquiry.number);
    // The clerk's answer is a message, not a new revision: the standing quote is the buyer's to answer again.
    expect(itemsOf(await homeOf(s.buyer), 'quotes.answer').map((i) => i.params.number)).toContain(quoteNumber);

    // Countered again, the clerk answers with revision 2: the clerk's item goes, revision 2 is the buyer's to answer.
    t.clock.advance(60_000);
    expect((await call('POST', `/api/inquiries/${inquiry.id}/counter-offers`, s.buyer, { revisionNo: 1, lines: [{ quoteLineId: line, proposedUnitPrice: '3.2800' }] })).statusCode).toBe(201);
    expect(itemsOf(await homeOf(s.clerk), 'negotiation.answerCounter').map((i) => i.params.number)).toContain(inquiry.number);
    expect((await call('POST', `/api/inquiries/${inquiry.id}/quotes`, s.clerk, draft(inquiry.lines[0]!.id, {}, { unitPrice: '3.3000' }))).statusCode).toBe(201);
    expect((await call('POST', `/api/quotes/${q.json().id}/revisions/2/send`, s.clerk)).statusCode).toBe(200);
    expect(itemsOf(await homeOf(s.clerk), 'negotiation.answerCounter').map((i) => i.params.number)).not.toContain(inquiry.number);
    expect(itemsOf(await homeOf(s.buyer), 'quotes.answer').find((i) => i.params.number === quoteNumber)?.params.revisionNo).toBe(2);
  });

  it('a contract paid by L/C: the buyer confirms it and opens the credit; the clerk, manager and finance then check it', async () => {
    const inquiry = await sendInquiry();
    const q = await call('POST', `/api/inquiries/${inquiry.id}/quotes`, s.clerk, draft(inquiry.lines[0]!.id, { paymentTerms: lcTerms }));
    expect((await call('POST', `/api/quotes/${q.json().id}/revisions/1/send`, s.clerk)).statusCode).toBe(200);
    const accepted = await call('POST', `/api/quotes/${q.json().id}/revisions/1/accept`, s.buyer);
    expect(accepted.statusCode, accepted.body).toBe(201);
    const c = accepted.json() as { id: string; number: string };

    let buyer = await homeOf(s.buyer);
    expect(itemsOf(buyer, 'sales-contracts.confirm').find((i) => i.params.number === c.number)).toMatchObject({ params: { amount: '40951.20', currency: 'USD' }, link: `/portal/contracts/${c.id}` });
    expect(itemsOf(buyer, 'letters-of-credit.open').find((i) => i.params.number === c.number)).toMatchObject({ link: `/portal/contracts/${c.id}` });
    expect(JSON.stringify(await homeOf(s.buyer2))).not.toContain(c.number);

    expect((await call('POST', `/api/contracts/${c.id}/confirm`, s.buyer)).statusCode).toBe(200);
    buyer = await homeOf(s.buyer);
    expect(itemsOf(buyer, 'sales-contracts.confirm').map((i) => i.params.number)).not.toContain(c.number);
    const inExecution = figure(buyer, 'sales-contracts.inExecution')!;
    expect(inExecution.count).toBeGreaterThanOrEqual(1);
    expect(inExecution.amounts?.find((a) => a.currency === 'USD')).toBeDefined();
    expect(figure(await homeOf(s.buyer2), 'sales-contracts.inExecution')).toMatchObject({ count: 0, amounts: [] });

    t.clock.advance(3 * 24 * HOUR);
    const registered = t.clock.now();
    const lc = await call('PUT', `/api/contracts/${c.id}/letter-of-credit`, s.buyer, {
      number: 'LC/DE/2026/00999', issuingBank: 'Hamburger Handelsbank AG', issueDate: day(5), expiryDate: day(81), latestShipmentDate: day(60), presentationDays: 21, amount: '28665.84', currency: 'USD',
    });
    expect(lc.statusCode, lc.body).toBe(200);
    expect(itemsOf(await homeOf(s.buyer), 'letters-of-credit.open').map((i) => i.params.number)).not.toContain(c.number);
    for (const cookie of [s.clerk, s.manager, s.finance]) {
      // Waiting since the credit was registered, not since the contract was issued.
      expect(itemsOf(await homeOf(cookie), 'letters-of-credit.check').find((i) => i.params.number === c.number))
        .toMatchObject({ params: { company: 'Northwind Imports Ltd', lcNumber: 'LC/DE/2026/00999', amount: '28665.84', currency: 'USD', expiryDate: day(81) }, since: registered.toISOString(), link: `/staff/contracts/${c.id}` });
    }

    // The clerk asks for an amendment: the buyer is to have it amended.
    expect((await call('POST', `/api/contracts/${c.id}/letter-of-credit/review`, s.clerk, { decision: 'REQUEST_AMENDMENT', note: 'Presentation period must be 21 days.' })).statusCode).toBe(200);
    expect(itemsOf(await homeOf(s.buyer), 'letters-of-credit.amend').find((i) => i.params.number === c.number)).toMatchObject({ link: `/portal/contracts/${c.id}` });
    expect(itemsOf(await homeOf(s.clerk), 'letters-of-credit.check').map((i) => i.params.number)).not.toContain(c.number);

    // Amended and registered again: checked anew, waiting since then.
    t.clock.advance(2 * 24 * HOUR);
    const amended = t.clock.now();
    expect((await call('PUT', `/api/contracts/${c.id}/letter-of-credit`, s.buyer, {
      number: 'LC/DE/2026/00999', issuingBank: 'Hamburger Handelsbank AG', issueDate: day(5), expiryDate: day(81), latestShipmentDate: day(60), presentationDays: 21, amount: '28665.84', currency: 'USD',
    })).statusCode).toBe(200);
    expect(itemsOf(await homeOf(s.clerk), 'letters-of-credit.check').find((i) => i.params.number === c.number)?.since).toBe(amended.toISOString());
  });

  it('the manager’s queue: a new buyer company to review; the administrator’s: deliveries held', async () => {
    const company = await t.db.prisma.company.create({
      data: { kind: 'BUYER', name: 'Pacific Tableware Pty', country: 'AU', addressLine1: '1 Quay St', city: 'Sydney', status: 'PENDING', users: { create: { email: 'ops@pacific-tableware.example', name: 'Mia Chen', passwordHash: 'x', role: 'BUYER', isCompanyAdmin: true, emailVerifiedAt: t.clock.now() } } },
    });
    const manager = await homeOf(s.manager);
    expect(itemsOf(manager, 'companies.review').find((i) => i.link === `/staff/companies/${company.id}`)).toMatchObject({ params: { company: 'Pacific Tableware Pty', country: 'AU' } });
    expect(kinds(await homeOf(s.clerk))).not.toContain('companies.review');
    expect(kinds(await homeOf(s.buyer))).not.toContain('companies.review');

    const admin = await loginAs(t.app, 'admin@demo.example');
    // Everything queued so far is delivered: nothing is held or stuck.
    while ((await t.app.workers.mail.runOnce()) > 0);
    expect(kinds(await homeOf(admin))).not.toContain('outbox.failed');
    await t.db.prisma.outboxEvent.create({ data: { channel: 'mail', topic: 'quote.sent', status: 'DEAD', attempts: 1, lastError: '550 no such mailbox', payload: { to: 'gone@example.com', subject: 'x', text: 'y' }, createdAt: t.clock.now() } });
    expect(itemsOf(await homeOf(admin), 'outbox.failed')).toEqual([expect.objectContaining({ urgency: 'OVERDUE', params: expect.objectContaining({ held: 1, mail: 1 }), link: '/staff/outbox' })]);
    expect(kinds(await homeOf(s.manager))).not.toContain('outbox.failed');
  });
});
