import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertAtBuyingRates } from '@portal/domain';
import { loginAs, startTestApp, type TestContext } from './helpers.ts';

/*
 * A buyer whose company trades in euros sees each price tier also in euros, converted at the day's
 * bank buying rates and marked indicative with the rates' date; a buyer trading in the tiers'
 * currency and staff see the tiers alone.
 */

let t: TestContext;
let productId: string;
beforeAll(async () => {
  t = await startTestApp();
  productId = (await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } })).id;
});
afterAll(() => t.close());

const page = async (email: string) => (await t.app.inject({ method: 'GET', url: `/api/catalog/products/${productId}`, headers: { cookie: await loginAs(t.app, email) } })).json();

describe('prices in the buyer’s currency', () => {
  it('converts each tier for a buyer trading in euros, at the latest bank buying rates, with their date', async () => {
    const rates = await t.db.prisma.exchangeRate.findMany({ where: { kind: 'BUYING', quote: 'CNY', base: { in: ['USD', 'EUR'] } }, orderBy: { validOn: 'desc' } });
    const latest = new Map<string, string>();
    for (const r of rates) if (!latest.has(r.base)) latest.set(r.base, r.rate.toString());
    const euro = await page('buyer2@demo.example');
    expect(euro.priceTiers.length).toBeGreaterThan(0);
    for (const tier of euro.priceTiers) {
      expect(tier.unitPrice.currency).toBe('USD');
      expect(tier.inBuyerCurrency).toEqual({ amount: convertAtBuyingRates(tier.unitPrice.amount, 'USD', 'EUR', latest), currency: 'EUR' });
    }
    expect(euro.ratesOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('adds nothing for a buyer trading in the tiers’ currency, nor for staff', async () => {
    for (const email of ['buyer@demo.example', 'clerk@demo.example']) {
      const detail = await page(email);
      expect(detail.priceTiers.every((tier: { inBuyerCurrency?: unknown }) => tier.inBuyerCurrency === undefined || tier.inBuyerCurrency === null), email).toBe(true);
    }
  });
});
