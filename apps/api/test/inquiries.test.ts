import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec, calculateExportPrice, priceStory, type CostedTerm, type ExportCostingInput } from '@portal/domain';
import { companyIdOf, loginAs, startTestApp, type TestContext } from './helpers.ts';
import { readMail } from '@portal/mail/testing';

let t: TestContext;
let dataDir: string;
const s = {} as Record<'buyer' | 'purchasing' | 'buyer2' | 'pending' | 'clerk' | 'finance' | 'manager' | 'admin', string>;
const product = {} as Record<string, string>;
const nobody = '01900000-0000-7000-8000-000000000000';
const HOUR = 3_600_000;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'portal-inquiries-'));
  t = await startTestApp({ DATA_DIR: dataDir });
  for (const who of Object.keys({ buyer: 1, purchasing: 1, buyer2: 1, pending: 1, clerk: 1, finance: 1, manager: 1, admin: 1 }) as (keyof typeof s)[]) {
    s[who] = await loginAs(t.app, `${who}@demo.example`);
  }
  for (const p of await t.db.prisma.product.findMany({ select: { id: true, sku: true } })) product[p.sku] = p.id;
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const day = (offsetDays: number) => new Date(t.clock.now().getTime() + offsetDays * 24 * HOUR).toISOString().slice(0, 10);

function inquiryBody(overrides: Record<string, unknown> = {}) {
  return {
    lines: [
      { productId: product['DW-BTL-500'], description: 'Vacuum bottle 500 ml, matte black, logo laser engraved', quantity: '5000', unit: 'pc', targetPrice: '2.9000' },
      { productId: product['TX-TEE-180'], description: 'Cotton T-shirt 180 g/m², navy, S–XL', quantity: '10000' },
    ],
    incoterm: 'CIF',
    namedPlace: 'Hamburg',
    destinationCountry: 'DE',
    destinationPortCode: 'DEHAM',
    currency: 'USD',
    preferredPaymentMethod: 'TT',
    preferredPaymentTerms: '30% deposit, 70% against the B/L copy',
    requiredShipmentDate: day(60),
    packingRequirements: 'Gift box each, 50 per export carton',
    certificationRequirements: 'LFGB test report',
    message: 'Please quote your best price for both items.',
    attachmentIds: [],
    ...overrides,
  };
}

