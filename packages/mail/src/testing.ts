import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export type ReceivedMail = { from: string; to: string[]; raw: string };

/** A real SMTP server inside the test process, to receive what the portal sends. */
export async function startTestSmtpServer(options: { port?: number } = {}): Promise<{ url: string; messages: ReceivedMail[]; failNext: (n: number) => void; close: () => Promise<void> }> {
  const messages: ReceivedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures > 0) {
          failures -= 1;
          const err = new Error('451 try again later') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext: (n) => {
      failures = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Decodes RFC 2047 encoded words ("=?UTF-8?Q?…?=" / "=?UTF-8?B?…?="), as mail clients show a header.
 * Adjacent words are joined as bytes first: a character may be split between two of them.
 */
function decodeWords(value: string): string {
  return value.replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=(?:\s+(?==\?))?)+/g, (run) => {
    const bytes: Buffer[] = [];
    for (const [, enc, text] of run.matchAll(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g)) {
      if (enc!.toUpperCase() === 'B') bytes.push(Buffer.from(text!, 'base64'));
      else bytes.push(Buffer.from(text!.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1'));
    }
    return Buffer.concat(bytes).toString('utf8');
  });
}

/** Decodes a quoted-printable or base64 body part to text. */
function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** A received message as a reader sees it: its subject and its plain text, decoded (non-ASCII text included). */
export function readMail(raw: string): { subject: string; text: string } {
  const unfold = (h: string) => h.replace(/\r?\n[ \t]+/g, ' ');
  const headEnd = /\r?\n\r?\n/.exec(raw);
  const head = unfold(headEnd ? raw.slice(0, headEnd.index) : raw);
  const subject = decodeWords(/^Subject: (.*)$/im.exec(head)?.[1] ?? '');
  const at = raw.search(/^Content-Type: text\/plain/im);
  if (at < 0 || !headEnd) return { subject, text: headEnd ? raw.slice(headEnd.index + headEnd[0].length) : '' };
  // A single-part message has its encoding among the message's headers; a multipart one in the part's.
  const inHead = at < headEnd.index;
  const partStart = inHead ? 0 : at;
  const sep = /\r?\n\r?\n/.exec(raw.slice(partStart))!;
  const partHead = inHead ? head : unfold(raw.slice(partStart, partStart + sep.index));
  let body = raw.slice(partStart + sep.index + sep[0].length);
  const end = body.search(/\r?\n--/);
  if (!inHead && end >= 0) body = body.slice(0, end);
  const encoding = /^Content-Transfer-Encoding: ([\w-]+)/im.exec(partHead)?.[1]?.toLowerCase();
  return { subject, text: decodeBody(body, encoding) };
}
