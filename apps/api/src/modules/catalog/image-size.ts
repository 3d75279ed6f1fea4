/*
 * The pixel size of a JPEG, PNG or WebP picture, read from its header bytes alone (no decoding).
 * A picture whose header cannot be read is damaged or cut short: browsers would show a broken image.
 *
 * Kept our own rather than the `image-size` package (2.1.0, tried): given a Buffer that shares
 * Node's buffer pool, as small uploads do, it read past the end of a cut-short PNG or WebP and
 * answered a size (e.g. 3 × 16777216) instead of refusing it, and it refused valid JPEGs with fill
 * bytes before a marker (image-size.test.ts has both cases).
 */

export type ImageSize = { width: number; height: number };

const has = (data: Buffer, at: number, text: string) => data.length >= at + text.length && data.toString('latin1', at, at + text.length) === text;

/** PNG: the IHDR chunk comes first, right after the 8-byte signature (width and height big-endian). */
function pngSize(data: Buffer): ImageSize | null {
  if (data.length < 24 || data.readUInt32BE(8) !== 13 || !has(data, 12, 'IHDR')) return null;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** JPEG: walks the marker segments up to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(data: Buffer): ImageSize | null {
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return null;
    const marker = data[at + 1]!;
    // Fill bytes before a marker.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // Markers without a length: TEM and RST0–7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    // End of image or start of scan before any frame header: no size to read.
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = data.readUInt16BE(at + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      // Segment: length(2) precision(1) height(2) width(2).
      if (length < 7 || at + 9 > data.length) return null;
      return { width: data.readUInt16BE(at + 7), height: data.readUInt16BE(at + 5) };
    }
    at += 2 + length;
  }
  return null;
}

/** WebP: the first chunk after "RIFF<size>WEBP" is VP8 (lossy), VP8L (lossless) or VP8X (extended). */
function webpSize(data: Buffer): ImageSize | null {
  if (data.length < 30) return null;
  if (has(data, 12, 'VP8 ')) {
    // A key frame: 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height.
    if (data[23] !== 0x9d || data[24] !== 0x01 || data[25] !== 0x2a) return null;
    return { width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff };
  }
  if (has(data, 12, 'VP8L')) {
    if (data[20] !== 0x2f) return null;
    const bits = data.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (has(data, 12, 'VP8X')) {
    // Flags(1) reserved(3), then canvas width − 1 and height − 1 as 24-bit little-endian numbers.
    return { width: data.readUIntLE(24, 3) + 1, height: data.readUIntLE(27, 3) + 1 };
  }
  return null;
}

/** The size of a picture of the given type (as sniffed from its bytes), or null when its header cannot be read. */
export function readImageSize(data: Buffer, mimeType: 'image/jpeg' | 'image/png' | 'image/webp'): ImageSize | null {
  const size = mimeType === 'image/png' ? pngSize(data) : mimeType === 'image/jpeg' ? jpegSize(data) : webpSize(data);
  return size && size.width > 0 && size.height > 0 ? size : null;
}
