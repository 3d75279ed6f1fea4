import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, multipart, startTestApp, type FilePart, type TestContext } from './helpers.ts';
import { samplePng } from './sample-images.ts';

let t: TestContext;
let dataDir: string;
const s = {} as Record<'buyer' | 'purchasing' | 'buyer2' | 'clerk' | 'finance', string>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'portal-attachments-'));
  t = await startTestApp({ DATA_DIR: dataDir });
  for (const who of ['buyer', 'purchasing', 'buyer2', 'clerk', 'finance'] as const) s[who] = await loginAs(t.app, `${who}@demo.example`);
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function upload(cookie: string, files: FilePart[], fields?: Record<string, string>) {
  const body = multipart(files, fields);
  return t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie, ...body.headers }, payload: body.payload });
}

/** A small but complete PDF (one empty A4 page), as a drawing export would produce. */
function realPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A real PNG, made unique by bytes after its end (readers stop at IEND). */
const png = () => Buffer.concat([samplePng(), randomBytes(64)]);
/** A Windows program: the MZ header, then the PE signature. */
const exe = () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(46), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\x00\x00', 'latin1'), randomBytes(256)]);

const storedPath = (data: Buffer) => {
  const sha = createHash('sha256').update(data).digest('hex');
  return path.join(dataDir, 'files', sha.slice(0, 2), sha);
};
const countAttachments = () => t.db.prisma.attachment.count();

