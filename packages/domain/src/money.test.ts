import { describe, expect, it } from 'vitest';
import { Dec, addMoney, currencyScale, formatAmount, money, roundTotal } from './money.ts';

describe('money', () => {
  it('adds exactly where binary floats drift', () => {
    const sum = addMoney(money('0.1', 'USD'), money('0.2', 'USD'));
    expect(formatAmount(sum)).toBe('0.30');
    expect(sum.amount.equals(new Dec('0.3'))).toBe(true);
  });

  it('refuses to add different currencies', () => {
    expect(() => addMoney(money('1', 'USD'), money('1', 'EUR'))).toThrow(/cannot add USD to EUR/);
  });

  it('rounds half up to the currency precision', () => {
    expect(formatAmount(roundTotal(money('2.345', 'USD')))).toBe('2.35');
    expect(formatAmount(roundTotal(money('2.344', 'USD')))).toBe('2.34');
    expect(formatAmount(roundTotal(money('1234.5', 'JPY')))).toBe('1235');
    expect(currencyScale('KWD')).toBe(3);
  });

  it('keeps unit prices at four places', () => {
    expect(formatAmount(money('0.03125', 'USD'), 4)).toBe('0.0313');
  });

  it('rejects anything but a plain decimal string', () => {
    expect(() => money('1e3', 'USD')).toThrow(RangeError);
    expect(() => money('12,50', 'USD')).toThrow(RangeError);
  });
});

describe('converting at the bank buying rates', () => {
  it('goes through CNY at each currency’s rate, exactly, to the places asked; nothing without a rate', async () => {
    const { convertAtBuyingRates } = await import('./money.ts');
    const rates = new Map([['USD', '7.1000'], ['EUR', '7.7000'], ['JPY', '0.047500']]);
    // USD 3.4126 × 7.10 / 7.70 = EUR 3.146683… → 3.1467
    expect(convertAtBuyingRates('3.4126', 'USD', 'EUR', rates)).toBe('3.1467');
    expect(convertAtBuyingRates('3.4126', 'USD', 'CNY', rates)).toBe('24.2295');
    expect(convertAtBuyingRates('100', 'CNY', 'USD', rates, 2)).toBe('14.08');
    expect(convertAtBuyingRates('1', 'USD', 'JPY', rates, 0)).toBe('149');
    expect(convertAtBuyingRates('3.4126', 'USD', 'USD', rates)).toBe('3.4126');
    expect(convertAtBuyingRates('3.4126', 'USD', 'GBP', rates)).toBeNull();
  });
});
