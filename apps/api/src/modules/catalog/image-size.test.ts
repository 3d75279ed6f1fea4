import { describe, expect, it } from 'vitest';
import { sampleJpeg, samplePng, sampleWebp, sampleWebpExtended, sampleWebpLossless } from '../../../test/sample-images.ts';
import { readImageSize } from './image-size.ts';

describe('readImageSize', () => {
  it('reads the size of real PNG, JPEG and WebP (lossy, lossless, extended) pictures', () => {
    expect(readImageSize(samplePng(), 'image/png')).toEqual({ width: 3, height: 2 });
    expect(readImageSize(sampleJpeg(), 'image/jpeg')).toEqual({ width: 3, height: 2 });
    expect(readImageSize(sampleWebp(), 'image/webp')).toEqual({ width: 3, height: 2 });
    expect(readImageSize(sampleWebpLossless(), 'image/webp')).toEqual({ width: 3, height: 2 });
    expect(readImageSize(sampleWebpExtended(), 'image/webp')).toEqual({ width: 3, height: 2 });
  });

  it('finds the frame header of a JPEG behind other segments and fill bytes', () => {
    const jpeg = sampleJpeg();
    // An APP1 segment and two fill bytes inserted after the start-of-image marker.
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, 0x08]), Buffer.from('Exif\0\0', 'latin1')]);
    const padded = Buffer.concat([jpeg.subarray(0, 2), app1, Buffer.from([0xff]), jpeg.subarray(2)]);
    expect(readImageSize(padded, 'image/jpeg')).toEqual({ width: 3, height: 2 });
  });

  it('reads large sizes', () => {
    const png = samplePng();
    png.writeUInt32BE(4000, 16);
    png.writeUInt32BE(3000, 20);
    expect(readImageSize(png, 'image/png')).toEqual({ width: 4000, height: 3000 });
  });

  it('gives null for pictures cut short or with a broken header', () => {
    expect(readImageSize(samplePng().subarray(0, 20), 'image/png')).toBeNull();
    expect(readImageSize(sampleJpeg().subarray(0, 100), 'image/jpeg')).toBeNull();
    expect(readImageSize(sampleWebp().subarray(0, 24), 'image/webp')).toBeNull();
    const zeroWide = samplePng();
    zeroWide.writeUInt32BE(0, 16);
    expect(readImageSize(zeroWide, 'image/png')).toBeNull();
    // The PNG signature followed by anything but IHDR.
    expect(readImageSize(Buffer.concat([samplePng().subarray(0, 8), Buffer.alloc(40, 0x41)]), 'image/png')).toBeNull();
    // A JPEG whose scan starts before any frame header.
    expect(readImageSize(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6]), 'image/jpeg')).toBeNull();
  });
});
