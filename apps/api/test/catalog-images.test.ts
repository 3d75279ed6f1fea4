import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProductInput, type ProductEditable } from '@portal/schemas';
import type { Actor } from '@portal/domain';
import { createFileStore } from '../src/infra/file-store.ts';
import { createCatalogImagesService } from '../src/modules/catalog/catalog-images.service.ts';
import { loginAs, multipart, startTestApp, type FilePart, type TestContext } from './helpers.ts';
import { sampleJpeg, samplePng, sampleWebp, sampleWebpExtended, sampleWebpLossless } from './sample-images.ts';

let t: TestContext;
let dataDir: string;
const s = {} as Record<'clerk' | 'manager' | 'admin' | 'finance' | 'buyer', string>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'portal-catalog-images-'));
  t = await startTestApp({ DATA_DIR: dataDir });
  for (const who of ['clerk', 'manager', 'admin', 'finance', 'buyer'] as const) s[who] = await loginAs(t.app, `${who}@demo.example`);
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const MB = 1024 * 1024;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const storedPath = (data: Buffer) => path.join(dataDir, 'files', sha256(data).slice(0, 2), sha256(data));
const countImages = () => t.db.prisma.catalogImage.count();

function upload(cookie: string | undefined, files: FilePart[]) {
  const body = multipart(files);
  return t.app.inject({ method: 'POST', url: '/api/catalog/images', headers: { ...(cookie ? { cookie } : {}), ...body.headers }, payload: body.payload });
}
const uploadOne = (cookie: string | undefined, data: Buffer, name = 'photo.png', type = 'image/png') => upload(cookie, [{ name, type, data }]);
const download = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

/** The sample PNG made unique (an extra chunk after IHDR), so that each test registers new bytes. */
function uniquePng(label: string): Buffer {
  const png = samplePng();
  const text = Buffer.from(`Comment\0${label}`, 'latin1');
  const chunk = Buffer.alloc(12 + text.length);
  chunk.writeUInt32BE(text.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  text.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + text.length)), 8 + text.length);
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
}

/** A PNG header of the given pixel size, padded to `bytes`. */
function pngOfSize(bytes: number, width = 3, height = 2): Buffer {
  const data = Buffer.alloc(bytes);
  samplePng().copy(data, 0, 0, 33);
  data.writeUInt32BE(width, 16);
  data.writeUInt32BE(height, 20);
  return data;
}

