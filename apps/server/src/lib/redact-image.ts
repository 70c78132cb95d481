import { boxToPixels, type RedactionBox } from '@hazard-ledger/domain';
import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import { detectImage } from './images.js';

// Pixelation of hand-placed boxes on a photo (faces, number plates) for public disclosure. The
// image is decoded, every box is replaced by coarse blocks of its average colour, and a new file
// is encoded: no pixel of the original inside a box survives, and no metadata is carried over.

/** Thrown for an image this module cannot redact; the message is for the user. */
export class ImageRedactionError extends Error {}

/** Side of the blocks, relative to the image's longer side (at least 8 pixels). */
const BLOCK_FRACTION = 1 / 40;
/** Largest image decoded, in megapixels (guards memory). */
const MAX_MEGAPIXELS = 40;

type Rgba = { width: number; height: number; data: Uint8Array };

function decode(buffer: Buffer): { image: Rgba; kind: 'jpeg' | 'png' } {
  const kind = detectImage(buffer);
  if (kind !== 'jpeg' && kind !== 'png') {
    throw new ImageRedactionError('只能对 JPEG 或 PNG 图片打码，请先将图片转换为 JPEG 或 PNG 格式');
  }
  try {
    if (kind === 'jpeg') {
      const raw = jpeg.decode(buffer, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_MEGAPIXELS,
      });
      return { image: { width: raw.width, height: raw.height, data: raw.data }, kind };
    }
    const png = pngjs.PNG.sync.read(buffer);
    if (png.width * png.height > MAX_MEGAPIXELS * 1_000_000) {
      throw new ImageRedactionError('图片过大，无法打码');
    }
    return { image: { width: png.width, height: png.height, data: png.data }, kind };
  } catch (err) {
    if (err instanceof ImageRedactionError) throw err;
    throw new ImageRedactionError('图片文件已损坏，无法打码');
  }
}

/** Fills each block of the rectangle with the block's average colour. */
function pixelate(
  image: Rgba,
  rect: { left: number; top: number; right: number; bottom: number },
  block: number,
): void {
  const { width, data } = image;
  for (let by = rect.top; by < rect.bottom; by += block) {
    for (let bx = rect.left; bx < rect.right; bx += block) {
      const yEnd = Math.min(by + block, rect.bottom);
      const xEnd = Math.min(bx + block, rect.right);
      const sum = [0, 0, 0, 0];
      let n = 0;
      for (let y = by; y < yEnd; y++) {
        for (let x = bx; x < xEnd; x++) {
          const i = (y * width + x) * 4;
          for (let c = 0; c < 4; c++) sum[c]! += data[i + c]!;
          n++;
        }
      }
      const avg = sum.map((s) => Math.round(s / n));
      for (let y = by; y < yEnd; y++) {
        for (let x = bx; x < xEnd; x++) {
          const i = (y * width + x) * 4;
          for (let c = 0; c < 4; c++) data[i + c] = avg[c]!;
        }
      }
    }
  }
}

/**
 * A copy of a JPEG or PNG photo with each box pixelated, in the same format. Other formats
 * are refused with a Chinese message (ImageRedactionError).
 */
export function redactImage(
  buffer: Buffer,
  boxes: readonly RedactionBox[],
): { buffer: Buffer; mimeType: string } {
  const { image, kind } = decode(buffer);
  const block = Math.max(8, Math.round(Math.max(image.width, image.height) * BLOCK_FRACTION));
  for (const box of boxes) pixelate(image, boxToPixels(box, image.width, image.height), block);
  if (kind === 'jpeg') {
    const out = jpeg.encode({ width: image.width, height: image.height, data: image.data }, 85);
    return { buffer: out.data, mimeType: 'image/jpeg' };
  }
  const png = new pngjs.PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return { buffer: pngjs.PNG.sync.write(png), mimeType: 'image/png' };
}

/** Decodes a JPEG or PNG into RGBA pixels (for tests and checks). */
export function decodeImage(buffer: Buffer): Rgba {
  return decode(buffer).image;
}
