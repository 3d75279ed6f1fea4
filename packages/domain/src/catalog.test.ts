import { describe, expect, it } from 'vitest';
import { fortyHighCubeFill, indicativeFreightMode, isProductVisible, textInLanguage } from './catalog.ts';
import { Dec } from './money.ts';

// 24 bottles a carton of 40 × 30 × 25 cm (0.03 CBM) and 9.6 kg: volume binds, 2266 cartons to a 40′HQ.
const bottles = { unitsPerCarton: 24, cartonLengthCm: '40', cartonWidthCm: '30', cartonHeightCm: '25', cartonGrossWeightKg: '9.6' };

describe('the fill of a 40′HQ', () => {
  it('counts whole cartons against the tighter of volume and payload', () => {
    expect(fortyHighCubeFill(bottles, '24').toFixed(6)).toBe(new Dec(1).div(2266).toFixed(6));
    expect(fortyHighCubeFill(bottles, '25').toFixed(6)).toBe(new Dec(2).div(2266).toFixed(6));
    // Heavy cartons: 24.5 t / 50 kg = 490 cartons, fewer than the 2266 the volume allows.
    expect(fortyHighCubeFill({ ...bottles, cartonGrossWeightKg: '50' }, String(490 * 24)).toFixed()).toBe('1');
  });

  it('goes by full container from 60% of one, LCL below', () => {
    const sixty = Math.ceil(2266 * 0.6) * 24;
    expect(indicativeFreightMode(bottles, String(sixty))).toBe('FCL');
    expect(indicativeFreightMode(bottles, String(sixty - 24))).toBe('LCL');
  });

  it('reads a carton larger than the container as never fitting', () => {
    expect(fortyHighCubeFill({ ...bottles, cartonLengthCm: '9999', cartonWidthCm: '9999', cartonHeightCm: '9999' }, '1').isFinite()).toBe(false);
  });
});

describe('product visibility', () => {
  it('shows active products to everyone, the others only to staff', () => {
    expect(isProductVisible('ACTIVE', false)).toBe(true);
    expect(isProductVisible('DRAFT', false)).toBe(false);
    expect(isProductVisible('ARCHIVED', false)).toBe(false);
    expect(isProductVisible('ARCHIVED', true)).toBe(true);
  });
});

describe('a catalog text in the reader’s language', () => {
  it('answers the reader’s language when it is there', () => {
    expect(textInLanguage('en', 'Vacuum bottle', '真空保温瓶')).toBe('Vacuum bottle');
    expect(textInLanguage('zh', 'Vacuum bottle', '真空保温瓶')).toBe('真空保温瓶');
  });
  it('falls back to the other language when the reader’s is missing or blank', () => {
    expect(textInLanguage('zh', 'Vacuum bottle', null)).toBe('Vacuum bottle');
    expect(textInLanguage('zh', 'Vacuum bottle', '  ')).toBe('Vacuum bottle');
    expect(textInLanguage('en', '', '真空保温瓶')).toBe('真空保温瓶');
    expect(textInLanguage('en', null, null)).toBe('');
  });
});
