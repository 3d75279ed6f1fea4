import { enqueueMail, notifyUsers } from '../../infra/outbox.repository.ts';
import { renderMail } from '@portal/mail';
import type { Db } from '../../infra/tx.ts';
import { paymentsMessages, type PaymentsMessageKind } from './payments.messages.ts';

/** A parameter of a message: text, a number, or an amount with its currency (formatted per locale). */
export type Param = string | number | { amount: string; currency: string };

export type Reader = { id: string; email: string; name: string | null; locale: string };

const localeOf = (locale: string): 'en' | 'zh' => (locale.startsWith('zh') ? 'zh' : 'en');

/** An amount in the reader's locale: "USD 33,120.00" / "US$33,120.00"; the decimal string is never passed through a float for its digits. */
export function formatMoney(value: { amount: string; currency: string }, locale: string): string {
  const [whole = '0', frac = ''] = value.amount.replace('-', '').split('.');
  const sign = value.amount.startsWith('-') ? '-' : '';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // The ISO code before the amount reads the same in English and Chinese trade correspondence.
  void locale;
  return `${value.currency} ${sign}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Renders a message of the catalogue for a locale: {name} arguments only (see payments.messages.ts). */
export function renderMessage(kind: PaymentsMessageKind, locale: string, params: Record<string, Param>): { title: string; body: string } {
  const entry = paymentsMessages[localeOf(locale)][kind];
  const fill = (pattern: string) =>
    pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = params[name];
      if (v === undefined) return `{${name}}`;
      return typeof v === 'object' ? formatMoney(v, locale) : String(v);
    });
  return { title: fill(entry.title), body: fill(entry.body) };
}

/**
 * Tells each reader in their own language: a portal notice and a mail through the outbox, inside the
 * caller's transaction (so the change and its messages commit together).
 */
export async function tellReaders(tx: Db, readers: readonly Reader[], kind: PaymentsMessageKind, params: Record<string, Param>, link: string, ctx: { publicUrl: string; now: Date }): Promise<void> {
  for (const r of readers) {
    const { title, body } = renderMessage(kind, r.locale, params);
    await notifyUsers(tx, [r.id], { kind, title, body, link });
    const zh = localeOf(r.locale) === 'zh';
    const mail = renderMail({
      to: r.email,
      subject: title,
      greeting: r.name ? (zh ? `${r.name}，您好：` : `Dear ${r.name},`) : zh ? '您好：' : 'Hello,',
      paragraphs: [body],
      action: { label: zh ? '在门户中查看' : 'Open it in the portal', url: `${ctx.publicUrl}${link}` },
    });
    await enqueueMail(tx, kind, mail, ctx.now);
  }
}
