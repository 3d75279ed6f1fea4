import { describe, expect, it } from 'vitest';
import { defaultTaxRates } from './rebate.ts';

describe('default tax rates by HS code', () => {
  it('takes the longest matching prefix', () => {
    expect(defaultTaxRates('6109100021')).toEqual({ vatRate: '0.13', rebateRate: '0.13', matched: '61' });
    expect(defaultTaxRates('4419120000')).toEqual({ vatRate: '0.13', rebateRate: '0.09', matched: '4419' });
    expect(defaultTaxRates('9617.00.11')).toMatchObject({ rebateRate: '0.13', matched: '9617' });
  });
  it('gives no rebate for an unknown code', () => {
    expect(defaultTaxRates('0101210000')).toEqual({ vatRate: '0.13', rebateRate: '0', matched: null });
    expect(defaultTaxRates(undefined)).toMatchObject({ rebateRate: '0', matched: null });
  });
});
