import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, renderMail } from './index.ts';
import { startTestSmtpServer } from './testing.ts';

const pdf = Buffer.from('%PDF-1.3\n% a tiny test file\n%%EOF\n');

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(() => smtp.close());

describe('attachments', () => {
  it('sends a file attached to the message over SMTP', async () => {
    const mailer = createMailer({ kind: 'smtp', url: smtp.url, from: 'Portal <portal@demo.example>' });
    try {
      const message = renderMail({ to: 'buyer@demo.example', subject: 'Your PI', greeting: 'Dear Emma,', paragraphs: ['Attached.'] });
      await mailer.send({ ...message, attachments: [{ filename: 'PI-2026-000001-rev1.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') }] });
    } finally {
      mailer.close();
    }
    const raw = smtp.messages.at(-1)!.raw;
    expect(raw).toMatch(/Content-Type: multipart\/mixed/);
    expect(raw).toMatch(/Content-Type: application\/pdf; name=PI-2026-000001-rev1\.pdf/);
    expect(raw).toMatch(/Content-Disposition: attachment; filename=PI-2026-000001-rev1\.pdf/);
    expect(raw).toContain(pdf.toString('base64'));
    expect(raw).toContain('Dear Emma,');
  });

  it('sends a message without attachments as before', async () => {
    const mailer = createMailer({ kind: 'smtp', url: smtp.url, from: 'portal@demo.example' });
    try {
      await mailer.send({ to: 'a@demo.example', subject: 'Plain', text: 'Just text' });
    } finally {
      mailer.close();
    }
    const raw = smtp.messages.at(-1)!.raw;
    expect(raw).not.toMatch(/multipart\/mixed/);
    expect(raw).toContain('Just text');
  });

  it('keeps every captured message, however many leave for one reader in the same millisecond', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mail-capture-'));
    try {
      const mailer = createMailer({ kind: 'capture', dir, from: 'portal@demo.example' });
      await Promise.all(Array.from({ length: 20 }, (_, i) => mailer.send({ to: 'b@demo.example', subject: `Milestone ${i}`, text: `Milestone ${i}` })));
      mailer.close();
      const files = await readdir(dir);
      expect(files).toHaveLength(20);
      const subjects = await Promise.all(files.map(async (f) => /Subject: (.*)/.exec(await readFile(path.join(dir, f), 'utf8'))![1]));
      expect(new Set(subjects).size).toBe(20);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps the attachment in a captured message', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mail-capture-'));
    try {
      const mailer = createMailer({ kind: 'capture', dir, from: 'portal@demo.example' });
      await mailer.send({ to: 'b@demo.example', subject: 'Captured', text: 'See the PI', attachments: [{ filename: 'pi.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') }] });
      mailer.close();
      const [file] = await readdir(dir);
      const eml = await readFile(path.join(dir, file!), 'utf8');
      expect(eml).toMatch(/Content-Type: application\/pdf; name=pi\.pdf/);
      expect(eml).toContain(pdf.toString('base64'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
