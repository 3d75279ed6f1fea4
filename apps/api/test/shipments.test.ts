import { beforeAll, describe, expect, it } from 'vitest';
import { multipart } from './helpers.ts';
import { t, s, nobody, day, call, draft, expectFields } from './trade-fixture.ts';
import { embedsChineseFont, pdfText } from './pdf-text.ts';

/*
 * Contract execution: shipments of a confirmed contract within its quantity and tolerance, their
 * milestones in lifecycle order (DCSA codes, PLN/EST/ACT, supersession), the buyer told in their
 * language, trade documents and their downloads, batch certificates, and another company's buyer
 * kept out of every route.
 */

/** The real path to a confirmed contract for 12,000 bottles; `partial` amends it to allow partial shipment (the clerk proposes, the buyer confirms). */
async function confirmedContract(partial: boolean) {
  const inq = await call('POST', '/api/inquiries', s.buyer, {
    lines: [{ productId: (await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } })).id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }],
    incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
  });
  expect(inq.statusCode, inq.body).toBe(201);
  const q = await call('POST', `/api/inquiries/${inq.json().id}/quotes`, s.clerk, draft(inq.json().lines[0].id));
  expect(q.statusCode, q.body).toBe(201);
  expect((await call('POST', `/api/quotes/${q.json().id}/revisions/1/send`, s.clerk)).statusCode).toBe(200);
  const accepted = await call('POST', `/api/quotes/${q.json().id}/revisions/1/accept`, s.buyer);
  expect(accepted.statusCode, accepted.body).toBe(201);
  const id = accepted.json().id as string;
  expect((await call('POST', `/api/contracts/${id}/confirm`, s.buyer)).statusCode).toBe(200);
  if (partial) {
    expect((await call('POST', `/api/contracts/${id}/amendments`, s.clerk, { reason: 'Two sailings', changes: { partialShipmentAllowed: true } })).statusCode).toBe(201);
    expect((await call('POST', `/api/contracts/${id}/amendments/1/confirm`, s.buyer)).statusCode).toBe(200);
  }
  return { id, number: accepted.json().number as string };
}

const booking = () => ({
  carrier: 'COSCO Shipping Lines', vessel: 'COSCO Aries', voyage: '041W', bookingNumber: 'COSU6312345670', portOfLoadingCode: 'CNNGB', portOfDischargeCode: 'DEHAM', etd: day(3), eta: day(35),
});
/** The text a PDF shows, from its uncompressed content streams. */
const event = (shipmentId: string, cookie: string, body: object) => call('POST', `/api/shipments/${shipmentId}/events`, cookie, body);
const counts = async () => ({
  events: await t.db.prisma.shipmentEvent.count(), shipments: await t.db.prisma.shipment.count(), audits: await t.db.prisma.auditLog.count(), notes: await t.db.prisma.notification.count(),
});

describe('a contract that forbids partial shipment', () => {
  let c: { id: string; number: string };
  beforeAll(async () => {
    c = await confirmedContract(false);
  });

  it('ships all of it at once, or nothing (bottles are counted in units: no tolerance)', async () => {
    const before = await counts();
    expectFields(await call('POST', `/api/contracts/${c.id}/shipments`, s.clerk, { lines: [{ contractLineNo: 1, quantity: '5000' }] }), ['body.lines.0.quantity']);
    expectFields(await call('POST', `/api/contracts/${c.id}/shipments`, s.clerk, { lines: [{ contractLineNo: 1, quantity: '12001' }] }), ['body.lines.0.quantity']);
    expectFields(await call('POST', `/api/contracts/${c.id}/shipments`, s.clerk, { lines: [{ contractLineNo: 2, quantity: '1' }] }), ['body.lines.0.contractLineNo']);
    expect(await counts()).toEqual(before);
    const ok = await call('POST', `/api/contracts/${c.id}/shipments`, s.clerk, { lines: [{ contractLineNo: 1, quantity: '12000' }] });
    expect(ok.statusCode, ok.body).toBe(201);
    // All of it is on a shipment, none of it has left yet: planned, not shipped.
    expect(ok.json().lines[0]).toMatchObject({ ordered: '12000.000', shipped: '0.000', planned: '12000.000', remaining: '0.000', complete: false });
    expectFields(await call('POST', `/api/contracts/${c.id}/shipments`, s.clerk, { lines: [{ contractLineNo: 1, quantity: '1' }] }), ['body.lines', 'body.lines.0.quantity']);
  });
});

