import { describe, expect, it } from 'vitest';
import { formatDuration } from './time.ts';

const u = { d: 'd', h: 'h', min: 'min' };
describe('formatDuration', () => {
  it('picks the two largest units', () => {
    expect(formatDuration(12 * 60_000, u)).toBe('12 min');
    expect(formatDuration((3 * 60 + 20) * 60_000, u)).toBe('3 h 20 min');
    expect(formatDuration((2 * 1440 + 4 * 60 + 59) * 60_000, u)).toBe('2 d 4 h');
    expect(formatDuration(-5000, u)).toBe('0 min');
  });
});
