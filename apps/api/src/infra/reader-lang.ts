import type { FastifyRequest } from 'fastify';
import { langOf, type Lang } from './messages.ts';

/*
 * The language the API answers and prints in for whoever asks: an explicit choice (a PDF's
 * ?lang=), else the signed-in user's stored language (users.locale), else the browser's
 * Accept-Language, else English.
 */

/** The first of our languages an Accept-Language header prefers ("de-DE,zh;q=0.8,en;q=0.5" → zh), or null. */
export function langFromAcceptLanguage(header: string | undefined): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.weight > 0 && (r.tag.startsWith('zh') || r.tag.startsWith('en')))
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  return ranked[0] ? langOf(ranked[0].tag) : null;
}

/** The reader's language for a request; `chosen` (a query's lang) wins. */
export function readerLang(request: Pick<FastifyRequest, 'headers'> & { actor?: { locale?: string } | null }, chosen?: Lang): Lang {
  if (chosen) return chosen;
  if (request.actor?.locale) return langOf(request.actor.locale);
  return langFromAcceptLanguage(request.headers['accept-language']) ?? 'en';
}
