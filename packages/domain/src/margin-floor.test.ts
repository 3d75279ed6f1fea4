import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { assertMayChangeMarginFloor, effectiveMarginFloor } from './margin-floor.ts';

describe('effectiveMarginFloor', () => {
  it('is the manager’s floor when the product has none', () => {
    expect(effectiveMarginFloor('0.08', null).toFixed(4)).toBe('0.0800');
    expect(effectiveMarginFloor('0.08', undefined).toFixed(4)).toBe('0.0800');
  });

  it('is never below the manager’s floor, whatever the product says', () => {
    expect(effectiveMarginFloor('0.08', '0').toFixed(4)).toBe('0.0800');
    expect(effectiveMarginFloor('0.08', '0.05').toFixed(4)).toBe('0.0800');
  });

  it('is raised by a higher product floor', () => {
    expect(effectiveMarginFloor('0.08', '0.12').toFixed(4)).toBe('0.1200');
  });
});

describe('assertMayChangeMarginFloor', () => {
  it('lets managers and admins set, change and clear a floor', () => {
    for (const role of ['MANAGER', 'ADMIN'] as const) {
      expect(() => assertMayChangeMarginFloor(role, null, '0')).not.toThrow();
      expect(() => assertMayChangeMarginFloor(role, '0.08', null)).not.toThrow();
    }
  });

  it('refuses a clerk any change, naming the field', () => {
    for (const [from, to] of [[null, '0'], ['0.08', '0'], ['0.08', '0.2'], ['0.08', null]] as const) {
      let err: unknown;
      try {
        assertMayChangeMarginFloor('CLERK', from, to);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ code: 'FORBIDDEN', fields: [{ field: 'body.marginFloorRate' }] });
    }
  });

  it('lets a clerk save a product whose floor stays as it was', () => {
    expect(() => assertMayChangeMarginFloor('CLERK', '0.08', '0.080')).not.toThrow();
    expect(() => assertMayChangeMarginFloor('CLERK', null, null)).not.toThrow();
  });
});