describe('a partial shipment through its lifecycle', () => {
  let c: { id: string; number: string };
  let sh: string;
  beforeAll(async () => {
    c = await confirmedContract(true);
    const res = await call('POST', `/api/contracts/${c.id}/shipments`, s.clerk, { lines: [{ contractLineNo: 1, quantity: '5000' }], note: 'Rush: first sailing' });
    expect(res.statusCode, res.body).toBe(201);
    sh = res.json().shipments[0].id;
  });

  it('leaves the rest of the line visible, and never lets the shipments exceed the contract', async () => {
    const ex = (await call('GET', `/api/contracts/${c.id}/execution`, s.buyer)).json();
    expect(ex.lines[0]).toMatchObject({ ordered: '12000.000', shipped: '0.000', planned: '5000.000', remaining: '7000.000', mayStillShip: '7000.000', complete: false });
    expect(ex.shipments[0]).toMatchObject({ status: 'PLANNED', invoiceNumber: expect.stringMatching(/^CI-\d{4}-\d{6}$/), value: { amount: '17063.00', currency: 'USD' } });
    expect(ex.shipments[0].note).toBeUndefined();
    expect((await call('GET', `/api/contracts/${c.id}/execution`, s.clerk)).json().shipments[0].note).toBe('Rush: first sailing');
    expectFields(await call('POST', `/api/contracts/${c.id}/shipments`, s.clerk, { lines: [{ contractLineNo: 1, quantity: '7001' }] }), ['body.lines.0.quantity']);
  });

  it('refuses a departure before the booking, a booking without its details, an unknown port, a wrong container number, and a buyer writing milestones', async () => {
    const before = await counts();
    const early = await event(sh, s.clerk, { milestone: 'DEPARTED', classifier: 'ACT', date: day(0) });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().detail).toContain('record the booking first');
    expectFields(await event(sh, s.clerk, { milestone: 'BOOKING_CONFIRMED', classifier: 'ACT', date: day(0) }), ['body.booking']);
    expectFields(await event(sh, s.clerk, { milestone: 'BOOKING_CONFIRMED', classifier: 'ACT', date: day(0), booking: { ...booking(), portOfDischargeCode: 'XXXXX' } }), ['body.booking.portOfDischargeCode']);
    expectFields(await event(sh, s.clerk, { milestone: 'BOOKING_CONFIRMED', classifier: 'ACT', date: day(1), booking: booking() }), ['body.date']);
    expect((await event(sh, s.buyer, { milestone: 'BOOKING_CONFIRMED', classifier: 'ACT', date: day(0), booking: booking() })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('records the booking: vessel, ETD and ETA as estimates, state BOOKED; the buyer is told in English, a Chinese-speaking buyer in Chinese', async () => {
    await t.db.prisma.user.update({ where: { email: 'purchasing@demo.example' }, data: { locale: 'zh' } });
    const mails = await t.db.prisma.outboxEvent.count({ where: { topic: 'shipment.milestone' } });
    const res = await event(sh, s.clerk, { milestone: 'BOOKING_CONFIRMED', classifier: 'ACT', date: day(-1), booking: booking() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'BOOKED', vessel: 'COSCO Aries', voyage: '041W', bookingNumber: 'COSU6312345670', etd: day(3), eta: day(35), portOfDischarge: { code: 'DEHAM' } });
    expect(res.json().events.find((e: { milestone: string }) => e.milestone === 'BOOKING_CONFIRMED')).toMatchObject({ eventType: 'SHIPMENT', eventCode: 'CONF', documentTypeCode: 'BKG', classifier: 'ACT' });
    const departure = res.json().timeline.find((r: { milestone: string }) => r.milestone === 'DEPARTED');
    expect(departure).toMatchObject({ planned: day(60), estimated: day(3), actual: null, late: false });
    const notes = await t.db.prisma.notification.findMany({ where: { kind: 'shipment.milestone', link: { contains: c.id } }, select: { title: true, user: { select: { email: true } } } });
    expect(notes.find((n) => n.user.email === 'buyer@demo.example')?.title).toBe(`Booking confirmed: ${c.number}`);
    expect(notes.find((n) => n.user.email === 'purchasing@demo.example')?.title).toBe(`订舱已确认：${c.number}`);
    expect(await t.db.prisma.outboxEvent.count({ where: { topic: 'shipment.milestone' } })).toBe(mails + 2);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'shipment.event.record', entityId: sh } })).toBe(1);
    await t.db.prisma.user.update({ where: { email: 'purchasing@demo.example' }, data: { locale: 'en' } });
  });

  it('checks the container: ISO 6346 check digit, figures that fit the box', async () => {
    const before = await counts();
    const stuff = { milestone: 'CONTAINER_STUFFED', classifier: 'ACT', date: day(0), containerNumber: 'CSQU3054384', container: { sizeType: '40HC', sealNumber: 'CN1234567', cartons: 100, cargoGrossKg: '1750', cbm: '6.2', vgmKg: '5700' } };
    expectFields(await event(sh, s.clerk, stuff), ['body.containerNumber']);
    expectFields(await event(sh, s.clerk, { ...stuff, containerNumber: 'CSQU3054383', container: { ...stuff.container, cbm: '90' } }), ['body.container.cbm']);
    expect(await counts()).toEqual(before);
    const ok = await event(sh, s.clerk, { ...stuff, containerNumber: 'csqu 305438-3' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().containers).toEqual([{ containerNumber: 'CSQU3054383', sizeType: '45G1', sizeName: '40HC', sealNumber: 'CN1234567', cartons: 100, cargoGrossKg: '1750.00', cbm: '6.200', vgmKg: '5700.00' }]);
    expect(ok.json().lines[0].containerNumber).toBe('CSQU3054383');
  });

  it('refuses a B/L dated in the future or before the booking', async () => {
    expectFields(await event(sh, s.clerk, { milestone: 'BL_ISSUED', classifier: 'ACT', date: day(1), onBoardDate: day(0), blNumber: 'COSU6312345670' }), ['body.date']);
    expectFields(await event(sh, s.clerk, { milestone: 'BL_ISSUED', classifier: 'ACT', date: day(-2), onBoardDate: day(-2), blNumber: 'COSU6312345670' }), ['body.onBoardDate']);
    expectFields(await event(sh, s.clerk, { milestone: 'BL_ISSUED', classifier: 'ACT', date: day(0) }), ['body.blNumber']);
  });

  it('departs and gets its B/L: DEPARTED, the contract partially shipped, the shipped quantity counted', async () => {
    expect((await event(sh, s.clerk, { milestone: 'DEPARTED', classifier: 'ACT', date: day(0), location: 'CNNGB' })).statusCode).toBe(201);
    const bl = await event(sh, s.clerk, { milestone: 'BL_ISSUED', classifier: 'ACT', date: day(0), onBoardDate: day(0), blNumber: 'COSU6312345670' });
    expect(bl.statusCode, bl.body).toBe(201);
    expect(bl.json()).toMatchObject({ status: 'DEPARTED', blNumber: 'COSU6312345670', blDate: day(0), onBoardDate: day(0), punctuality: { status: 'ON_TIME', shipmentDate: day(0) } });
    const contract = await t.db.prisma.salesContract.findUniqueOrThrow({ where: { id: c.id }, include: { lines: true } });
    expect(contract.status).toBe('PARTIALLY_SHIPPED');
    expect(contract.lines[0]!.shippedQuantity.toFixed()).toBe('5000');
    // Departed, its quantity moves from planned to shipped.
    expect((await call('GET', `/api/contracts/${c.id}/execution`, s.buyer)).json().lines[0]).toMatchObject({ shipped: '5000.000', planned: '0.000', remaining: '7000.000' });
    await t.app.workers.mail.runOnce();
    expect(t.smtp.messages.some((m) => m.to.includes('buyer@demo.example') && m.raw.includes('Vessel departed'))).toBe(true);
  });

  it('corrects an actual only by a new one that supersedes it, with the reason; both stay in the history', async () => {
    const view = (await call('GET', `/api/shipments/${sh}`, s.clerk)).json();
    const departed = view.events.find((e: { milestone: string; classifier: string }) => e.milestone === 'DEPARTED' && e.classifier === 'ACT');
    const again = await event(sh, s.clerk, { milestone: 'DEPARTED', classifier: 'ACT', date: day(0) });
    expect(again.statusCode).toBe(409);
    expectFields(await event(sh, s.clerk, { milestone: 'DEPARTED', classifier: 'ACT', date: day(-1), supersedesId: departed.id }), ['body.reason']);
    const fixed = await event(sh, s.clerk, { milestone: 'DEPARTED', classifier: 'ACT', date: day(0), supersedesId: departed.id, reason: 'Sailed after midnight, per the carrier' });
    expect(fixed.statusCode, fixed.body).toBe(201);
    const acts = fixed.json().events.filter((e: { milestone: string; classifier: string }) => e.milestone === 'DEPARTED' && e.classifier === 'ACT');
    expect(acts).toHaveLength(2);
    expect(acts[0]).toMatchObject({ id: departed.id, supersededById: acts[1].id });
    expect(acts[1]).toMatchObject({ supersedesId: departed.id, reason: 'Sailed after midnight, per the carrier' });
    expect(await t.db.prisma.notification.count({ where: { kind: 'shipment.corrected', link: { contains: c.id } } })).toBe(2);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'shipment.event.correct', entityId: sh } })).toBe(1);
  });

  it('prints the commercial invoice and the packing list, and staff see who downloaded them', async () => {
    const ci = await call('GET', `/api/shipments/${sh}/commercial-invoice`, s.buyer);
    expect(ci.statusCode).toBe(200);
    expect(ci.headers['content-type']).toBe('application/pdf');
    expect(ci.headers['content-disposition']).toMatch(/filename="CI-\d{4}-\d{6}\.pdf"/);
    expect(ci.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pl = await call('GET', `/api/shipments/${sh}/packing-list`, s.buyer);
    expect(pl.statusCode).toBe(200);
    expect(pl.headers['content-disposition']).toMatch(/filename="PL-CI-/);
    const log = await call('GET', `/api/shipments/${sh}/downloads`, s.clerk);
    expect(log.json().map((d: { kind: string; email: string }) => `${d.kind} ${d.email}`).sort()).toEqual(['COMMERCIAL_INVOICE buyer@demo.example', 'PACKING_LIST buyer@demo.example']);
    expect((await call('GET', `/api/shipments/${sh}/downloads`, s.buyer)).statusCode).toBe(403);
    // In the reader's language: the buyer's English, the Chinese clerk's Chinese unless English is asked for.
    expect(embedsChineseFont(ci.rawPayload)).toBe(false);
    expect(embedsChineseFont((await call('GET', `/api/shipments/${sh}/commercial-invoice`, s.clerk)).rawPayload)).toBe(true);
    expect(embedsChineseFont((await call('GET', `/api/shipments/${sh}/commercial-invoice?lang=en`, s.clerk)).rawPayload)).toBe(false);
    expect(embedsChineseFont((await call('GET', `/api/shipments/${sh}/packing-list?lang=zh`, s.buyer)).rawPayload)).toBe(true);
  });

  it('prints on the invoice the contract, the Incoterm, the B/L, the total in words and the payment terms; on the packing list cartons, weights and volume per container', async () => {
    const repo = await import('../src/modules/shipments/shipments.repository.ts');
    const pdf = await import('../src/modules/shipments/shipment-documents-pdf.ts');
    const contract = (await repo.findContract(t.db.prisma, c.id))!;
    const shipment = (await repo.findShipment(t.db.prisma, sh))!;
    const ports = new Map([['CNNGB', { code: 'CNNGB', name: 'Ningbo' }], ['DEHAM', { code: 'DEHAM', name: 'Hamburg' }]]);
    const ci = pdf.commercialInvoiceDocument(contract, shipment, ports, day(0));
    expect(ci).toMatchObject({ contractNumber: c.number, incoterm: 'CIF', namedPlace: 'Hamburg', blNumber: 'COSU6312345670', total: '17063.00', inWords: 'SAY US DOLLARS SEVENTEEN THOUSAND SIXTY-THREE ONLY' });
    const ciText = pdfText(await pdf.renderCommercialInvoicePdf(ci, { compress: false }));
    for (const words of ['COMMERCIAL INVOICE', c.number, 'CIF Hamburg', 'COSU6312345670', '17,063.00', 'SAY US DOLLARS SEVENTEEN THOUSAND SIXTY-THREE ONLY', '30%']) expect(ciText, words).toContain(words);
    // What it asks to be paid: the balance this shipment's B/L made due, under its RF reference, and where to pay.
    const balance = await t.db.prisma.paymentScheduleItem.findFirstOrThrow({ where: { contractId: c.id, shipmentId: sh } });
    await t.db.prisma.setting.upsert({ where: { key: 'exporter.bankDetails' }, create: { key: 'exporter.bankDetails', value: 'Bank of China, Ningbo Branch · SWIFT BKCHCNBJ92A · USD account 3580 0000 0000 1234 56' }, update: { value: 'Bank of China, Ningbo Branch · SWIFT BKCHCNBJ92A · USD account 3580 0000 0000 1234 56' } });
    const payment = pdf.invoicePayment(await repo.findInvoicePayables(t.db.prisma, c.id, sh), 'USD');
    expect(payment.items).toEqual([expect.objectContaining({ reference: expect.stringMatching(/^RF\d\d( \w{1,4})+$/), amount: balance.amount.toFixed(2) })]);
    const paidText = pdfText(await pdf.renderCommercialInvoicePdf(pdf.commercialInvoiceDocument(contract, shipment, ports, day(0), 'en', payment), { compress: false }));
    for (const words of [payment.items[0]!.reference, `USD ${Number(balance.amount).toLocaleString('en', { minimumFractionDigits: 2 })}`, 'BANK DETAILS', 'SWIFT BKCHCNBJ92A']) expect(paidText, words).toContain(words);
    const pl = pdf.packingListDocument(contract, shipment, ports, day(0));
    // 5,000 bottles at 50 per carton: 100 cartons, all in the one container.
    expect(pl.containers).toEqual([expect.objectContaining({ containerNumber: 'CSQU3054383', cartons: 100, grossKg: '1750.00', cbm: '6.115' })]);
    expect(pl.total.cartons).toBe(100);
    const plText = pdfText(await pdf.renderPackingListPdf(pl, { compress: false }));
    for (const words of ['PACKING LIST', 'CSQU3054383 40HC', '100 cartons', '1,750.00']) expect(plText, words).toContain(words);
    expect(plText).not.toContain('装箱单');

    // In Chinese for a Chinese reader: the labels, the buyer's country, dates and money for the locale.
    const ciZh = pdf.commercialInvoiceDocument(contract, shipment, ports, day(0), 'zh');
    const ciZhText = pdfText(await pdf.renderCommercialInvoicePdf(ciZh, { compress: false, lang: 'zh' }));
    for (const words of ['商业发票', '买方 / 收货人', '英国', '提单号', 'COSU6312345670', '发票总值', 'US$17,063.00', '美元壹万柒仟零陆拾叁元整', '兹证明上述货物原产于中国', '第 1 页，共 1 页']) expect(ciZhText, words).toContain(words);
    expect(ciZhText).not.toContain('COMMERCIAL INVOICE');
    const plZhText = pdfText(await pdf.renderPackingListPdf(pdf.packingListDocument(contract, shipment, ports, day(0), 'zh'), { compress: false, lang: 'zh' }));
    for (const words of ['装箱单', '毛重 kg', 'CSQU3054383 40HC：100 箱', '合计：100 箱']) expect(plZhText, words).toContain(words);
  });

  it('takes uploaded documents that are PDFs or images only; the buyer downloads them', async () => {
    const upload = async (name: string, type: string, data: Buffer) => {
      const form = multipart([{ name, type, data }]);
      const res = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie: s.clerk, ...form.headers }, payload: form.payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const text = await upload('bl.txt', 'text/plain', Buffer.from('not a B/L'));
    const refused = await call('POST', `/api/shipments/${sh}/documents`, s.clerk, { kind: 'BILL_OF_LADING', attachmentId: text });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().errors).toEqual([{ field: 'body.attachmentId', message: expect.stringContaining('PDF') }]);
    const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const pdf = await upload('bl-copy.pdf', 'application/pdf', pdfBytes);
    const ok = await call('POST', `/api/shipments/${sh}/documents`, s.clerk, { kind: 'BILL_OF_LADING', attachmentId: pdf, number: 'COSU6312345670', issuedOn: day(0) });
    expect(ok.statusCode, ok.body).toBe(201);
    const doc = ok.json().documents.find((d: { kind: string }) => d.kind === 'BILL_OF_LADING');
    expect(doc).toMatchObject({ fileName: 'bl-copy.pdf', generated: false, number: 'COSU6312345670' });
    expect((await call('POST', `/api/shipments/${sh}/documents`, s.clerk, { kind: 'OTHER', attachmentId: pdf })).statusCode).toBe(400);
    const got = await call('GET', doc.url, s.buyer);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(pdfBytes)).toBe(true);
    expect((await call('GET', doc.url, s.buyer2)).statusCode).toBe(404);
  });

  it('shows on the buyer’s tracker with its next milestone; not on another company’s', async () => {
    const mine = (await call('GET', '/api/shipments/tracker', s.buyer)).json();
    const row = mine.find((r: { contractId: string }) => r.contractId === c.id);
    expect(row).toMatchObject({ status: 'PARTIALLY_SHIPPED', shipments: 1, shipmentStatus: 'DEPARTED', vessel: 'COSCO Aries', nextMilestone: { milestone: 'ARRIVED', expected: day(35), overdue: false }, punctuality: { status: 'ON_TIME' } });
    expect((await call('GET', '/api/shipments/tracker', s.buyer2)).json().some((r: { contractId: string }) => r.contractId === c.id)).toBe(false);
    expect((await call('GET', '/api/shipments/tracker', s.clerk)).json().some((r: { contractId: string }) => r.contractId === c.id)).toBe(true);
  });

  it('is hidden from another company’s buyer on every route (404 as for nothing), and staff-only routes refuse buyers', async () => {
    const before = await counts();
    const doc = (await call('GET', `/api/shipments/${sh}`, s.clerk)).json().documents.find((d: { generated: boolean }) => !d.generated);
    const tries = [
      await call('GET', `/api/contracts/${c.id}/execution`, s.buyer2),
      await call('GET', `/api/shipments/${sh}`, s.buyer2),
      await call('GET', `/api/shipments/${sh}/commercial-invoice`, s.buyer2),
      await call('GET', `/api/shipments/${sh}/packing-list`, s.buyer2),
      await call('GET', `/api/shipments/${sh}/documents/${doc.id}`, s.buyer2),
    ];
    for (const res of tries) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.body).not.toContain('Northwind');
    }
    expect(tries[1]!.json().detail).toBe((await call('GET', `/api/shipments/${nobody}`, s.buyer2)).json().detail);
    expect((await event(sh, s.buyer2, { milestone: 'ARRIVED', classifier: 'EST', date: day(30) })).statusCode).toBe(403);
    expect((await call('POST', `/api/contracts/${c.id}/shipments`, s.buyer, { lines: [{ contractLineNo: 1, quantity: '1' }] })).statusCode).toBe(403);
    expect((await call('POST', `/api/shipments/${sh}/documents`, s.buyer, { kind: 'OTHER', attachmentId: nobody })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    expect((await call('GET', `/api/shipments/${nobody}`, s.clerk)).statusCode).toBe(404);
    expect((await call('POST', `/api/contracts/${nobody}/shipments`, s.clerk, { lines: [{ contractLineNo: 1, quantity: '1' }] })).statusCode).toBe(404);
  });

  it('gives payments the shipment facts: B/L and on-board dates, invoice date, value in all and per line', async () => {
    const { createShipmentsService } = await import('../src/modules/shipments/shipments.service.ts');
    const svc = createShipmentsService({ prisma: t.db.prisma, clock: t.clock, publicUrl: 'http://portal.test', files: { open: async () => { throw new Error('unused'); } } as never });
    const facts = await svc.shipmentFactsForContract(c.id);
    expect(facts).toEqual([expect.objectContaining({ id: sh, value: '17063.00', currency: 'USD', blDate: day(0), onBoardDate: day(0), invoiceDate: day(0), plannedDeparture: day(3), presentedOn: null, acceptedOn: null, lines: [expect.objectContaining({ quantity: '5000', value: '17063.00' })] })]);
  });
});

