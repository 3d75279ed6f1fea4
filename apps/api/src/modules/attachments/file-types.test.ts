import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePng } from '../../../test/sample-images.ts';
import { attachmentDisposition, sanitizeFileName, sniffFileType, zipEntryNames, type FileKind } from './file-types.ts';

/** A ZIP archive with stored (uncompressed) entries, as Office writes its documents. */
function makeZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** [Content_Types].xml as Word and Excel write it: the main part's content type names the document. */
const typesOf = (part: string, type: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="${part}" ContentType="${type}"/></Types>`;
const types = typesOf('/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
const docx = () => makeZip({ '[Content_Types].xml': types, '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' });
const xlsx = () => makeZip({ '[Content_Types].xml': typesOf('/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'), 'xl/workbook.xml': '<workbook/>' });

describe('sniffFileType', () => {
  const kind = async (data: Buffer | string, name = 'upload') => (await sniffFileType(Buffer.isBuffer(data) ? data : Buffer.from(data, 'latin1'), name))?.contentType ?? null;

  it('knows the allowed types by their first bytes', async () => {
    expect(await kind('%PDF-1.7\n%âãÏÓ\n')).toBe('application/pdf');
    expect(await kind(samplePng())).toBe('image/png');
    expect(await kind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]))).toBe('image/jpeg');
    expect(await kind('RIFF\x24\x00\x00\x00WEBPVP8 ')).toBe('image/webp');
    expect(await kind('GIF89a\x01\x00\x01\x00')).toBe('image/gif');
    expect(await kind('AC1032\x00\x00\x00\x00')).toBe('image/vnd.dwg');
    expect(await kind('0\nSECTION\n2\nHEADER\n0\nENDSEC\n0\nEOF\n')).toBe('image/vnd.dxf');
    expect(await kind('  0\r\nSECTION\r\n  2\r\nENTITIES\r\n')).toBe('image/vnd.dxf');
    expect(await kind('sku,quantity\nDW-BTL-500,5000\n', 'order.CSV')).toBe('text/csv');
    expect(await kind('Colour: Pantone 2945 C\nLogo on the lid\n', 'notes.txt')).toBe('text/plain');
    expect(await kind(Buffer.from('Größe: 38 × 28 cm, 竹制\n', 'utf8'))).toBe('text/plain');
  });

  it('tells Word and Excel documents from other ZIP archives', async () => {
    expect(zipEntryNames(docx())).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(await kind(docx())).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await kind(xlsx())).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await kind(makeZip({ 'setup.exe': 'MZ' }))).toBeNull();
    expect(await kind(makeZip({ '[Content_Types].xml': types, 'word/document.xml': '<w/>', 'word/vbaProject.bin': 'macro' }))).toBeNull();
    expect(await kind(Buffer.from('PK\x03\x04 truncated', 'latin1'))).toBeNull();
  });

  it('refuses programs, scripts in binary form and empty files, whatever their name', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(64), Buffer.from('PE\x00\x00', 'latin1')]);
    expect(await kind(exe, 'drawing.pdf')).toBeNull();
    expect(await kind(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), 'photo.png')).toBeNull();
    expect(await kind(Buffer.from([0xfe, 0xed, 0xfa, 0xce]))).toBeNull();
    expect(await kind(Buffer.alloc(0))).toBeNull();
    expect(await kind(Buffer.from('text with a NUL\x00 byte', 'latin1'))).toBeNull();
    expect(await kind(Buffer.from([0xc3, 0x28]))).toBeNull();
  });
});

describe('sanitizeFileName', () => {
  let pdf: FileKind;
  let png: FileKind;
  beforeAll(async () => {
    pdf = (await sniffFileType(Buffer.from('%PDF-1.4'), 'x'))!;
    png = (await sniffFileType(samplePng(), 'x'))!;
  });

  it('drops folders, reserved and control characters and leading dots', () => {
    expect(sanitizeFileName('../../etc/pass<w>d.pdf', pdf)).toBe('passwd.pdf');
    expect(sanitizeFileName('C:\\Users\\me\\Drawing "A".pdf', pdf)).toBe('Drawing A.pdf');
    expect(sanitizeFileName('.hidden.pdf', pdf)).toBe('hidden.pdf');
    expect(sanitizeFileName('spec\r\nsheet\u0000.PDF', pdf)).toBe('specsheet.pdf');
    expect(sanitizeFileName('报价 单.pdf', pdf)).toBe('报价 单.pdf');
  });

  it('gives a name the extension of what the file really is', () => {
    expect(sanitizeFileName('logo.pdf', png)).toBe('logo.pdf.png');
    expect(sanitizeFileName('logo', png)).toBe('logo.png');
    expect(sanitizeFileName('', png)).toBe('file.png');
    expect(sanitizeFileName('...', pdf)).toBe('file.pdf');
  });

  it('keeps names to 200 characters with their extension', () => {
    const name = sanitizeFileName(`${'a'.repeat(500)}.pdf`, pdf);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('always says attachment, with an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('drawing.pdf')).toBe(`attachment; filename="drawing.pdf"; filename*=UTF-8''drawing.pdf`);
    expect(attachmentDisposition('Größe (1).pdf')).toBe(`attachment; filename="Groe (1).pdf"; filename*=UTF-8''Gr%C3%B6%C3%9Fe%20%281%29.pdf`);
    expect(attachmentDisposition('报价.pdf')).toBe(`attachment; filename=".pdf"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7.pdf`);
  });
});
