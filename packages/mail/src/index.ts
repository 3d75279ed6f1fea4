import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

/** A message ready to send: rendered when the business change happened, so the record is exact. */
export type MailMessage = { to: string; subject: string; text: string; html?: string; attachments?: MailAttachment[] };

/** A file sent with a message (e.g. the PI as PDF), base64 so the message can wait in the outbox as JSON. */
export type MailAttachment = { filename: string; contentType: string; contentBase64: string };

/** The message as nodemailer takes it: attachments decoded from their base64 form. */
function toNodemailer(from: string, message: MailMessage) {
  const { attachments, ...rest } = message;
  return {
    from,
    ...rest,
    ...(attachments?.length
      ? { attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.contentBase64, encoding: 'base64' })) }
      : {}),
  };
}

/** Sends mail. Throws when the server refuses or cannot be reached, so the outbox retries. */
export type Mailer = {
  kind: 'smtp' | 'capture';
  send(message: MailMessage): Promise<{ messageId: string }>;
  verify(): Promise<boolean>;
  close(): void;
};

export type MailerOptions =
  /** pool: SMTP connections kept open and used at once (default 5). */
  | { kind: 'smtp'; url: string; from: string; pool?: number }
  /** Writes each message as an .eml file into a folder a developer can open. */
  | { kind: 'capture'; dir: string; from: string };

/** Creates the mailer for the configured transport. */
export function createMailer(options: MailerOptions): Mailer {
  if (options.kind === 'smtp') {
    // A pool of open connections, each sending message after message: one SMTP session per
    // message capped delivery at a few messages a second. The time limits keep a hung server
    // from holding a delivery longer than the outbox lease (two minutes).
    const transport = nodemailer.createTransport({
      url: options.url,
      pool: true,
      maxConnections: options.pool ?? 5,
      maxMessages: 500,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    } as Parameters<typeof nodemailer.createTransport>[0], { from: options.from });
    return {
      kind: 'smtp',
      async send(message) {
        const info = await transport.sendMail(toNodemailer(options.from, message));
        return { messageId: info.messageId };
      },
      verify: () => transport.verify().then(() => true, () => false),
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'capture',
    async send(message) {
      const info = await transport.sendMail(toNodemailer(options.from, message));
      await mkdir(options.dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const safeTo = message.to.replace(/[^a-z0-9@._-]/gi, '_');
      // Several messages to one reader can leave in the same millisecond (an outbox batch): each
      // gets a file of its own, never overwriting another ('wx' refuses an existing name).
      await writeFile(path.join(options.dir, `${stamp}_${safeTo}_${randomBytes(4).toString('hex')}.eml`), info.message as Buffer, { flag: 'wx' });
      return { messageId: info.messageId };
    },
    verify: async () => true,
    close: () => transport.close(),
  };
}

/**
 * Whether the server refused a message for good (no such mailbox, a malformed address): waiting
 * will not help, so the outbox holds it for a person. Anything else, including a refused login
 * (a configuration error that a person fixes), is retried.
 */
export function isPermanentMailError(err: unknown): boolean {
  const e = err as { responseCode?: number; code?: string; command?: string } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.code === 'EENVELOPE') return true;
  const code = e.responseCode ?? 0;
  return (code >= 550 && code <= 559 || code === 501) && (e.command === 'RCPT TO' || e.command === 'MAIL FROM' || e.command === 'DATA');
}

/** Escapes text for the HTML part of a message. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Renders a plain, accessible message with one optional call to action, in the reader's language (`lang`). */
export function renderMail(input: { to: string; subject: string; greeting: string; paragraphs: string[]; action?: { label: string; url: string }; lang?: string }): MailMessage {
  const text = [input.greeting, '', ...input.paragraphs.flatMap((p) => [p, '']), input.action ? `${input.action.label}: ${input.action.url}` : '']
    .join('\n')
    .trim();
  const html = `<!doctype html><html lang="${escapeHtml(input.lang ?? 'en')}"><body style="font-family:system-ui,sans-serif;color:#1f2937;line-height:1.5">
<p>${escapeHtml(input.greeting)}</p>
${input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${input.action ? `<p><a href="${escapeHtml(input.action.url)}" style="background:#0b5cab;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(input.action.label)}</a></p>` : ''}
</body></html>`;
  return { to: input.to, subject: input.subject, text, html };
}
