import { describe, expect, it } from 'vitest';
import { FIXED_SCALE, Fixed } from './fixed-point.ts';
import { Dec } from './money.ts';

const f = Fixed.parse;

describe('fixed-point decimals', () => {
  it('parses plain decimals exactly and writes them back', () => {
    expect(f('20.00').toString()).toBe('20');
    expect(f('-0.130').toString()).toBe('-0.13');
    expect(f('7.1').toFixed(4)).toBe('7.1000');
    expect(f('0').toFixed(2)).toBe('0.00');
    expect(f('123456789012.345678').toString()).toBe('123456789012.345678');
    expect(f(`0.${'0'.repeat(FIXED_SCALE - 1)}1`).units).toBe(1n);
  });

  it('rounds digits beyond its scale half-up when parsing', () => {
    expect(f(`0.${'0'.repeat(FIXED_SCALE - 1)}15`).units).toBe(2n);
    expect(f(`0.${'0'.repeat(FIXED_SCALE - 1)}14`).units).toBe(1n);
    expect(f(`-0.${'0'.repeat(FIXED_SCALE - 1)}15`).units).toBe(-2n);
  });

  it('refuses what is not a plain decimal', () => {
    for (const bad of ['', '1e5', '1.', '.5', '+1', '1,5', 'NaN', ' 1']) expect(() => f(bad), bad).toThrow(RangeError);
    expect(() => Fixed.ofInteger(0.5)).toThrow(RangeError);
  });

  it('writes at a fixed scale half away from zero, never "-0.00"', () => {
    expect(f('2.00005').toFixed(4)).toBe('2.0001');
    expect(f('2.00004999').toFixed(4)).toBe('2.0000');
    expect(f('-2.00005').toFixed(4)).toBe('-2.0001');
    expect(f('-0.004').toFixed(2)).toBe('0.00');
    expect(f('-0.005').toFixed(2)).toBe('-0.01');
    expect(f('0.5').toFixed(0)).toBe('1');
    expect(f('-0.5').toFixed(0)).toBe('-1');
    expect(f('0.0001').toFixed(2)).toBe('0.00');
    expect(f('3.09356').round(4).toString()).toBe('3.0936');
  });

  it('adds and compares exactly', () => {
    expect(f('0.1').plus(f('0.2')).eq(f('0.3'))).toBe(true);
    expect(f('1').minus(f('0.135')).toString()).toBe('0.865');
    expect(f('1').cmp(f('1.0'))).toBe(0);
    expect(f('-1').lt(f('0'))).toBe(true);
    expect(Fixed.min(f('566'), f('1633')).toString()).toBe('566');
  });

  it('multiplies and divides, rounding half-up at the last place', () => {
    expect(f('20').div(f('1.13')).toFixed(6)).toBe('17.699115');
    expect(f('18.999115').div(f('0.865')).toFixed(6)).toBe('21.964295');
    expect(f('1').div(f('3')).toFixed(FIXED_SCALE)).toBe(`0.${'3'.repeat(FIXED_SCALE)}`);
    expect(f('2').div(f('3')).toFixed(FIXED_SCALE)).toBe(`0.${'6'.repeat(FIXED_SCALE - 1)}7`);
    expect(f('-2').div(f('3')).toFixed(FIXED_SCALE)).toBe(`-0.${'6'.repeat(FIXED_SCALE - 1)}7`);
    expect(f('2').div(f('-3')).toFixed(FIXED_SCALE)).toBe(`-0.${'6'.repeat(FIXED_SCALE - 1)}7`);
    // A product below the last place: half of it rounds away from zero, less than half to zero.
    const tiny = Fixed.ofUnits(1n);
    expect(tiny.times(f('0.5')).units).toBe(1n);
    expect(tiny.times(f('0.4')).units).toBe(0n);
    expect(tiny.times(f('-0.5')).units).toBe(-1n);
    expect(() => f('1').div(Fixed.ZERO)).toThrow(RangeError);
    expect(f('7').divInteger(2n).toString()).toBe('3.5');
  });

  it('counts whole cartons and containers without rounding the quotient first', () => {
    expect(f('12000').divCeil(f('24')).toString()).toBe('500');
    expect(f('12001').divCeil(f('24')).toString()).toBe('501');
    expect(f('68').divFloor(f('0.12')).toString()).toBe('566');
    // One unit of the last place above a whole number is still more than it.
    expect(f('500').plus(Fixed.ofUnits(1n)).divCeil(Fixed.ONE).toString()).toBe('501');
    expect(f('-7').divFloor(f('2')).toString()).toBe('-4');
    expect(f('-7').divCeil(f('2')).toString()).toBe('-3');
    expect(f('566').toSafeInteger()).toBe(566);
    expect(() => f('1.5').toSafeInteger()).toThrow(RangeError);
  });

  it('agrees with decimal.js at 60 digits on random chains of operations, to its last place', () => {
    const Wide = Dec.clone({ precision: 60, rounding: Dec.ROUND_HALF_UP });
    let seed = 20261130;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const decimal = () => `${Math.floor(random() * 100000)}.${String(Math.floor(random() * 10000)).padStart(4, '0')}`;
    for (let i = 0; i < 500; i++) {
      const [a, b, c] = [decimal(), decimal(), decimal()];
      const fixed = f(a).times(f(b)).minus(f(c)).div(f(b).plus(f('0.0001')));
      // Each step of the fixed-point chain rounds at the last place, as decimal.js does here.
      const round = (d: InstanceType<typeof Wide>) => d.toDecimalPlaces(FIXED_SCALE, Wide.ROUND_HALF_UP);
      const wide = round(round(round(new Wide(a).times(b)).minus(c)).div(round(new Wide(b).plus('0.0001'))));
      expect(fixed.toFixed(FIXED_SCALE), `${a} × ${b} − ${c}) / ${b}`).toBe(wide.toFixed(FIXED_SCALE));
    }
  });
});
