import { describe, expect, it } from 'vitest';
import { loginAs } from './helpers.ts';
import { t, s, bottle, call, draft } from './trade-fixture.ts';

/*
 * The outside test's finding: a manager approved their own below-floor quote. Approval needs a
 * second person: whoever drafted, edited or sent the revision for approval cannot approve it.
 */
const low = '3.1000';

async function belowFloorDraft(author: string) {
  const inq = await call('POST', '/api/inquiries', s.buyer, {
    lines: [{ productId: bottle.id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }],
    incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
  });
  expect(inq.statusCode, inq.body).toBe(201);
  const inquiry = inq.json() as { id: string; lines: { id: string }[] };
  const created = await call('POST', `/api/inquiries/${inquiry.id}/quotes`, author, draft(inquiry.lines[0]!.id, { belowFloorReason: 'Opening order of a new account' }, { unitPrice: low }));
  expect(created.statusCode, created.body).toBe(201);
  expect(created.json().revisions[0].staff.belowMarginFloor).toBe(true);
  return { quoteId: created.json().id as string, inquiryLineId: inquiry.lines[0]!.id };
}
const submit = async (quoteId: string, cookie: string) => {
  const res = await call('POST', `/api/quotes/${quoteId}/revisions/1/send`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().revisions[0].status).toBe('PENDING_APPROVAL');
};
const approve = (quoteId: string, cookie: string) => call('POST', `/api/quotes/${quoteId}/revisions/1/approval`, cookie, { decision: 'APPROVE' });
const status = async (quoteId: string) => (await t.db.prisma.quoteRevision.findFirstOrThrow({ where: { quoteId, revisionNo: 1 } })).status;

describe('approving a revision below the floor needs a second person', () => {
  it('a manager who drafted and sent it cannot approve it; another manager can', async () => {
    const { quoteId } = await belowFloorDraft(s.manager);
    await submit(quoteId, s.manager);
    const own = await approve(quoteId, s.manager);
    expect(own.statusCode, own.body).toBe(403);
    expect(own.json()).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringMatching(/another manager/) });
    expect(await status(quoteId)).toBe('PENDING_APPROVAL');

    const admin = await loginAs(t.app, 'admin@demo.example');
    const other = await approve(quoteId, admin);
    expect(other.statusCode, other.body).toBe(200);
    expect(await status(quoteId)).toBe('SENT');
  });

  it('a manager who only sent a clerk’s draft for approval cannot approve it', async () => {
    const { quoteId } = await belowFloorDraft(s.clerk);
    await submit(quoteId, s.manager);
    expect((await approve(quoteId, s.manager)).statusCode).toBe(403);
    expect(await status(quoteId)).toBe('PENDING_APPROVAL');
  });

  it('a manager who edited the clerk’s draft cannot approve it', async () => {
    const { quoteId, inquiryLineId } = await belowFloorDraft(s.clerk);
    const edited = await call('PUT', `/api/quotes/${quoteId}/revisions/1`, s.manager, draft(inquiryLineId, { notes: 'Price agreed by phone', belowFloorReason: 'Opening order of a new account' }, { unitPrice: low }));
    expect(edited.statusCode, edited.body).toBe(200);
    await submit(quoteId, s.clerk);
    expect((await approve(quoteId, s.manager)).statusCode).toBe(403);
    // Sending it back is not approving it: the manager may still do that.
    const back = await call('POST', `/api/quotes/${quoteId}/revisions/1/approval`, s.manager, { decision: 'REJECT', comment: 'Too cheap' });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('a manager who had no hand in the revision approves it', async () => {
    const { quoteId } = await belowFloorDraft(s.clerk);
    await submit(quoteId, s.clerk);
    const res = await approve(quoteId, s.manager);
    expect(res.statusCode, res.body).toBe(200);
    expect(await status(quoteId)).toBe('SENT');
  });
});
