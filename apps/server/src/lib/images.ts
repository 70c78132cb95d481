// Photos: recognised by their bytes, and stripped of EXIF/XMP metadata (GPS location, device)
// before they are stored. Pixel data is copied unchanged, so no image library is needed.

export type ImageKind = 'jpeg' | 'png' | 'webp';

export const IMAGE_MIME: Record<ImageKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** The image format of a buffer, by its signature. */
export function detectImage(buffer: Buffer): ImageKind | null {
  if (buffer.length > 3 && buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff)
    return 'jpeg';
  if (
    buffer.length > 8 &&
    buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'png';
  }
  if (
    buffer.length > 12 &&
    buffer.toString('ascii', 0, 4) === 'RIFF' &&
    buffer.toString('ascii', 8, 12) === 'WEBP'
  ) {
    return 'webp';
  }
  return null;
}

/** Thrown when an image's structure cannot be walked. */
export class BadImageError extends Error {}

/** Removes APP1 (EXIF, XMP), APP13 (IPTC) and comment segments from a JPEG. */
function stripJpeg(buf: Buffer): Buffer {
  const parts: Buffer[] = [buf.subarray(0, 2)];
  let i = 2;
  while (i < buf.length) {
    if (buf[i] !== 0xff) throw new BadImageError('bad JPEG marker');
    const marker = buf[i + 1]!;
    if (marker === 0xd9) {
      parts.push(buf.subarray(i));
      break;
    }
    if (marker === 0xda) {
      // Start of scan: the compressed image follows to the end; keep it as it is.
      parts.push(buf.subarray(i));
      break;
    }
    if (marker >= 0xd0 && marker <= 0xd7) {
      parts.push(buf.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (i + 4 > buf.length) throw new BadImageError('truncated JPEG');
    const length = buf.readUInt16BE(i + 2);
    const end = i + 2 + length;
    if (end > buf.length) throw new BadImageError('truncated JPEG segment');
    const drop = marker === 0xe1 || marker === 0xed || marker === 0xfe;
    if (!drop) parts.push(buf.subarray(i, end));
    i = end;
  }
  return Buffer.concat(parts);
}

/** Removes eXIf, tEXt, zTXt and iTXt chunks from a PNG. */
function stripPng(buf: Buffer): Buffer {
  const parts: Buffer[] = [buf.subarray(0, 8)];
  let i = 8;
  while (i < buf.length) {
    if (i + 8 > buf.length) throw new BadImageError('truncated PNG');
    const length = buf.readUInt32BE(i);
    const type = buf.toString('ascii', i + 4, i + 8);
    const end = i + 12 + length;
    if (end > buf.length) throw new BadImageError('truncated PNG chunk');
    if (!['eXIf', 'tEXt', 'zTXt', 'iTXt'].includes(type)) parts.push(buf.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(parts);
}

/** Removes EXIF and XMP chunks from a WebP and clears their flags in VP8X. */
function stripWebp(buf: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let i = 12;
  while (i + 8 <= buf.length) {
    const type = buf.toString('ascii', i, i + 4);
    const size = buf.readUInt32LE(i + 4);
    const end = i + 8 + size + (size % 2);
    if (end > buf.length + 1) throw new BadImageError('truncated WebP chunk');
    if (type !== 'EXIF' && type !== 'XMP ') {
      const chunk = Buffer.from(buf.subarray(i, Math.min(end, buf.length)));
      if (type === 'VP8X' && chunk.length > 8) chunk[8] = chunk[8]! & ~0x0c; // EXIF and XMP flags
      chunks.push(chunk);
    }
    i = end;
  }
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'ascii');
  return Buffer.concat([header, body]);
}

/** A copy of the image without location and device metadata. */
export function stripImageMetadata(buffer: Buffer, kind: ImageKind): Buffer {
  switch (kind) {
    case 'jpeg':
      return stripJpeg(buffer);
    case 'png':
      return stripPng(buffer);
    case 'webp':
      return stripWebp(buffer);
  }
}
