import { describe, expect, it } from 'vitest';
import { addDays, isBusinessDay, businessCalendar } from '@portal/domain';
import { t, s, day, call, expectFields, shippedLcContract } from './trade-fixture.ts';

/*
 * The bank calendar finance keeps: an L/C's last presentation day (21 days after shipped on board,
 * never after the expiry, UCP 600 art. 14c) that falls on a day the bank of presentation is closed
 * moves to its next banking day (art. 29a). Changing the calendar moves the deadlines already worked
 * out, in the same transaction, audited.
 */

const drawing = (contractId: string) => t.db.prisma.paymentScheduleItem.findFirstOrThrow({ where: { contractId, method: 'LC', shipmentId: { not: null } } });
const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe('the bank calendar finance keeps', () => {
  it('comes with the published closing days of banks in China, and is finance’s to change', async () => {
    const res = await call('GET', '/api/payments/settings', s.finance);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().bankCalendar.holidays).toContain('2026-10-01');
    expect(res.json().bankCalendar.workingWeekendDays).toContain('2026-10-10');
    expect((await call('PUT', '/api/payments/settings', s.clerk, res.json())).statusCode).toBe(403);
    expect((await call('PUT', '/api/payments/settings', s.buyer, res.json())).statusCode).toBe(403);
    expectFields(await call('PUT', '/api/payments/settings', s.finance, { ...res.json(), bankCalendar: { holidays: ['2026-02-30'], workingWeekendDays: [] } }), ['body.bankCalendar.holidays.0']);
  });

  it('moves a last presentation day that falls on a bank holiday to the next banking day, now and for deadlines already worked out', async () => {
    const contractId = await shippedLcContract({ lcNumber: 'LC/DE/2026/00999', bookingNumber: 'COSU6312345671' });
    const first = await drawing(contractId);
    const deadline = iso(first.presentBy)!;
    // Without a holiday on it, the deadline is 21 days after shipped on board, moved off a weekend.
    const settings = (await call('GET', '/api/payments/settings', s.finance)).json();
    const open = businessCalendar({ id: 'CN', ...settings.bankCalendar });
    expect(isBusinessDay(open, deadline)).toBe(true);
    expect(deadline >= addDays(day(0), 21)).toBe(true);

    // Finance learns the bank is closed that day: the drawing's deadline moves to the next banking day.
    const put = await call('PUT', '/api/payments/settings', s.finance, { ...settings, bankCalendar: { ...settings.bankCalendar, holidays: [...settings.bankCalendar.holidays, deadline] } });
    expect(put.statusCode, put.body).toBe(200);
    const moved = iso((await drawing(contractId)).presentBy)!;
    expect(moved > deadline).toBe(true);
    expect(isBusinessDay(businessCalendar({ id: 'CN', ...put.json().bankCalendar }), moved)).toBe(true);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'payments.settings.update' } })).toBeGreaterThan(0);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'payments.schedule.refresh', entityId: contractId } })).toBeGreaterThan(1);

    // Taken back, the deadline returns.
    expect((await call('PUT', '/api/payments/settings', s.finance, settings)).statusCode).toBe(200);
    expect(iso((await drawing(contractId)).presentBy)).toBe(deadline);
  });
});
