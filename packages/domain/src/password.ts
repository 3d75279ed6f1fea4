/** Why a password is refused, or an empty list. Length beats composition rules (NIST SP 800-63B). */
export function checkPassword(password: string, context: { email?: string; name?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('must be at least 10 characters');
  if (password.length > 200) problems.push('must be at most 200 characters');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('must contain letters and digits');
  const lower = password.toLowerCase();
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) problems.push('must not contain your email address');
  if (/^(.)\1+$/.test(password)) problems.push('must not repeat one character');
  return problems;
}

/** Emails compare case-insensitively; we keep them trimmed and lower-case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
