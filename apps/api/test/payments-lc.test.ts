import { describe, expect, it } from 'vitest';
import { t, s, day, call, DAY, shippedLcContract } from './trade-fixture.ts';

/*
 * An L/C drawing at sight falls due on presentation. Nothing records a presentation yet, so a drawing
 * whose goods have shipped falls due on its last presentation day (art. 14c, 29a) instead of waiting
 * for ever: past that day it ages as overdue for finance and the buyer sees it due. It is the bank's
 * to pay under the credit, so the buyer gets no reminder, dunning letter or "to pay" item for it.
 */

describe('an L/C drawing whose goods have shipped', () => {
  it('falls due on its last presentation day, ages as overdue after it, and is not dunned from the buyer', async () => {
    const contractId = await shippedLcContract({ lcNumber: 'LC/DE/2026/01001', bookingNumber: 'COSU6312345672' });
    const page = async () => (await call('GET', `/api/contracts/${contractId}/payments`, s.buyer)).json() as { items: { method: string; dueDate: string | null; presentBy: string | null; status: string }[]; summaries: { nextDueDate: string | null }[] };
    const drawing = (await page()).items.find((i) => i.method === 'LC')!;
    expect(drawing.presentBy).not.toBeNull();
    expect(drawing).toMatchObject({ dueDate: drawing.presentBy, status: 'DUE' });

    // A week after the deadline, with no presentation recorded: overdue on the buyer's page and in finance's ageing.
    const daysToDeadline = Math.round((Date.parse(drawing.presentBy!) - Date.parse(day(0))) / DAY);
    t.clock.advance((daysToDeadline + 7) * DAY);
    expect((await page()).items.find((i) => i.method === 'LC')).toMatchObject({ status: 'OVERDUE' });
    const ageing = (await call('GET', '/api/payments/ageing', s.finance)).json() as { rows: { currency: string; buckets: Record<string, string> }[] };
    expect(ageing.rows.some((r) => r.currency === 'USD' && r.buckets.DAYS_1_30 !== '0.00')).toBe(true);
    const item = await t.db.prisma.paymentScheduleItem.findFirstOrThrow({ where: { contractId, method: 'LC', shipmentId: { not: null } } });

    // The bank pays under the credit: no notice to the buyer for it, no "to pay" item on their home page.
    expect((await call('POST', '/api/payments/dunning/run', s.finance)).statusCode).toBe(200);
    expect(await t.db.prisma.dunningNotice.count({ where: { scheduleItemId: item.id } })).toBe(0);
    const home = (await call('GET', '/api/home', s.buyer)).json() as { items: { kind: string; params: { contract?: string; amount?: string } }[] };
    const contract = await t.db.prisma.salesContract.findUniqueOrThrow({ where: { id: contractId }, select: { number: true } });
    const deposit = await t.db.prisma.paymentScheduleItem.findFirstOrThrow({ where: { contractId, method: 'TT' } });
    // The T/T deposit is the buyer's to pay; the L/C drawing is not.
    expect(home.items.filter((i) => i.kind === 'payments.pay' && i.params.contract === contract.number).map((i) => i.params.amount)).toEqual([deposit.openAmount.toFixed(2)]);
  });
});