describe('POST /api/attachments', () => {
  it('accepts a real PDF, stores it by content hash and tells its type from the bytes', async () => {
    const data = realPdf();
    const res = await upload(s.buyer, [{ name: 'Logo drawing.pdf', type: 'application/octet-stream', data }]);
    expect(res.statusCode, res.body).toBe(201);
    const info = res.json();
    expect(info).toEqual({ id: expect.any(String), fileName: 'Logo drawing.pdf', contentType: 'application/pdf', sizeBytes: data.length, createdAt: expect.any(String) });
    expect(existsSync(storedPath(data))).toBe(true);
    const row = await t.db.prisma.attachment.findUniqueOrThrow({ where: { id: info.id } });
    const buyer = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'buyer@demo.example' } });
    expect(row).toMatchObject({ companyId: buyer.companyId, uploadedById: buyer.id, inquiryId: null, sha256: createHash('sha256').update(data).digest('hex') });
    expect(await t.db.prisma.auditLog.count({ where: { action: 'attachment.upload', entityId: info.id } })).toBe(1);
  });

  it('takes the type from the content, not from the name or the header the client sent', async () => {
    const res = await upload(s.buyer, [{ name: 'photo.pdf', type: 'application/pdf', data: png() }]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'image/png', fileName: 'photo.pdf.png' });
  });

  it('accepts DXF drawings and CSV lists, and cleans up file names', async () => {
    const dxf = await upload(s.buyer, [{ name: '../../../etc/part<1>.dxf', type: 'application/dxf', data: Buffer.from('0\nSECTION\n2\nENTITIES\n0\nENDSEC\n0\nEOF\n') }]);
    expect(dxf.statusCode, dxf.body).toBe(201);
    expect(dxf.json()).toMatchObject({ contentType: 'image/vnd.dxf', fileName: 'part1.dxf' });
    const csv = await upload(s.clerk, [{ name: 'sizes.csv', type: 'text/csv', data: Buffer.from('size,quantity\nM,400\nL,600\n') }]);
    expect(csv.statusCode, csv.body).toBe(201);
    expect(csv.json().contentType).toBe('text/csv');
  });

  it('refuses an .exe renamed .pdf with 415 naming the field, and stores nothing', async () => {
    const before = await countAttachments();
    const data = exe();
    const res = await upload(s.buyer, [{ name: 'invoice.pdf', type: 'application/pdf', data }]);
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', errors: [{ field: 'file', message: expect.stringMatching(/PDF/) }] });
    expect(await countAttachments()).toBe(before);
    expect(existsSync(storedPath(data))).toBe(false);
  });

  it('refuses a file over 10 MB with 413 naming the field, and stores nothing', async () => {
    const before = await countAttachments();
    const data = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    const res = await upload(s.buyer, [{ name: 'huge.pdf', type: 'application/pdf', data }]);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', errors: [{ field: 'file', message: 'must be at most 10 MB' }] });
    expect(await countAttachments()).toBe(before);
    expect(existsSync(storedPath(data))).toBe(false);
    // Exactly 10 MB is still allowed.
    const max = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 - 9, 0x20)]);
    expect((await upload(s.buyer, [{ name: 'max.pdf', type: 'application/pdf', data: max }])).statusCode).toBe(201);
  });

  it('takes one file per request, in the field "file", sent as multipart', async () => {
    const before = await countAttachments();
    const two = await upload(s.buyer, [{ name: 'a.pdf', type: 'application/pdf', data: realPdf() }, { name: 'b.png', type: 'image/png', data: png() }]);
    expect(two.statusCode).toBe(400);
    expect(two.json().errors).toEqual([{ field: 'file', message: 'must be a single file' }]);
    const misnamed = await upload(s.buyer, [{ field: 'upload', name: 'a.pdf', type: 'application/pdf', data: realPdf() }]);
    expect(misnamed.statusCode).toBe(400);
    expect(misnamed.json()).toMatchObject({ detail: 'send the file in the form field named "file"', errors: [{ field: 'file' }] });
    const none = await upload(s.buyer, [], { note: 'no file' });
    expect(none.statusCode).toBe(400);
    const empty = await upload(s.buyer, [{ name: 'empty.pdf', type: 'application/pdf', data: Buffer.alloc(0) }]);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ field: 'file', message: 'must not be empty' }]);
    const json = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie: s.buyer }, payload: { file: 'JVBERi0xLjQK' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().errors).toEqual([{ field: 'file', message: 'is required' }]);
    expect(await countAttachments()).toBe(before);
  });

  it('needs a session', async () => {
    const body = multipart([{ name: 'a.pdf', type: 'application/pdf', data: realPdf() }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: body.headers, payload: body.payload });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /api/attachments/:attachmentId', () => {
  let id: string;
  const data = realPdf();

  beforeAll(async () => {
    const res = await upload(s.buyer, [{ name: 'Spec sheet – Größe.pdf', type: 'application/pdf', data }]);
    expect(res.statusCode).toBe(201);
    id = res.json().id;
  });

  const download = (cookie: string, attachmentId = id) => t.app.inject({ method: 'GET', url: `/api/attachments/${attachmentId}`, headers: { cookie } });

  it('streams the file back to its uploader as a download that browsers must not sniff', async () => {
    const res = await download(s.buyer);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(data)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(data.length));
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Spec sheet Groe.pdf"; filename*=UTF-8''Spec%20sheet%20%E2%80%93%20Gr%C3%B6%C3%9Fe.pdf`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('serves the same file to a colleague of the same company and to staff', async () => {
    for (const who of [s.purchasing, s.clerk, s.finance]) {
      const res = await download(who);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(data)).toBe(true);
    }
  });

  it('is "not found" for another company’s buyer, exactly as for a file that does not exist', async () => {
    const foreign = await download(s.buyer2);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(foreign.body).not.toContain('Spec sheet');
    const ghost = await download(s.buyer2, '01900000-0000-7000-8000-000000000000');
    expect(ghost.statusCode).toBe(404);
    expect(ghost.json().detail).toBe(foreign.json().detail);
    expect((await download(s.buyer, 'not-a-uuid')).statusCode).toBe(400);
  });

  it('sends text with its charset, still as an attachment', async () => {
    const up = await upload(s.buyer, [{ name: 'notes.txt', type: 'text/html', data: Buffer.from('<script>alert(1)</script>\n') }]);
    expect(up.statusCode).toBe(201);
    const res = await download(s.buyer, up.json().id);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('keeps identical content once on disk', async () => {
    const again = await upload(s.purchasing, [{ name: 'copy.pdf', type: 'application/pdf', data }]);
    expect(again.statusCode).toBe(201);
    const sha = createHash('sha256').update(data).digest('hex');
    expect(readdirSync(path.join(dataDir, 'files', sha.slice(0, 2))).filter((f) => f.startsWith(sha))).toEqual([sha]);
  });
});
