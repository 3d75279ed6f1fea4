import type { ActionItem, HomeFigure } from '@portal/schemas';
import type { MessageKey } from '../../../lib/messages.ts';
import { en } from '../messages.ts';

type Say = (key: MessageKey, values?: Record<string, string | number>) => string;
type Money = (amount: string, currency: string) => string;

const known = (key: string): key is MessageKey => key in en;

/** The capability's name ("Inquiries"), for an item or figure the SPA has no message of its own for. */
function capabilityName(capability: string, t: Say): string {
  const key = `home.capability.${capability}`;
  return known(key) ? t(key) : capability;
}

/**
 * An item's sentence in the reader's language, from its kind and facts. The API sends facts, not
 * sentences; a kind this SPA does not know yet (a capability newer than it) is worded from its
 * capability, so a new item still shows and links.
 */
export function describeItem(item: ActionItem, t: Say, money: Money): string {
  const values: Record<string, string | number> = { number: '', company: '', count: 1, ...item.params };
  if (typeof item.params.amount === 'string' && typeof item.params.currency === 'string') values.amount = money(item.params.amount, item.params.currency);
  const key = `home.kind.${item.kind}`;
  if (known(key)) return t(key, values);
  return t('home.kind.generic', { capability: capabilityName(item.capability, t), number: String(item.params.number ?? '') });
}

/** A figure's label ("Open inquiries"), or its capability's name for a key the SPA does not know. */
export function describeFigure(figure: HomeFigure, t: Say): string {
  const key = `home.figure.${figure.key}`;
  return known(key) ? t(key) : capabilityName(figure.key.split('.')[0] ?? figure.key, t);
}

/** "2 d 4 h", "3 h 20 min": the largest two units of a span, for timers. */
export function span(ms: number, t: Say): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours ? t('home.span.dh', { d: days, h: hours }) : t('home.span.d', { d: days });
  if (hours > 0) return hours >= 10 || !mins ? t('home.span.h', { h: hours }) : t('home.span.hm', { h: hours, m: mins });
  return t('home.span.m', { m: mins });
}

/** The item's timer: overdue by, due in, or waiting for how long (without a target). */
export function timerOf(item: Pick<ActionItem, 'dueAt' | 'since'>, now: number, t: Say): string {
  if (item.dueAt) {
    const left = Date.parse(item.dueAt) - now;
    return left < 0 ? t('home.overdueBy', { span: span(left, t) }) : t('home.dueIn', { span: span(left, t) });
  }
  return t('home.waiting', { span: span(now - Date.parse(item.since), t) });
}