describe('POST /api/catalog/images', () => {
  it('takes a PNG from a clerk and serves the identical bytes at a portal path, cached for good', async () => {
    const data = uniquePng('first');
    const res = await uploadOne(s.clerk, data, 'Mug front.png');
    expect(res.statusCode, res.body).toBe(201);
    const image = res.json();
    const hash = sha256(data);
    expect(image).toEqual({ url: `/api/catalog/images/${hash}`, sha256: hash, mimeType: 'image/png', sizeBytes: data.length, width: 3, height: 2 });
    expect(existsSync(storedPath(data))).toBe(true);
    const clerk = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'clerk@demo.example' } });
    expect(await t.db.prisma.catalogImage.findUniqueOrThrow({ where: { sha256: hash } })).toMatchObject({ uploadedById: clerk.id, storageKey: `${hash.slice(0, 2)}/${hash}`, width: 3, height: 2 });
    const audit = await t.db.prisma.auditLog.findMany({ where: { action: 'catalogImage.upload', entityId: hash } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: clerk.id, entityType: 'CatalogImage', changes: { mimeType: 'image/png', sizeBytes: data.length, width: 3, height: 2, fileName: 'Mug front.png' } });

    // Anyone, signed in or not, gets the bytes back.
    const got = await download(image.url);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(data)).toBe(true);
    expect(got.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(data.length),
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${hash}"`,
      'x-content-type-options': 'nosniff',
    });
    const revalidated = await download(image.url, { 'if-none-match': `"${hash}"` });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.rawPayload.length).toBe(0);
    expect(revalidated.headers.etag).toBe(`"${hash}"`);
    expect((await download(image.url, { 'if-none-match': '"something-else"' })).statusCode).toBe(200);
  });

  it('tells JPEG and WebP from their content, not from the name or type the client sent', async () => {
    const cases: [Buffer, string][] = [
      [sampleJpeg(), 'image/jpeg'],
      [sampleWebp(), 'image/webp'],
      [sampleWebpLossless(), 'image/webp'],
      [sampleWebpExtended(), 'image/webp'],
    ];
    for (const [data, mimeType] of cases) {
      const res = await uploadOne(s.manager, data, 'picture.png', 'image/png');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ mimeType, width: 3, height: 2, sizeBytes: data.length });
      const got = await download(res.json().url);
      expect(got.headers['content-type']).toBe(mimeType);
      expect(got.rawPayload.equals(data)).toBe(true);
    }
  });

  it('gives the same image for the same bytes, with one row and one audit entry', async () => {
    const data = uniquePng('twice');
    const before = await countImages();
    const first = await uploadOne(s.clerk, data, 'a.png');
    const second = await uploadOne(s.admin, data, 'b.png');
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(await countImages()).toBe(before + 1);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'catalogImage.upload', entityId: sha256(data) } })).toBe(1);
    // The first uploader stays recorded.
    const row = await t.db.prisma.catalogImage.findUniqueOrThrow({ where: { sha256: sha256(data) }, select: { uploadedBy: { select: { email: true } } } });
    expect(row.uploadedBy.email).toBe('clerk@demo.example');
  });

  it('registers the same bytes sent at the same moment once: the later writers get the winner’s image', async () => {
    const before = await countImages();
    const racing = uniquePng('race');
    // Straight to the service, so that every call looks before any writes (through HTTP, parsing
    // the form staggers them).
    const service = createCatalogImagesService({ prisma: t.db.prisma, clock: t.clock, files: createFileStore(path.join(dataDir, 'files')) });
    const clerk = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'clerk@demo.example' } });
    const actor: Actor = { userId: clerk.id, role: clerk.role, companyId: clerk.companyId, isCompanyAdmin: false };
    const answers = await Promise.all([1, 2, 3].map(() => service.upload(actor, { fileName: 'race.png', data: racing }, {})));
    expect(new Set(answers.map((a) => a.url)).size).toBe(1);
    expect(await countImages()).toBe(before + 1);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'catalogImage.upload', entityId: sha256(racing) } })).toBe(1);
  });

  it('refuses a PDF, and a text file named .png, with 415 naming the field, registering nothing', async () => {
    const before = await countImages();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
    const text = Buffer.from('not a picture, just words\n');
    for (const [data, name, type] of [[pdf, 'catalogue.pdf', 'application/pdf'], [text, 'photo.png', 'image/png']] as const) {
      const res = await uploadOne(s.clerk, data, name, type);
      expect(res.statusCode, res.body).toBe(415);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', errors: [{ field: 'file', message: 'must be a JPEG, PNG or WebP image' }] });
      expect(existsSync(storedPath(data))).toBe(false);
    }
    // GIF is an image, but not one the catalog takes.
    const gif = await uploadOne(s.clerk, Buffer.from('GIF89a\x03\x00\x02\x00\x00\x00\x00;', 'latin1'), 'anim.gif', 'image/gif');
    expect(gif.statusCode).toBe(415);
    expect(await countImages()).toBe(before);
  });

  it('refuses damaged, empty and oversized pictures, and a request that is not a file upload, with 4xx naming the field', async () => {
    const before = await countImages();
    const cut = await uploadOne(s.clerk, samplePng().subarray(0, 20));
    expect(cut.statusCode).toBe(400);
    expect(cut.json()).toMatchObject({ code: 'VALIDATION', errors: [{ field: 'file', message: 'must be a complete JPEG, PNG or WebP image' }] });
    const huge = await uploadOne(s.clerk, pngOfSize(200, 20_000, 15_000));
    expect(huge.statusCode).toBe(400);
    expect(huge.json()).toMatchObject({ detail: expect.stringContaining('20000 × 15000'), errors: [{ field: 'file', message: 'must be at most 10000 × 10000 pixels' }] });
    const empty = await uploadOne(s.clerk, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ field: 'file', message: 'must not be empty' }]);
    const misnamed = await upload(s.clerk, [{ field: 'image', name: 'a.png', type: 'image/png', data: samplePng() }]);
    expect(misnamed.statusCode).toBe(400);
    expect(misnamed.json().errors).toEqual([{ field: 'file', message: 'is required' }]);
    const json = await t.app.inject({ method: 'POST', url: '/api/catalog/images', headers: { cookie: s.clerk }, payload: { file: samplePng().toString('base64') } });
    expect(json.statusCode).toBe(415);
    expect(json.json().errors).toEqual([{ field: 'file', message: 'is required' }]);
    expect(await countImages()).toBe(before);
  });

  it('refuses a picture over 5 MB with 413 naming the field and stores nothing; exactly 5 MB is taken', async () => {
    const before = await countImages();
    const data = pngOfSize(5 * MB + 1);
    const res = await uploadOne(s.clerk, data, 'big.png');
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', errors: [{ field: 'file', message: 'must be at most 5 MB' }] });
    expect(existsSync(storedPath(data))).toBe(false);
    expect(await countImages()).toBe(before);
    const max = await uploadOne(s.clerk, pngOfSize(5 * MB), 'max.png');
    expect(max.statusCode, max.body).toBe(201);
    expect(max.json().sizeBytes).toBe(5 * MB);
  });

  it('is for catalog staff: 403 for buyers and finance, 401 without a session', async () => {
    const data = uniquePng('forbidden');
    for (const cookie of [s.buyer, s.finance]) {
      const res = await uploadOne(cookie, data);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    const anonymous = await uploadOne(undefined, data);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(existsSync(storedPath(data))).toBe(false);
  });
});

