import { describe, expect, it } from 'vitest';
import { detectImage, stripImageMetadata } from './images.js';

/** A minimal JPEG: SOI, APP1 Exif with a fake GPS string, a DQT-like segment, SOS, data, EOI. */
function jpegWithExif(): Buffer {
  const exifPayload = Buffer.from('Exif\0\0GPSLatitude=39.81;GPSLongitude=109.98');
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), u16(exifPayload.length + 2), exifPayload]);
  const dqt = Buffer.concat([Buffer.from([0xff, 0xdb]), u16(5), Buffer.from([0, 1, 2])]);
  const sos = Buffer.concat([
    Buffer.from([0xff, 0xda]),
    u16(4),
    Buffer.from([9, 9]),
    Buffer.from('pixels'),
    Buffer.from([0xff, 0xd9]),
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, dqt, sos]);
}
function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
}

describe('photo metadata', () => {
  it('recognises images by their bytes only', () => {
    expect(detectImage(jpegWithExif())).toBe('jpeg');
    expect(detectImage(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(detectImage(Buffer.from('<script>alert(1)</script>'))).toBeNull();
  });

  it('removes EXIF (GPS) from a JPEG and keeps the image data', () => {
    const stripped = stripImageMetadata(jpegWithExif(), 'jpeg');
    expect(stripped.toString('latin1')).not.toContain('GPSLatitude');
    expect(stripped.toString('latin1')).toContain('pixels');
    expect(stripped.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('removes eXIf and text chunks from a PNG', () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', Buffer.alloc(13)),
      pngChunk('eXIf', Buffer.from('GPS 39.81')),
      pngChunk('tEXt', Buffer.from('Location\0home')),
      pngChunk('IDAT', Buffer.from('pixels')),
      pngChunk('IEND', Buffer.alloc(0)),
    ]);
    const stripped = stripImageMetadata(png, 'png');
    expect(detectImage(stripped)).toBe('png');
    expect(stripped.toString('latin1')).not.toContain('GPS');
    expect(stripped.toString('latin1')).not.toContain('Location');
    expect(stripped.toString('latin1')).toContain('IDAT');
  });
});
