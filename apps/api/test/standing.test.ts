import { describe, expect, it } from 'vitest';
import { companyIdOf } from './helpers.ts';
import { t, s, call, quotedInquiry } from './trade-fixture.ts';

/*
 * The outside test's finding, replayed: after a manager suspended company B, its buyer could still
 * counter-offer, accept (a contract was issued), confirm the contract and post messages.
 */
describe('a suspended company cannot trade', () => {
  it('refuses counter-offers, accepting, confirming and messages until it is reinstated', async () => {
    const open = await quotedInquiry(s.buyer2);
    const signed = await quotedInquiry(s.buyer2);
    const issued = await call('POST', `/api/quotes/${signed.quoteId}/revisions/1/accept`, s.buyer2);
    expect(issued.statusCode, issued.body).toBe(201);
    const contractId = issued.json().id as string;

    const rheinland = await companyIdOf(t.db, 'buyer2@demo.example');
    const suspend = await call('POST', `/api/companies/${rheinland}/review`, s.manager, { decision: 'SUSPEND', reason: 'Unpaid invoices' });
    expect(suspend.statusCode, suspend.body).toBe(200);
    const contracts = () => t.db.prisma.salesContract.count({ where: { buyerCompanyId: rheinland } });
    const messages = () => t.db.prisma.negotiationMessage.count({ where: { inquiry: { buyerCompanyId: rheinland } } });
    const before = { contracts: await contracts(), messages: await messages() };

    const refused = [
      await call('POST', `/api/inquiries/${open.inquiryId}/counter-offers`, s.buyer2, { revisionNo: 1, lines: [{ quoteLineId: open.lineId, proposedUnitPrice: '3.0000' }] }),
      await call('POST', `/api/quotes/${open.quoteId}/revisions/1/accept`, s.buyer2),
      await call('POST', `/api/contracts/${contractId}/confirm`, s.buyer2),
      await call('POST', `/api/inquiries/${open.inquiryId}/messages`, s.buyer2, { body: 'Can we still go ahead?' }),
    ];
    for (const res of refused) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringMatching(/suspended/) });
    }
    expect({ contracts: await contracts(), messages: await messages() }).toEqual(before);
    expect((await t.db.prisma.salesContract.findUniqueOrThrow({ where: { id: contractId } })).status).toBe('ISSUED');
    // Reading stays open.
    expect((await call('GET', `/api/contracts/${contractId}`, s.buyer2)).statusCode).toBe(200);

    const reinstate = await call('POST', `/api/companies/${rheinland}/review`, s.manager, { decision: 'REINSTATE' });
    expect(reinstate.statusCode, reinstate.body).toBe(200);
    expect((await call('POST', `/api/contracts/${contractId}/confirm`, s.buyer2)).statusCode).toBe(200);
  });

  it('lets staff send nothing to a suspended company: a draft waits, the quote goes out once it is reinstated', async () => {
    const { draft } = await import('./trade-fixture.ts');
    const inq = await call('POST', '/api/inquiries', s.buyer2, {
      lines: [{ productId: (await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } })).id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }],
      incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
    });
    expect(inq.statusCode, inq.body).toBe(201);
    const rheinland = await companyIdOf(t.db, 'buyer2@demo.example');
    expect((await call('POST', `/api/companies/${rheinland}/review`, s.manager, { decision: 'SUSPEND', reason: 'Unpaid invoices' })).statusCode).toBe(200);

    // The clerk may still prepare the answer…
    const q = await call('POST', `/api/inquiries/${inq.json().id}/quotes`, s.clerk, draft(inq.json().lines[0].id));
    expect(q.statusCode, q.body).toBe(201);
    const quoteId = q.json().id as string;
    const mails = () => t.db.prisma.outboxEvent.count({ where: { channel: 'mail', topic: { startsWith: 'quote' } } });
    const before = await mails();
    // …but it is not sent.
    const send = await call('POST', `/api/quotes/${quoteId}/revisions/1/send`, s.clerk);
    expect(send.statusCode, send.body).toBe(409);
    expect(send.json().detail).toMatch(/Rheinland Handel GmbH is suspended/);
    expect((await t.db.prisma.quoteRevision.findFirstOrThrow({ where: { quoteId } })).status).toBe('DRAFT');
    expect(await mails()).toBe(before);

    expect((await call('POST', `/api/companies/${rheinland}/review`, s.manager, { decision: 'REINSTATE' })).statusCode).toBe(200);
    expect((await call('POST', `/api/quotes/${quoteId}/revisions/1/send`, s.clerk)).statusCode).toBe(200);
  });
});