describe('GET /api/catalog/images/:sha256', () => {
  it('answers 404 problem+json for unknown hashes and malformed ids', async () => {
    const unknown = await download(`/api/catalog/images/${'0'.repeat(64)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const known = (await uploadOne(s.clerk, uniquePng('case'))).json().sha256 as string;
    for (const id of ['abc', known.toUpperCase(), `${known}0`, `${known.slice(0, 2)}%2F${known}`, '..%2F..%2Fetc%2Fpasswd', `${known}.png`]) {
      const res = await download(`/api/catalog/images/${id}`);
      expect(res.statusCode, id).toBe(404);
      expect(res.headers['content-type'], id).toMatch(/application\/problem\+json/);
      expect(res.json().detail, id).toBe(unknown.json().detail);
    }
  });

  it('never serves a private attachment, though the two share one file store', async () => {
    const data = uniquePng('private drawing');
    const body = multipart([{ name: 'drawing.png', type: 'image/png', data }]);
    const attached = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie: s.buyer, ...body.headers }, payload: body.payload });
    expect(attached.statusCode, attached.body).toBe(201);
    expect(existsSync(storedPath(data))).toBe(true);

    const hash = sha256(data);
    for (const cookie of [undefined, s.buyer, s.clerk]) {
      const res = await download(`/api/catalog/images/${hash}`, cookie ? { cookie } : {});
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND', detail: 'image not found' });
      expect(res.rawPayload.includes(data)).toBe(false);
    }
  });
});

describe('an uploaded picture in a product gallery', () => {
  /** The PUT body that keeps a product as it is, with these images. */
  function inputFrom(p: ProductEditable, images: { url: string; alt: string }[]) {
    const { id: _id, updatedAt: _u, ...rest } = p;
    const fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null));
    return ProductInput.parse({ ...fields, status: p.status === 'DRAFT' ? 'DRAFT' : 'ACTIVE', images });
  }

  it('is saved through PUT /api/products/:id and shown on the public product page', async () => {
    const image = (await uploadOne(s.clerk, uniquePng('gallery'), 'gallery.png')).json();
    const product = await t.db.prisma.product.findFirstOrThrow({ where: { status: 'ACTIVE' }, orderBy: { sku: 'asc' }, select: { id: true } });
    const editable = (await t.app.inject({ method: 'GET', url: `/api/products/${product.id}`, headers: { cookie: s.clerk } })).json() as ProductEditable;

    const images = [{ url: image.url, alt: 'Front view' }, ...editable.images];
    const saved = await t.app.inject({ method: 'PUT', url: `/api/products/${product.id}`, headers: { cookie: s.clerk }, payload: inputFrom(editable, images) });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().images[0]).toEqual({ url: image.url, alt: 'Front view' });

    const page = await t.app.inject({ method: 'GET', url: `/api/catalog/products/${product.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().images[0]).toEqual({ url: image.url, alt: 'Front view' });
    expect(page.json().imageUrl).toBe(image.url);
    const got = await download(page.json().images[0].url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
  });

  it('must be an uploaded catalog picture when it is a picture path on this portal', async () => {
    const product = await t.db.prisma.product.findFirstOrThrow({ where: { status: 'ACTIVE' }, orderBy: { sku: 'desc' }, select: { id: true } });
    const editable = (await t.app.inject({ method: 'GET', url: `/api/products/${product.id}`, headers: { cookie: s.clerk } })).json() as ProductEditable;
    // A private attachment's hash, and one that was never uploaded.
    const data = uniquePng('private again');
    const body = multipart([{ name: 'drawing.png', type: 'image/png', data }]);
    expect((await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie: s.buyer, ...body.headers }, payload: body.payload })).statusCode).toBe(201);
    const images = [
      { url: 'https://images.example/mug.jpg', alt: 'Elsewhere' },
      { url: `/api/catalog/images/${sha256(data)}`, alt: 'Private' },
      { url: `/api/catalog/images/${'f'.repeat(64)}`, alt: 'Never uploaded' },
    ];
    const res = await t.app.inject({ method: 'PUT', url: `/api/products/${product.id}`, headers: { cookie: s.clerk }, payload: inputFrom(editable, images) });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'body.images.1.url', message: 'is not an uploaded catalog picture; upload it first' },
      { field: 'body.images.2.url', message: 'is not an uploaded catalog picture; upload it first' },
    ]);
    const after = (await t.app.inject({ method: 'GET', url: `/api/products/${product.id}`, headers: { cookie: s.clerk } })).json() as ProductEditable;
    expect(after.images).toEqual(editable.images);
  });
});
