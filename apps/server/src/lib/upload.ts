import type { FastifyRequest } from 'fastify';
import { ErrorCode } from '@hazard-ledger/domain';
import { AppError } from './app-error.js';

/** Reads the one uploaded file of a multipart request; 400 without one, 413 when too large. */
export async function readUpload(
  request: FastifyRequest,
  limitBytes: number,
): Promise<{ name: string; buffer: Buffer; mimeType: string }> {
  const missing = () =>
    new AppError(400, ErrorCode.ValidationFailed, [
      { path: 'file', message: '请选择要上传的文件' },
    ]);
  if (!request.isMultipart()) throw missing();
  const file = await request.file();
  if (!file) throw missing();
  try {
    return { name: file.filename, buffer: await file.toBuffer(), mimeType: file.mimetype };
  } catch {
    const mb = Math.round(limitBytes / 1024 / 1024);
    throw new AppError(413, ErrorCode.PayloadTooLarge, [
      { path: 'file', message: `文件超过${mb}MB` },
    ]);
  }
}
