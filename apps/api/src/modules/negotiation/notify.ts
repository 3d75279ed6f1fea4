import { renderMail, type MailAttachment } from '@portal/mail';
import { enqueueMail, notifyUsers } from '../../infra/outbox.repository.ts';
import type { Db } from '../../infra/tx.ts';

type Recipient = { id: string; email: string; name: string };

/**
 * Tells people of an event in the portal and by mail, inside the caller's transaction: one
 * notification each, and one mail each through the outbox (with the attachments, if any).
 */
export async function notifyAndMail(
  tx: Db,
  recipients: Recipient[],
  event: { kind: string; title: string; body: string; link: string; paragraphs?: string[]; attachments?: MailAttachment[] },
  ctx: { publicUrl: string; now: Date },
): Promise<void> {
  if (recipients.length === 0) return;
  await notifyUsers(tx, recipients.map((r) => r.id), { kind: event.kind, title: event.title, body: event.body, link: event.link });
  for (const r of recipients) {
    const message = renderMail({
      to: r.email,
      subject: event.title,
      greeting: `Dear ${r.name},`,
      paragraphs: event.paragraphs ?? [event.body],
      action: { label: 'Open it in the portal', url: `${ctx.publicUrl}${event.link}` },
    });
    await enqueueMail(tx, event.kind, event.attachments?.length ? { ...message, attachments: event.attachments } : message, ctx.now);
  }
}