const send = (cookie: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/inquiries', headers: { cookie }, payload });
const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (cookie: string, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** Uploads a small PDF as `cookie` and returns its id. */
async function uploadPdf(cookie: string, name = 'drawing.pdf'): Promise<string> {
  const boundary = '----portaltestboundary';
  const pdf = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n${pdf}\r\n--${boundary}--\r\n`;
  const res = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** Everything an inquiry writes, to prove that a refused one wrote nothing. */
async function footprint() {
  const p = t.db.prisma;
  return {
    inquiries: await p.inquiry.count(),
    lines: await p.inquiryLine.count(),
    outbox: await p.outboxEvent.count(),
    audit: await p.auditLog.count({ where: { entityType: 'Inquiry' } }),
    notifications: await p.notification.count(),
    linkedFiles: await p.attachment.count({ where: { inquiryId: { not: null } } }),
    numbers: await p.numberSequence.findMany({ orderBy: [{ series: 'asc' }, { year: 'asc' }] }),
  };
}

/** Expects a 400 problem naming exactly these fields, and nothing written. */
async function expectRefused(cookie: string, payload: object, fields: string[], status = 400) {
  const before = await footprint();
  const res = await send(cookie, payload);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  if (fields.length) expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(fields);
  expect(await footprint()).toEqual(before);
  return res.json();
}

/** The text of a raw mail, with quoted-printable soft line breaks undone. */
const subjectOf = (raw: string) => /^Subject: (.*)$/im.exec(raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' '))?.[1];

describe('an approved buyer sends an inquiry', () => {
  let inquiry: Record<string, any>;
  let attachmentId: string;

  beforeAll(async () => {
    attachmentId = await uploadPdf(s.buyer, 'bottle logo.pdf');
    const res = await send(s.buyer, inquiryBody({ attachmentIds: [attachmentId] }));
    expect(res.statusCode, res.body).toBe(201);
    inquiry = res.json();
  });

  it('answers 201 with the numbered inquiry, its lines and its file', () => {
    const year = t.clock.now().getUTCFullYear();
    expect(inquiry.number).toMatch(new RegExp(`^INQ-${year}-\\d{6}$`));
    expect(inquiry).toMatchObject({
      status: 'SUBMITTED',
      buyerCompany: { name: 'Northwind Imports Ltd', country: 'GB' },
      createdBy: 'Emma Clarke',
      assignedTo: null,
      lineCount: 2,
      firstLine: 'Vacuum bottle 500 ml, matte black, logo laser engraved',
      incoterm: 'CIF',
      namedPlace: 'Hamburg',
      currency: 'USD',
      firstResponseAt: null,
      overdue: false,
      latestQuote: null,
      destinationCountry: 'DE',
      destinationPort: { code: 'DEHAM', name: 'Hamburg' },
      preferredPaymentMethod: 'TT',
      requiredShipmentDate: day(60),
      packingRequirements: 'Gift box each, 50 per export carton',
      quotes: [],
    });
    expect(inquiry.lines).toEqual([
      { id: expect.any(String), lineNo: 1, productId: product['DW-BTL-500'], sku: 'DW-BTL-500', description: 'Vacuum bottle 500 ml, matte black, logo laser engraved', quantity: '5000', unit: 'pc', moq: '1000', targetPrice: { amount: '2.9000', currency: 'USD' } },
      // The unit defaults to the product's.
      { id: expect.any(String), lineNo: 2, productId: product['TX-TEE-180'], sku: 'TX-TEE-180', description: 'Cotton T-shirt 180 g/m², navy, S–XL', quantity: '10000', unit: 'pc', moq: '2000', targetPrice: null },
    ]);
    expect(inquiry.attachments).toEqual([expect.objectContaining({ id: attachmentId, fileName: 'bottle logo.pdf', contentType: 'application/pdf' })]);
    expect(Date.parse(inquiry.responseDueAt) - Date.parse(inquiry.submittedAt)).toBe(24 * HOUR);
    expect(inquiry.submittedAt).toBe(t.clock.now().toISOString());
  });

  it('links the file, audits the creation and notifies the clerks', async () => {
    expect((await t.db.prisma.attachment.findUniqueOrThrow({ where: { id: attachmentId } })).inquiryId).toBe(inquiry.id);
    const audit = await t.db.prisma.auditLog.findMany({ where: { entityType: 'Inquiry', entityId: inquiry.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'inquiry.create', changes: expect.objectContaining({ number: inquiry.number, attachmentIds: [attachmentId] }) });
    const clerk = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'clerk@demo.example' } });
    const notes = await t.db.prisma.notification.findMany({ where: { userId: clerk.id, kind: 'inquiry.new' } });
    // The clerk reads Chinese (staff default): the notice is written in it.
    expect(notes).toEqual([expect.objectContaining({ title: `Northwind Imports Ltd 发来新询盘 ${inquiry.number}`, link: `/staff/inquiries/${inquiry.id}` })]);
  });

  it('mails the clerk (through the outbox, to a real SMTP server) and confirms to the buyer', async () => {
    const events = await t.db.prisma.outboxEvent.findMany({ where: { topic: { in: ['inquiry.new', 'inquiry.received'] } } });
    expect(events.map((e) => `${e.topic} ${(e.payload as { to: string }).to}`).sort()).toEqual(['inquiry.new clerk@demo.example', 'inquiry.received buyer@demo.example']);
    expect(await t.app.workers.mail.runOnce()).toBeGreaterThanOrEqual(2);

    const toClerk = t.smtp.messages.filter((m) => m.to.includes('clerk@demo.example'));
    expect(toClerk).toHaveLength(1);
    const mail = readMail(toClerk[0]!.raw);
    expect(mail.subject).toBe(`Northwind Imports Ltd 发来新询盘 ${inquiry.number}`);
    expect(mail.text).toContain('Li Na，您好：');
    expect(mail.text).toContain(`http://portal.test/staff/inquiries/${inquiry.id}`);
    // Quantities grouped for the reader.
    expect(mail.text).toContain('1. Vacuum bottle 500 ml, matte black, logo laser engraved：5,000 pc');
    expect(mail.text).toContain('请在 24 小时内回复。');

    const toBuyer = t.smtp.messages.filter((m) => m.to.includes('buyer@demo.example'));
    expect(toBuyer.map((m) => subjectOf(m.raw))).toContain(`We received your inquiry ${inquiry.number}`);
    const receipt = readMail(toBuyer.find((m) => subjectOf(m.raw)?.includes(inquiry.number))!.raw).text;
    expect(receipt).toContain('within 24 hours');
    expect(receipt).toContain('1. Vacuum bottle 500 ml, matte black, logo laser engraved: 5,000 pc');
  });

  it('is read by its company (buyer and colleague) and by staff; another company gets 404', async () => {
    for (const who of [s.buyer, s.purchasing, s.clerk, s.finance]) {
      const res = await get(who, `/api/inquiries/${inquiry.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().number).toBe(inquiry.number);
    }
    const foreign = await get(s.buyer2, `/api/inquiries/${inquiry.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain(inquiry.number);
    const ghost = await get(s.buyer2, `/api/inquiries/${nobody}`);
    expect(ghost.statusCode).toBe(404);
    expect(ghost.json().detail).toBe(foreign.json().detail);

    const list = await get(s.buyer2, '/api/inquiries?scope=all');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(inquiry.id);

    const withdraw = await post(s.buyer2, `/api/inquiries/${inquiry.id}/withdraw`);
    expect(withdraw.statusCode).toBe(404);
    expect((await t.db.prisma.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } })).status).toBe('SUBMITTED');
    // Nor can buyer2 reach the file through the inquiry.
    expect((await get(s.buyer2, `/api/attachments/${attachmentId}`)).statusCode).toBe(404);
  });

  it('numbers the next inquiry one higher', async () => {
    const res = await send(s.purchasing, inquiryBody({ lines: [{ description: 'Custom enamel mug, 400 ml', quantity: '2000', unit: 'pc' }], incoterm: 'FOB', namedPlace: 'Ningbo' }));
    expect(res.statusCode, res.body).toBe(201);
    const next = Number(inquiry.number.slice(-6)) + 1;
    expect(res.json().number).toBe(`${inquiry.number.slice(0, -6)}${String(next).padStart(6, '0')}`);
    expect(res.json().lines[0]).toMatchObject({ productId: null, sku: null, moq: null, unit: 'pc' });
  });
});