describe('batch quality certificates', () => {
  let c: { id: string; number: string };
  let productId: string;
  const cert = () => ({
    productId, batchNo: 'B-2026-0917', producedOn: day(-10), quantity: '12000', certificateNo: 'QC-NB-2026-0917', issuedOn: day(-2), issuer: 'Ningbo Harbour Homeware QC lab',
    results: [{ test: 'Vacuum insulation (6 h, 95 °C)', standard: 'GB/T 29606-2013', result: '≥ 72 °C', pass: true }, { test: 'Lead and cadmium migration', standard: 'EU 10/2011', result: 'not detected', pass: true }],
    contractId: c.id,
  });
  beforeAll(async () => {
    c = await confirmedContract(false);
    productId = (await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } })).id;
  });

  it('are recorded by staff, not by buyers; bad input names the field', async () => {
    expect((await call('POST', '/api/quality-certificates', s.buyer, cert())).statusCode).toBe(403);
    expectFields(await call('POST', '/api/quality-certificates', s.clerk, { ...cert(), issuedOn: day(1) }), ['body.issuedOn']);
    expectFields(await call('POST', '/api/quality-certificates', s.clerk, { ...cert(), productId: nobody }), ['body.productId']);
    const ok = await call('POST', '/api/quality-certificates', s.clerk, cert());
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ batchNo: 'B-2026-0917', product: { sku: 'DW-BTL-500' }, contract: { id: c.id, number: c.number }, results: [{ pass: true }, { standard: 'EU 10/2011' }] });
    expect((await call('POST', '/api/quality-certificates', s.clerk, cert())).statusCode).toBe(409);
  });

  it('are found by the buyer by batch, product or contract; never another company’s', async () => {
    for (const q of ['batchNo=0917', 'product=DW-BTL', `contract=${c.number}`]) {
      const res = await call('GET', `/api/quality-certificates?${q}`, s.buyer);
      expect(res.json().map((x: { certificateNo: string }) => x.certificateNo), q).toContain('QC-NB-2026-0917');
    }
    expect((await call('GET', '/api/quality-certificates?batchNo=0917', s.buyer2)).json()).toEqual([]);
    const id = (await call('GET', '/api/quality-certificates?batchNo=0917', s.buyer)).json()[0].id;
    expect((await call('GET', `/api/quality-certificates/${id}`, s.buyer)).statusCode).toBe(200);
    expect((await call('GET', `/api/quality-certificates/${id}`, s.buyer2)).statusCode).toBe(404);
    expect((await call('GET', `/api/quality-certificates/${id}/file`, s.buyer2)).statusCode).toBe(404);
  });
});
