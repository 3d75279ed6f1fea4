import { describe, expect, it } from 'vitest';
import { assertStrongPassword, passwordWeakness } from './password-strength.ts';

describe('passwordWeakness (zxcvbn-ts with its common and English dictionaries)', () => {
  it('refuses common and breached passwords, even when they pass the length and digit rules', () => {
    for (const p of ['password123', 'Qwerty123456', 'Welcome2024', 'demo-Passw0rd']) {
      expect(passwordWeakness(p), p).toMatch(/commonly used password|too easy to guess/);
    }
  });

  it('refuses a password built from the person’s own name or email', () => {
    expect(passwordWeakness('Kadri.Tamm.2026', { email: 'kadri.tamm@baltic.example', name: 'Kadri Tamm' })).toMatch(/personal/);
    expect(passwordWeakness('Kadri.Tamm.2026')).toBeNull();
  });

  it('accepts passwords that are hard to guess', () => {
    for (const p of ['Baltic-Homes-2026', 'a-Long-passphrase-7391', 'correct horse battery staple', 'Tr0ub4dor&3x']) {
      expect(passwordWeakness(p), p).toBeNull();
    }
  });

  it('throws a VALIDATION error naming the field', () => {
    expect(() => assertStrongPassword('password123', {}, 'body.user.password')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', fields: [{ field: 'body.user.password', message: expect.stringMatching(/commonly used/) }] }),
    );
  });
});