describe('refused inquiries write nothing', () => {
  it('a buyer whose company is not approved: 403 with a clear message', async () => {
    const problem = await expectRefused(s.pending, inquiryBody(), [], 403);
    expect(problem).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringMatching(/not approved yet/) });
  });

  it('a quantity below the MOQ: 400 naming body.lines.0.quantity with the MOQ and unit', async () => {
    const body = inquiryBody();
    body.lines[0]!.quantity = '999';
    const problem = await expectRefused(s.buyer, body, ['body.lines.0.quantity']);
    expect(problem.errors[0].message).toBe('is below the minimum order quantity of 1000 pc');
    expect(problem.detail).toContain('body.lines.0.quantity is below the minimum order quantity of 1000 pc');
  });

  it('with a file: the file stays unlinked', async () => {
    const file = await uploadPdf(s.buyer);
    const body = inquiryBody({ attachmentIds: [file] });
    body.lines[1]!.quantity = '10';
    await expectRefused(s.buyer, body, ['body.lines.1.quantity']);
    expect((await t.db.prisma.attachment.findUniqueOrThrow({ where: { id: file } })).inquiryId).toBeNull();
  });

  it('an unknown port, a port in another country, a malformed port', async () => {
    await expectRefused(s.buyer, inquiryBody({ destinationPortCode: 'DEXXX' }), ['body.destinationPortCode']);
    const elsewhere = await expectRefused(s.buyer, inquiryBody({ destinationPortCode: 'NLRTM' }), ['body.destinationPortCode']);
    expect(elsewhere.errors[0].message).toBe('is in NL, not in the destination country DE');
    await expectRefused(s.buyer, inquiryBody({ destinationPortCode: 'hamburg' }), ['body.destinationPortCode']);
  });

  it('a shipment date in the past, today, or impossible', async () => {
    const past = await expectRefused(s.buyer, inquiryBody({ requiredShipmentDate: day(-3) }), ['body.requiredShipmentDate']);
    expect(past.errors[0].message).toBe('must be a date in the future');
    await expectRefused(s.buyer, inquiryBody({ requiredShipmentDate: day(0) }), ['body.requiredShipmentDate']);
    await expectRefused(s.buyer, inquiryBody({ requiredShipmentDate: '2027-02-30' }), ['body.requiredShipmentDate']);
  });

  it('an unknown Incoterm, country or currency', async () => {
    await expectRefused(s.buyer, inquiryBody({ incoterm: 'FOBX' }), ['body.incoterm']);
    await expectRefused(s.buyer, inquiryBody({ destinationCountry: 'XX', destinationPortCode: undefined }), ['body.destinationCountry']);
    await expectRefused(s.buyer, inquiryBody({ currency: 'XYZ' }), ['body.currency']);
  });

  it('no lines, or 51 lines', async () => {
    await expectRefused(s.buyer, inquiryBody({ lines: [] }), ['body.lines']);
    const line = { productId: product['DW-MUG-350'], description: 'Insulated coffee mug', quantity: '1000' };
    const problem = await expectRefused(s.buyer, inquiryBody({ lines: Array.from({ length: 51 }, () => line) }), ['body.lines']);
    expect(problem.errors[0].message).toBe('at most 50 lines');
  });

  it('a product that is not in the catalog, a wrong unit, a non-catalog line without unit', async () => {
    await expectRefused(s.buyer, inquiryBody({ lines: [{ productId: nobody, description: 'Ghost', quantity: '5000' }] }), ['body.lines.0.productId']);
    await t.db.prisma.product.update({ where: { id: product['KT-BRD-BMB']! }, data: { status: 'ARCHIVED' } });
    await expectRefused(s.buyer, inquiryBody({ lines: [{ productId: product['KT-BRD-BMB'], description: 'Bamboo board', quantity: '5000' }] }), ['body.lines.0.productId']);
    await t.db.prisma.product.update({ where: { id: product['KT-BRD-BMB']! }, data: { status: 'ACTIVE' } });
    await expectRefused(s.buyer, inquiryBody({ lines: [{ productId: product['KT-KNF-SET5'], description: 'Knife set', quantity: '600', unit: 'carton' }] }), ['body.lines.0.unit']);
    await expectRefused(s.buyer, inquiryBody({ lines: [{ description: 'Something custom', quantity: '100' }] }), ['body.lines.0.unit']);
    await expectRefused(s.buyer, inquiryBody({ lines: [{ description: 'Something custom', quantity: '0', unit: 'pc' }] }), ['body.lines.0.quantity']);
  });

  it('another company’s file, an unknown file, a file already used', async () => {
    const theirs = await uploadPdf(s.buyer2, 'rheinland.pdf');
    const problem = await expectRefused(s.buyer, inquiryBody({ attachmentIds: [theirs] }), ['body.attachmentIds.0']);
    expect(problem.errors[0].message).toBe('is not a file uploaded by your company');
    expect(problem.detail).not.toContain('rheinland');
    await expectRefused(s.buyer, inquiryBody({ attachmentIds: [nobody] }), ['body.attachmentIds.0']);
    const used = (await t.db.prisma.attachment.findFirstOrThrow({ where: { inquiryId: { not: null }, company: { name: 'Northwind Imports Ltd' } } })).id;
    const mine = await uploadPdf(s.buyer);
    await expectRefused(s.buyer, inquiryBody({ attachmentIds: [mine, used, mine] }), ['body.attachmentIds.1', 'body.attachmentIds.2']);
  });

  it('several faults at once are all named', async () => {
    const body = inquiryBody({ destinationPortCode: 'DEXXX', requiredShipmentDate: day(-1) });
    body.lines[0]!.quantity = '1';
    await expectRefused(s.buyer, body, ['body.lines.0.quantity', 'body.destinationPortCode', 'body.requiredShipmentDate']);
  });

  it('staff cannot send inquiries', async () => {
    await expectRefused(s.clerk, inquiryBody(), [], 403);
  });
});

