import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { DomainError } from './errors.ts';

/*
 * How hard a new password is to guess, by zxcvbn-ts with its dictionaries of common and breached
 * passwords, English words, names and keyboard patterns. The dictionaries are large (~1.6 s to load,
 * a few MB): this module is its own export (@portal/domain/password-strength), not part of the
 * package index, so that the SPA never loads it; the API loads it on the first password it checks.
 */

/** zxcvbn's scale: 0 too guessable … 4 very unguessable; 3 resists an offline attack on a slow hash. */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
    // Longer passwords are strong by their length; bounding the input bounds the work per check.
    maxLength: 64,
  });
  return estimator;
}

/** Why a password is too easy to guess (in words for the person), or null when it is strong enough. */
export function passwordWeakness(password: string, owner: { email?: string; name?: string } = {}): string | null {
  const inputs = [owner.email, owner.email?.split('@')[0], ...(owner.name?.split(/\s+/) ?? [])].filter((s): s is string => Boolean(s && s.length >= 3));
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning?.replace(/\.$/, '');
  if (warning && /commonly used/i.test(warning)) return `is a commonly used password (${warning.toLowerCase()}); choose another`;
  return `is too easy to guess${warning ? ` (${warning.toLowerCase()})` : ''}; use a longer password or a few unrelated words`;
}

/** Refuses a password that is too easy to guess with a VALIDATION error naming the field. */
export function assertStrongPassword(password: string, owner: { email?: string; name?: string }, field: string): void {
  const weakness = passwordWeakness(password, owner);
  if (weakness) throw new DomainError('VALIDATION', `${field} ${weakness}`, [{ field, message: weakness }]);
}
