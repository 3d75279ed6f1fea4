import { renderMail, type MailAttachment } from '@portal/mail';
import { enqueueMail, notifyUsers } from './outbox.repository.ts';
import type { Db } from './tx.ts';

/*
 * Telling people of a change: in-portal notifications and mail, written inside the transaction of
 * the change itself (mail goes through the outbox), so a change and its messages commit together.
 * Every service that notifies uses these three.
 */

export type Recipient = { id: string; email: string; name: string };
/** The portal's address for links, and the app clock's now (the outbox schedules by it). */
export type TellContext = { publicUrl: string; now: Date };

/** What a notification says and where it leads (a portal path). */
export type Notice = { kind: string; title: string; body: string; link: string };

/** A mail, with one button into the portal (`path` after the portal's address) when there is somewhere to go. */
export type Letter = {
  /** The outbox topic. */
  topic: string;
  subject: string;
  paragraphs: string[];
  action?: { label: string; path: string } | undefined;
  attachments?: MailAttachment[] | undefined;
};

/** Notifies users in the portal, inside the caller's transaction. */
export async function notify(tx: Db, recipients: readonly { id: string }[], notice: Notice): Promise<void> {
  await notifyUsers(tx, recipients.map((r) => r.id), notice);
}

/**
 * Queues one mail to each person through the outbox, inside the caller's transaction: "Dear <name>,"
 * (or "Hello," for an address without a name), the paragraphs and the button.
 */
export async function mailEach(tx: Db, people: readonly { email: string; name?: string | null }[], letter: Letter, ctx: TellContext): Promise<void> {
  for (const person of people) {
    const message = renderMail({
      to: person.email,
      subject: letter.subject,
      greeting: person.name ? `Dear ${person.name},` : 'Hello,',
      paragraphs: letter.paragraphs,
      ...(letter.action ? { action: { label: letter.action.label, url: `${ctx.publicUrl}${letter.action.path}` } } : {}),
    });
    await enqueueMail(tx, letter.topic, letter.attachments?.length ? { ...message, attachments: letter.attachments } : message, ctx.now);
  }
}

/**
 * Tells people of an event in the portal and by mail, inside the caller's transaction: one
 * notification each and one mail each. The mail's subject is the title and its text the body, its
 * button leads to the notification's link, unless the event says otherwise.
 */
export async function notifyAndMail(
  tx: Db,
  recipients: readonly Recipient[],
  event: Notice & { paragraphs?: string[]; attachments?: MailAttachment[]; subject?: string; actionLabel?: string; topic?: string },
  ctx: TellContext,
): Promise<void> {
  if (recipients.length === 0) return;
  await notify(tx, recipients, { kind: event.kind, title: event.title, body: event.body, link: event.link });
  await mailEach(tx, recipients, {
    topic: event.topic ?? event.kind,
    subject: event.subject ?? event.title,
    paragraphs: event.paragraphs ?? [event.body],
    action: { label: event.actionLabel ?? 'Open it in the portal', path: event.link },
    attachments: event.attachments,
  }, ctx);
}