describe('the inquiry lists', () => {
  const ids: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };

  beforeAll(async () => {
    // A fresh start: the lists below then hold only these three.
    await t.db.prisma.inquiry.updateMany({ data: { status: 'WITHDRAWN' } });
    for (const key of ['a', 'b', 'c'] as const) {
      t.clock.advance(HOUR);
      const res = await send(key === 'b' ? s.purchasing : s.buyer, inquiryBody({ message: `inquiry ${key}` }));
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
    }
    // B has been answered (a quote was sent).
    await t.db.prisma.inquiry.update({ where: { id: ids.b }, data: { status: 'QUOTED', firstResponseAt: t.clock.now() } });
  });

  const idsOf = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

  it('staff see the inbox: unanswered first, oldest first', async () => {
    const res = await get(s.clerk, '/api/inquiries');
    expect(res.statusCode).toBe(200);
    expect(idsOf(res)).toEqual([ids.a, ids.c, ids.b]);
    expect(res.json()).toMatchObject({ total: 3, page: 1, pageSize: 50, responseTargetHours: 24 });
  });

  it('pages through the inbox in the same order', async () => {
    const pages = [];
    for (const page of [1, 2, 3, 4]) pages.push(...idsOf(await get(s.manager, `/api/inquiries?pageSize=1&page=${page}`)));
    expect(pages).toEqual([ids.a, ids.c, ids.b]);
    expect(idsOf(await get(s.manager, '/api/inquiries?pageSize=2&page=2'))).toEqual([ids.b]);
  });

  it('buyers see their company’s inquiries, newest first; other companies see none of them', async () => {
    expect(idsOf(await get(s.buyer, '/api/inquiries'))).toEqual([ids.c, ids.b, ids.a]);
    expect(idsOf(await get(s.purchasing, '/api/inquiries'))).toEqual([ids.c, ids.b, ids.a]);
    const theirs = await get(s.buyer2, '/api/inquiries?scope=all');
    expect(idsOf(theirs)).toEqual([]);
    expect(theirs.json().total).toBe(0);
  });

  it('marks unanswered inquiries overdue once the response target has passed', async () => {
    const before = await get(s.clerk, '/api/inquiries');
    expect(before.json().items.map((i: { overdue: boolean }) => i.overdue)).toEqual([false, false, false]);
    // A was sent 2 hours ago, C just now: 22 h later only A is past its 24 h.
    t.clock.advance(22 * HOUR + 60_000);
    const later = (await get(s.clerk, '/api/inquiries')).json();
    expect(later.items.map((i: { id: string; overdue: boolean }) => [i.id, i.overdue])).toEqual([[ids.a, true], [ids.c, false], [ids.b, false]]);
    t.clock.advance(2 * HOUR);
    expect((await get(s.buyer, '/api/inquiries')).json().items.map((i: { overdue: boolean }) => i.overdue)).toEqual([true, false, true]);
    // The target is a setting.
    await t.db.prisma.setting.update({ where: { key: 'inquiry.responseTargetHours' }, data: { value: 48 } });
    const relaxed = (await get(s.clerk, '/api/inquiries')).json();
    expect(relaxed.responseTargetHours).toBe(48);
    expect(relaxed.items.map((i: { overdue: boolean }) => i.overdue)).toEqual([false, false, false]);
    expect(Date.parse(relaxed.items[0].responseDueAt) - Date.parse(relaxed.items[0].submittedAt)).toBe(48 * HOUR);
    await t.db.prisma.setting.update({ where: { key: 'inquiry.responseTargetHours' }, data: { value: 24 } });
  });

  it('shows the latest quote: any revision to staff, only sent ones to buyers', async () => {
    const clerk = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'clerk@demo.example' } });
    const inquiry = await t.db.prisma.inquiry.findUniqueOrThrow({ where: { id: ids.b } });
    const revision = (revisionNo: number, status: 'SENT' | 'DRAFT', total: string) => ({
      revisionNo, status, currency: 'USD', incoterm: 'CIF' as const, namedPlace: 'Hamburg', paymentMethod: 'TT' as const, paymentTerms: [], paymentTermsText: 'T/T 30/70',
      leadTimeDays: 40, validUntil: new Date('2027-01-31T00:00:00Z'), totalAmount: total, createdById: clerk.id,
    });
    await t.db.prisma.quote.create({
      data: { number: 'PI-2026-900001', inquiryId: ids.b, buyerCompanyId: inquiry.buyerCompanyId, revisions: { create: [revision(1, 'SENT', '41250.5'), revision(2, 'DRAFT', '39800')] } },
    });
    const staffView = (await get(s.clerk, `/api/inquiries/${ids.b}`)).json();
    expect(staffView.latestQuote).toMatchObject({ number: 'PI-2026-900001', revisionNo: 2, status: 'DRAFT', total: { amount: '39800.00', currency: 'USD' }, validUntil: '2027-01-31' });
    const buyerView = (await get(s.buyer, `/api/inquiries/${ids.b}`)).json();
    expect(buyerView.latestQuote).toMatchObject({ number: 'PI-2026-900001', revisionNo: 1, status: 'SENT', total: { amount: '41250.50', currency: 'USD' } });
    expect(buyerView.quotes).toEqual([{ id: expect.any(String), number: 'PI-2026-900001' }]);
    const inList = (await get(s.buyer, '/api/inquiries')).json().items.find((i: { id: string }) => i.id === ids.b);
    expect(inList.latestQuote.revisionNo).toBe(1);
  });

  it('filters by status, and scope=all includes closed inquiries', async () => {
    expect(idsOf(await get(s.clerk, '/api/inquiries?status=QUOTED'))).toEqual([ids.b]);
    const all = (await get(s.clerk, '/api/inquiries?scope=all&pageSize=100')).json();
    expect(all.total).toBeGreaterThan(3);
    expect((await get(s.clerk, '/api/inquiries?status=LOST')).statusCode).toBe(400);
    expect((await get(s.clerk, '/api/inquiries?pageSize=500')).statusCode).toBe(400);
  });

  describe('withdraw and assign', () => {
    it('the buyer withdraws an open inquiry, once; it leaves the open list', async () => {
      const res = await post(s.buyer, `/api/inquiries/${ids.c}/withdraw`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe('WITHDRAWN');
      expect(await t.db.prisma.auditLog.count({ where: { action: 'inquiry.withdraw', entityId: ids.c } })).toBe(1);
      const again = await post(s.buyer, `/api/inquiries/${ids.c}/withdraw`);
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toBe('an inquiry that is withdrawn cannot be withdrawn');
      expect(idsOf(await get(s.buyer, '/api/inquiries'))).toEqual([ids.b, ids.a]);
      expect(idsOf(await get(s.buyer, '/api/inquiries?scope=all'))).toContain(ids.c);
    });

    it('a quoted inquiry can be withdrawn too, an accepted one cannot', async () => {
      await t.db.prisma.inquiry.update({ where: { id: ids.b }, data: { status: 'ACCEPTED' } });
      const res = await post(s.purchasing, `/api/inquiries/${ids.b}/withdraw`);
      expect(res.statusCode).toBe(409);
      expect((await t.db.prisma.inquiry.findUniqueOrThrow({ where: { id: ids.b } })).status).toBe('ACCEPTED');
      await t.db.prisma.inquiry.update({ where: { id: ids.b }, data: { status: 'QUOTED' } });
      expect((await post(s.purchasing, `/api/inquiries/${ids.b}/withdraw`)).statusCode).toBe(200);
    });

    it('a clerk assigns an open inquiry to a clerk or manager, audited', async () => {
      const manager = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'manager@demo.example' } });
      const res = await post(s.clerk, `/api/inquiries/${ids.a}/assign`, { clerkId: manager.id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().assignedTo).toBe('Zhang Wei');
      expect(await t.db.prisma.auditLog.findFirst({ where: { action: 'inquiry.assign', entityId: ids.a } })).toMatchObject({ changes: { assignedClerkId: { from: null, to: manager.id } } });
      expect(await t.db.prisma.notification.count({ where: { userId: manager.id, kind: 'inquiry.assigned' } })).toBe(1);
    });

    it('refuses an assignee who is not an active clerk or manager, and a closed inquiry', async () => {
      for (const email of ['finance@demo.example', 'buyer@demo.example']) {
        const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email } });
        const res = await post(s.manager, `/api/inquiries/${ids.a}/assign`, { clerkId: user.id });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors).toEqual([{ field: 'body.clerkId', message: 'is not an active clerk or manager' }]);
      }
      const clerk = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'clerk@demo.example' } });
      expect((await post(s.manager, `/api/inquiries/${nobody}/assign`, { clerkId: clerk.id })).statusCode).toBe(404);
      expect((await post(s.manager, `/api/inquiries/${ids.c}/assign`, { clerkId: clerk.id })).statusCode).toBe(409);
      expect((await post(s.finance, `/api/inquiries/${ids.a}/assign`, { clerkId: clerk.id })).statusCode).toBe(403);
    });
  });
});

