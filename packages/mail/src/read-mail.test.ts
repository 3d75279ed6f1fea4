import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { renderMail } from './index.ts';
import { readMail } from './testing.ts';

/** The raw message nodemailer would send. */
async function rawOf(message: ReturnType<typeof renderMail>): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail({ from: 'portal@example.com', ...message });
  return (info.message as Buffer).toString('utf8');
}

describe('readMail (test support)', () => {
  it('decodes a Chinese subject and text as a reader sees them, and marks the HTML with the reader’s language', async () => {
    const message = renderMail({ to: 'li@example.com', lang: 'zh-CN', subject: 'Northwind Imports Ltd 发来新询盘 INQ-2026-000001', greeting: '李娜，您好：', paragraphs: ['总额：US$110,400.00。'] });
    expect(message.html).toContain('<html lang="zh-CN">');
    const read = readMail(await rawOf(message));
    expect(read.subject).toBe('Northwind Imports Ltd 发来新询盘 INQ-2026-000001');
    expect(read.text).toContain('李娜，您好：');
    expect(read.text).toContain('总额：US$110,400.00。');
  });

  it('reads an English message unchanged', async () => {
    const read = readMail(await rawOf(renderMail({ to: 'a@example.com', subject: 'Your quote PI-2026-000001 is ready', greeting: 'Dear Emma,', paragraphs: ['Total: USD 110,400.00'] })));
    expect(read).toEqual({ subject: 'Your quote PI-2026-000001 is ready', text: 'Dear Emma,\n\nTotal: USD 110,400.00' });
  });
});

describe('readMail on a long Chinese subject', () => {
  it('joins encoded words before decoding, so a character split between two of them reads whole', async () => {
    const subject = 'Northwind Imports Ltd 接受了 PI-2026-000123 第 1 版：合同 SC-2026-000045，总额 US$40,951.20，等待买方确认';
    const raw = await rawOf(renderMail({ to: 'li@example.com', lang: 'zh-CN', subject, greeting: '您好：', paragraphs: ['US$40,951.20 CIF Hamburg；等待买方确认。'] }));
    expect(readMail(raw)).toEqual({ subject, text: '您好：\n\nUS$40,951.20 CIF Hamburg；等待买方确认。' });
  });
});
