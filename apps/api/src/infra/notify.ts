import { renderMail, type MailAttachment, type MailMessage } from '@portal/mail';
import { intlLocale, langOf, mailMessages, renderMessage, type Catalogue, type Lang, type Params } from './messages.ts';
import { enqueueMails, notifyUsers } from './outbox.repository.ts';
import type { Db } from './tx.ts';

/*
 * Telling people of a change: in-portal notifications and mail, written inside the transaction of
 * the change itself (mail goes through the outbox), so a change and its messages commit together.
 * A service says what happened as a message `kind` of its capability's catalogue and the `params`
 * (facts); each recipient gets it rendered in their own language (users.locale) at write time.
 * Every service that notifies uses these three.
 */

/** Someone who is told: a user, with the language they read. */
export type Recipient = { id: string; email: string; name: string; locale: string };
/** The portal's address for links, and the app clock's now (the outbox schedules by it). */
export type TellContext = { publicUrl: string; now: Date };

/** Files sent with a mail: the same for everyone, or made per language (a PDF in the reader's language). */
export type Attachments = readonly MailAttachment[] | ((lang: Lang) => Promise<MailAttachment[]> | MailAttachment[]);

/** What happened, as a catalogue's message and its facts, and where it leads (a portal path). */
export type Tidings<K extends string> = {
  /** The message of the catalogue; also the notification's kind and the mail's topic unless `as`/`topic` say otherwise. */
  kind: K;
  /** The kind recorded on the notification when one event is worded differently for two audiences. */
  as?: string;
  params?: Params;
  /** The portal path of the notification and of the mail's button; a mail without one has no button. */
  link?: string;
  /** The outbox topic of the mail (the kind unless given). */
  topic?: string;
  attachments?: Attachments;
};

/** Notifies users in the portal, each in their language, inside the caller's transaction. */
export async function notify<K extends string>(tx: Db, recipients: readonly { id: string; locale: string }[], catalogue: Catalogue<K>, tidings: Tidings<K>): Promise<void> {
  const byLang = new Map<Lang, string[]>();
  for (const r of recipients) {
    const lang = langOf(r.locale);
    byLang.set(lang, [...(byLang.get(lang) ?? []), r.id]);
  }
  for (const [lang, ids] of byLang) {
    const m = renderMessage(catalogue, tidings.kind, lang, tidings.params);
    await notifyUsers(tx, ids, { kind: tidings.as ?? tidings.kind, title: m.title, body: m.body, ...(tidings.link !== undefined ? { link: tidings.link } : {}) });
  }
}

/**
 * Queues one mail to each person through the outbox (one statement for all), in their language,
 * inside the caller's transaction: "Dear <name>," (or "Hello," for an address without a name), the
 * message's paragraphs and a button to its link.
 */
export async function mailEach<K extends string>(
  tx: Db,
  people: readonly { email: string; name?: string | null; locale: string }[],
  catalogue: Catalogue<K>,
  tidings: Tidings<K>,
  ctx: TellContext,
): Promise<void> {
  const files = new Map<Lang, MailAttachment[]>();
  const attachmentsIn = async (lang: Lang): Promise<MailAttachment[]> => {
    const given = tidings.attachments;
    if (!given) return [];
    if (typeof given !== 'function') return [...given];
    if (!files.has(lang)) files.set(lang, await given(lang));
    return files.get(lang)!;
  };
  const mails: { topic: string; message: MailMessage }[] = [];
  for (const person of people) {
    const lang = langOf(person.locale);
    const m = renderMessage(catalogue, tidings.kind, lang, tidings.params);
    const words = (kind: 'greeting' | 'hello' | 'open') => renderMessage(mailMessages, kind, lang, { name: person.name ?? '' }).title;
    const message = renderMail({
      to: person.email,
      lang: intlLocale(lang),
      subject: m.subject,
      greeting: person.name ? words('greeting') : words('hello'),
      paragraphs: m.paragraphs,
      ...(tidings.link !== undefined ? { action: { label: m.action ?? words('open'), url: `${ctx.publicUrl}${tidings.link}` } } : {}),
    });
    const attachments = await attachmentsIn(lang);
    mails.push({ topic: tidings.topic ?? tidings.as ?? tidings.kind, message: attachments.length ? { ...message, attachments } : message });
  }
  await enqueueMails(tx, mails, ctx.now);
}

/**
 * Tells people of an event in the portal and by mail, each in their language, inside the caller's
 * transaction: one notification each and one mail each (subject: the title unless the message has
 * its own; text: its paragraphs or body; button: to the notification's link).
 */
export async function notifyAndMail<K extends string>(tx: Db, recipients: readonly Recipient[], catalogue: Catalogue<K>, tidings: Tidings<K>, ctx: TellContext): Promise<void> {
  if (recipients.length === 0) return;
  await notify(tx, recipients, catalogue, tidings);
  await mailEach(tx, recipients, catalogue, tidings, ctx);
}