describe('the indicative price', () => {
  const sku = 'DW-BTL-500';
  const price = (cookie: string, query: string, id = product[sku]) => get(cookie, `/api/catalog/products/${id}/indicative-price?${query}`);

  /** The seeded cost sheet of a product as a costing input, for checking the API against the domain function. */
  async function sheetInput(productSku: string, quantity: string, profit?: string): Promise<ExportCostingInput> {
    const p = await t.db.prisma.product.findUniqueOrThrow({ where: { sku: productSku } });
    const c = await t.db.prisma.costSheet.findFirstOrThrow({ where: { productId: p.id }, orderBy: { createdAt: 'desc' } });
    return {
      costCurrency: c.costCurrency, quoteCurrency: 'USD', purchaseCostInclVat: c.purchaseCostInclVat.toString(), vatRate: c.vatRate.toString(),
      rebateRate: c.rebateRate.toString(), domesticExpensesFixed: c.domesticExpensesFixed.toString(), domesticExpensesPerUnit: c.domesticExpensesPerUnit.toString(),
      quantity,
      packing: { unitsPerCarton: p.unitsPerCarton, cartonLengthCm: p.cartonLengthCm.toString(), cartonWidthCm: p.cartonWidthCm.toString(), cartonHeightCm: p.cartonHeightCm.toString(), cartonGrossWeightKg: p.cartonGrossWeightKg.toString() },
      freightMode: 'NONE', insuranceCoverRate: c.insuranceCoverRate.toString(), insurancePremiumRate: c.insurancePremiumRate.toString(),
      commissionRate: c.commissionRate.toString(), bankChargesRate: c.bankChargesRate.toString(),
      profitBasis: profit ? 'SHARE_OF_PRICE' : c.profitBasis, profitRate: profit ?? c.profitRate.toString(), exchangeRate: '7.1050',
    };
  }
  // 5,000 bottles: 100 cartons of 0.061 CBM = 6.1 CBM, far below 60% of a 40′HQ: LCL to Hamburg at USD 55 per W/M.
  const lclHamburg = { freightMode: 'LCL', lclRatePerWm: '55', lclSurchargeRate: '0', freightCurrency: 'USD' } as const;

  // The seeded FOB list tiers of the bottle, in USD.
  const bottleTiers = [{ minQuantity: '1000', unitPrice: '3.2000' }, { minQuantity: '5000', unitPrice: '2.9500' }, { minQuantity: '20000', unitPrice: '2.7800' }];
  /** The price story the domain tells for a costing input (each term at least its price at the floor) and the tiers. */
  function told(input: ExportCostingInput, floorRate: string, tiers = bottleTiers) {
    const priced = calculateExportPrice(input).prices;
    const floor = calculateExportPrice({ ...input, profitBasis: 'SHARE_OF_PRICE', profitRate: floorRate }).prices;
    const atLeast = (k: CostedTerm) => (priced[k] ? Dec.max(priced[k]!.unitPrice, floor[k]?.unitPrice ?? '0') : null);
    return priceStory({ quantity: input.quantity as string, tiers, costed: { FOB: atLeast('FOB')!, CFR: atLeast('CFR'), CIF: atLeast('CIF') } })!;
  }

  it('tells one price story: FOB is the list tier for the quantity, CFR and CIF add what the cost sheet adds for freight and insurance', async () => {
    const answers = {} as Record<'FOB' | 'CFR' | 'CIF', Record<string, any>>;
    for (const incoterm of ['FOB', 'CFR', 'CIF'] as const) {
      const res = await price(s.buyer, `quantity=5000&incoterm=${incoterm}&port=DEHAM`);
      expect(res.statusCode, res.body).toBe(200);
      answers[incoterm] = res.json();
    }
    const unit = (k: 'FOB' | 'CFR' | 'CIF') => Number(answers[k].unitPrice.amount);
    expect(unit('CIF')).toBeGreaterThan(unit('CFR'));
    expect(unit('CFR')).toBeGreaterThan(unit('FOB'));
    // The same quantity never shows two FOB prices: the product page's tier for 5,000 is the price.
    expect(answers.FOB).toMatchObject({ indicative: true, incoterm: 'FOB', namedPlace: 'Ningbo', basis: 'price-tier', unitPrice: { amount: '2.9500', currency: 'USD' }, computedAt: t.clock.now().toISOString() });
    expect(answers.CIF).toMatchObject({ incoterm: 'CIF', namedPlace: 'Hamburg', basis: 'price-tier' });
    for (const k of ['FOB', 'CFR', 'CIF'] as const) {
      expect(answers[k].unitPrice.amount).toMatch(/^\d+\.\d{4}$/);
      expect(answers[k].total).toEqual({ amount: (Math.round(unit(k) * 10_000 * 5000) / 10_000).toFixed(2), currency: 'USD' });
    }
    // Exactly the domain's story: the tier, plus the costing's freight, grossed up for insurance.
    const story = told({ ...(await sheetInput(sku, '5000')), ...lclHamburg }, '0.08');
    expect(answers.CFR.unitPrice.amount).toBe(story.prices.CFR);
    expect(answers.CIF.unitPrice.amount).toBe(story.prices.CIF);
    // At the MOQ: the first tier, exactly.
    expect((await price(s.buyer, 'quantity=1000&incoterm=FOB')).json().unitPrice.amount).toBe('3.2000');
  });

  it('ships a container load as FCL 40′HQ', async () => {
    // 60,000 bottles = 1,200 cartons; a 40′HQ takes 1,111: two containers at USD 2,400.
    const res = await price(s.buyer, 'quantity=60000&incoterm=CFR&port=DEHAM');
    expect(res.statusCode, res.body).toBe(200);
    const story = told({ ...(await sheetInput(sku, '60000')), freightMode: 'FCL', containerType: '40HQ', freightPerContainer: '2400', freightCurrency: 'USD' }, '0.08');
    expect(res.json().unitPrice.amount).toBe(story.prices.CFR);
  });

  it('without a list tier, prices from the cost sheet and never below the margin floor: the product’s, else the setting', async () => {
    const tiers = await t.db.prisma.productPriceTier.findMany({ where: { productId: product[sku]! } });
    await t.db.prisma.productPriceTier.deleteMany({ where: { productId: product[sku]! } });
    try {
      const before = (await price(s.buyer, 'quantity=5000&incoterm=FOB')).json();
      expect(before).toMatchObject({ basis: 'cost-sheet', unitPrice: { amount: calculateExportPrice(await sheetInput(sku, '5000')).prices.FOB.unitPrice } });
      await t.db.prisma.product.update({ where: { id: product[sku]! }, data: { marginFloorRate: '0.25' } });
      const raised = (await price(s.buyer, 'quantity=5000&incoterm=FOB')).json();
      const floor25 = calculateExportPrice(await sheetInput(sku, '5000', '0.25')).prices.FOB.unitPrice;
      expect(raised.unitPrice.amount).toBe(floor25);
      expect(Number(raised.unitPrice.amount)).toBeGreaterThan(Number(before.unitPrice.amount));
      const cif = (await price(s.buyer, 'quantity=5000&incoterm=CIF&port=DEHAM')).json();
      expect(cif.unitPrice.amount).toBe(told({ ...(await sheetInput(sku, '5000')), ...lclHamburg }, '0.25', []).prices.CIF);

      await t.db.prisma.product.update({ where: { id: product[sku]! }, data: { marginFloorRate: null } });
      await t.db.prisma.setting.update({ where: { key: 'quote.marginFloorRate' }, data: { value: '0.30' } });
      const fromSetting = (await price(s.buyer, 'quantity=5000&incoterm=FOB')).json();
      expect(fromSetting.unitPrice.amount).toBe(calculateExportPrice(await sheetInput(sku, '5000', '0.30')).prices.FOB.unitPrice);
      await t.db.prisma.setting.update({ where: { key: 'quote.marginFloorRate' }, data: { value: '0.08' } });
      await t.db.prisma.product.update({ where: { id: product[sku]! }, data: { marginFloorRate: '0.0800' } });
      expect((await price(s.buyer, 'quantity=5000&incoterm=FOB')).json().unitPrice).toEqual(before.unitPrice);
    } finally {
      await t.db.prisma.productPriceTier.createMany({ data: tiers });
    }
  });

  it('never shows a cost, margin, rate or the cost sheet to a buyer', async () => {
    const sheet = await t.db.prisma.costSheet.findFirstOrThrow({ where: { productId: product[sku]! } });
    for (const incoterm of ['FOB', 'CIF']) {
      const res = await price(s.buyer, `quantity=5000&incoterm=${incoterm}&port=DEHAM`);
      const keys: string[] = [];
      const walk = (v: unknown) => {
        if (v && typeof v === 'object') for (const [k, inner] of Object.entries(v)) (keys.push(k), walk(inner));
      };
      walk(JSON.parse(res.body));
      expect(keys.sort()).toEqual(['amount', 'amount', 'basis', 'computedAt', 'currency', 'currency', 'incoterm', 'indicative', 'namedPlace', 'note', 'total', 'unitPrice']);
      expect(res.body).not.toMatch(/margin|profit|rebate|purchase|exchangeRate|costBase|CNY|7\.105|floor/i);
      expect(res.body).not.toContain(sheet.id);
      expect(res.body).not.toContain(sheet.purchaseCostInclVat.toFixed(4));
      expect(res.body).not.toContain(sheet.purchaseCostInclVat.toFixed(2));
    }
  });

  it('is refused to a buyer whose company is not approved (403), open to staff', async () => {
    const res = await price(s.pending, 'quantity=5000&incoterm=FOB');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', detail: 'prices are shown to approved buyers' });
    expect(res.body).not.toMatch(/amount/);
    expect((await price(s.finance, 'quantity=5000&incoterm=FOB')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/catalog/products/${product[sku]}/indicative-price?quantity=5000&incoterm=FOB` })).statusCode).toBe(401);
  });

  it('converts into the buyer’s currency at the bank buying rate', async () => {
    const usd = (await price(s.buyer, 'quantity=5000&incoterm=FOB')).json();
    const eur = (await price(s.buyer, 'quantity=5000&incoterm=FOB&currency=EUR')).json();
    expect(eur.unitPrice.currency).toBe('EUR');
    expect(Math.abs(Number(eur.unitPrice.amount) - (Number(usd.unitPrice.amount) * 7.105) / 7.732)).toBeLessThan(0.0002);
    // EUR freight is priced in USD: converted through CNY.
    expect((await price(s.buyer, 'quantity=5000&incoterm=CIF&port=DEHAM&currency=EUR')).statusCode).toBe(200);
  });

  it('falls back to the FOB price tier without a cost sheet; CFR and CIF then need a quote', async () => {
    const tote = product['TX-BAG-TOTE']!;
    await t.db.prisma.costSheet.deleteMany({ where: { productId: tote } });
    const tier = await price(s.buyer, 'quantity=20000&incoterm=FOB', tote);
    expect(tier.statusCode, tier.body).toBe(200);
    expect(tier.json()).toMatchObject({ basis: 'price-tier', unitPrice: { amount: '0.5400', currency: 'USD' }, total: { amount: '10800.00', currency: 'USD' }, namedPlace: 'Ningbo' });
    expect((await price(s.buyer, 'quantity=19999&incoterm=FOB', tote)).json().unitPrice.amount).toBe('0.6200');
    const cfr = await price(s.buyer, 'quantity=20000&incoterm=CFR&port=DEHAM', tote);
    expect(cfr.statusCode).toBe(409);
    expect(cfr.json().detail).toMatch(/ask for a quote/);
  });

  it('names the query field at fault', async () => {
    const field = async (query: string) => (await price(s.buyer, query)).json().errors?.[0]?.field;
    expect(await field('quantity=999&incoterm=FOB')).toBe('query.quantity');
    expect((await price(s.buyer, 'quantity=999&incoterm=FOB')).json().errors[0].message).toBe('is below the minimum order quantity of 1000 pc');
    expect(await field('quantity=5000&incoterm=CFR')).toBe('query.port');
    expect(await field('quantity=5000&incoterm=CIF&port=DEXXX')).toBe('query.port');
    expect(await field('quantity=5000&incoterm=DDP')).toBe('query.incoterm');
    expect(await field('quantity=-5&incoterm=FOB')).toBe('query.quantity');
    expect(await field('quantity=5000&incoterm=FOB&currency=XYZ')).toBe('query.currency');
    expect((await price(s.buyer, 'quantity=5000&incoterm=FOB', nobody)).statusCode).toBe(404);
    // A port without a freight rate: a quote, not a guess.
    const noLane = await price(s.buyer, 'quantity=5000&incoterm=CFR&port=CNSHA');
    expect(noLane.statusCode).toBe(409);
  });
});
