import { describe, expect, it } from 'vitest';
import { calculateExportPrice } from './costing.ts';
import { workedCostingExample } from './costing.examples.ts';
import { Dec } from './money.ts';
import { applicableTier, priceStory } from './price-story.ts';

const tiers = [
  { minQuantity: '5000', unitPrice: '3.4000' },
  { minQuantity: '10000', unitPrice: '3.2000' },
  { minQuantity: '20000', unitPrice: '3.0500' },
];
const costedAt = (quantity: string) => {
  const r = calculateExportPrice({ ...workedCostingExample, quantity });
  // Unrounded: the unit price in the cost currency over the rate.
  const of = (t: 'FOB' | 'CFR' | 'CIF') => (r.prices[t] ? new Dec(r.prices[t]!.unitPriceInCostCurrency).div(r.exchangeRate) : null);
  return { FOB: of('FOB')!, CFR: of('CFR'), CIF: of('CIF') };
};

describe('one price story', () => {
  it('the tier for a quantity is the one with the largest minimum at or below it', () => {
    expect(applicableTier(tiers, '12000')?.minQuantity).toBe('10000');
    expect(applicableTier(tiers, '4999')).toBeNull();
    expect(applicableTier(tiers, '20000')?.minQuantity).toBe('20000');
  });

  it('at a tier quantity the FOB price is the tier: never a second price beside it', () => {
    const s = priceStory({ quantity: '12000', tiers, costed: costedAt('12000') })!;
    expect(s).toMatchObject({ basis: 'price-tier', tierMinQuantity: '10000' });
    expect(s.prices.FOB).toBe('3.2000');
  });

  it('CFR and CIF build on that FOB: never below it', () => {
    for (const q of ['5000', '12000', '13608', '25000', '60000']) {
      const s = priceStory({ quantity: q, tiers, costed: costedAt(q) })!;
      const [fob, cfr, cif] = [s.prices.FOB!, s.prices.CFR!, s.prices.CIF!].map((p) => new Dec(p)) as [Dec, Dec, Dec];
      expect(cfr.gte(fob)).toBe(true);
      expect(cif.gte(cfr)).toBe(true);
    }
    // 12,000 pc: freight adds 3.3826 − 3.0936 (unrounded 0.289017…), insurance grosses up by 1 / 0.9912.
    const s = priceStory({ quantity: '12000', tiers, costed: costedAt('12000') })!;
    expect(s.prices).toEqual({ FOB: '3.2000', CFR: '3.4890', CIF: '3.5200' });
  });

  it('below the first tier the costing sets the price, and the same function gives it', () => {
    const s = priceStory({ quantity: '3000', tiers, costed: costedAt('3000') })!;
    expect(s.basis).toBe('cost-sheet');
    expect(s.prices.FOB).toBe(calculateExportPrice({ ...workedCostingExample, quantity: '3000' }).prices.FOB.unitPrice);
  });

  it('neither a tier nor a costing: no price', () => {
    expect(priceStory({ quantity: '10', tiers, costed: null })).toBeNull();
    expect(priceStory({ quantity: '12000', tiers, costed: null })).toEqual({ basis: 'price-tier', tierMinQuantity: '10000', prices: { FOB: '3.2000', CFR: null, CIF: null } });
  });
});
