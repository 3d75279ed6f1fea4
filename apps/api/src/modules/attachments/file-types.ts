import { fileTypeFromBuffer } from 'file-type';

/*
 * What an uploaded file really is, told from its bytes, never from the name or the Content-Type the
 * client sent: a program renamed "drawing.pdf" is still a program. Binary formats are told by the
 * `file-type` library; two checks stay our own: text formats (plain text, CSV, ASCII DXF), which
 * file-type does not detect, and the refusal of Office documents carrying macros (a vbaProject.bin
 * inside a file that declares itself a plain .docx or .xlsx is still macro-enabled).
 */

export type FileKind = { contentType: string; extensions: readonly string[]; label: string };

const kinds = {
  pdf: { contentType: 'application/pdf', extensions: ['.pdf'], label: 'PDF' },
  png: { contentType: 'image/png', extensions: ['.png'], label: 'PNG image' },
  jpeg: { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], label: 'JPEG image' },
  webp: { contentType: 'image/webp', extensions: ['.webp'], label: 'WebP image' },
  gif: { contentType: 'image/gif', extensions: ['.gif'], label: 'GIF image' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['.docx'], label: 'Word document' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['.xlsx'], label: 'Excel workbook' },
  dwg: { contentType: 'image/vnd.dwg', extensions: ['.dwg'], label: 'AutoCAD drawing (DWG)' },
  dxf: { contentType: 'image/vnd.dxf', extensions: ['.dxf'], label: 'AutoCAD drawing (DXF)' },
  csv: { contentType: 'text/csv', extensions: ['.csv'], label: 'CSV' },
  text: { contentType: 'text/plain', extensions: ['.txt', '.text', '.log', '.md'], label: 'plain text' },
} as const satisfies Record<string, FileKind>;

/** For messages: what may be uploaded. */
export const allowedFileTypes = 'PDF, PNG, JPEG, WebP, GIF, Word (.docx), Excel (.xlsx), DWG, DXF, plain text or CSV';

/** The binary kinds we take, by the MIME type file-type tells (an animated PNG is a PNG). */
const binaryKinds = new Map<string, FileKind>([
  ...[kinds.pdf, kinds.png, kinds.jpeg, kinds.webp, kinds.gif, kinds.docx, kinds.xlsx, kinds.dwg].map((k) => [k.contentType, k] as const),
  ['image/apng', kinds.png],
]);

/** The names of the entries of a ZIP archive, from its central directory; null if it is not a readable ZIP. */
export function zipEntryNames(data: Buffer): string[] | null {
  // The end-of-central-directory record sits in the last 22 bytes plus at most a 64 KiB comment.
  const floor = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= floor; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    if (at + 46 + nameLength > data.length) return null;
    names.push(data.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Whether a ZIP archive carries a VBA project: a macro-enabled Office document, refused. */
function hasMacros(data: Buffer): boolean {
  const names = zipEntryNames(data);
  return !names || names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n));
}

/** Text: valid UTF-8 (an optional BOM) with no control characters other than tab, line feed, carriage return, form feed. */
function isPlainText(data: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** The kind of file these bytes are, or null when it is not one that may be uploaded. */
export async function sniffFileType(data: Buffer, fileName: string): Promise<FileKind | null> {
  if (data.length === 0) return null;
  const found = await fileTypeFromBuffer(data);
  if (found) {
    const kind = binaryKinds.get(found.mime) ?? null;
    if ((kind === kinds.docx || kind === kinds.xlsx) && hasMacros(data)) return null;
    return kind;
  }
  if (!isPlainText(data)) return null;
  // ASCII DXF opens with group code 0 and SECTION.
  if (/^\uFEFF?[ \t]*0\r?\n[ \t]*SECTION\r?\n/.test(data.subarray(0, 64).toString('utf8'))) return kinds.dxf;
  return /\.csv$/i.test(fileName) ? kinds.csv : kinds.text;
}

/**
 * A file name safe to store and to send back in Content-Disposition: no folders, no control or
 * reserved characters, no leading dots, at most 200 characters, and an extension that matches what
 * the file really is.
 */
export function sanitizeFileName(raw: string, kind: FileKind): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const name = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*;]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  const fits = (kind.extensions as readonly string[]).includes(ext);
  // A name whose extension does not match the content gets the right one added: x.pdf → x.pdf.png.
  const extension = fits ? ext : kind.extensions[0]!;
  const stem = fits ? name.slice(0, dot) : name;
  // Shortened by characters (not bytes), keeping the extension.
  const short = [...stem].slice(0, 200 - extension.length).join('').trim();
  return `${short || 'file'}${extension}`;
}

/** The Content-Disposition of a download: an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '').replace(/\s+/g, ' ').trim() || 'file';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
