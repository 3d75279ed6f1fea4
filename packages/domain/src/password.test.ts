import { describe, expect, it } from 'vitest';
import { checkPassword, normaliseEmail } from './password.ts';

describe('password policy', () => {
  it('accepts a long password with letters and digits', () => {
    expect(checkPassword('demo-Passw0rd')).toEqual([]);
  });
  it('names each problem', () => {
    expect(checkPassword('short1')).toContain('must be at least 10 characters');
    expect(checkPassword('onlyletterslong')).toContain('must contain letters and digits');
    expect(checkPassword('annasmith2026', { email: 'annasmith@x.example' })).toContain('must not contain your email address');
  });
  it('normalises emails', () => {
    expect(normaliseEmail('  Buyer@Demo.Example ')).toBe('buyer@demo.example');
  });
});
