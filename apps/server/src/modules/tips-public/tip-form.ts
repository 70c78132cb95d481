import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ErrorCode, TIP_FILES_MAX } from '@hazard-ledger/domain';
import { AppError, fieldError } from '../../lib/app-error.js';
import { assertSafeText } from '../../lib/unsafe-text.js';

// Reading the public forms. A submission with files is multipart/form-data: one field `data`
// holding the JSON of the form, and up to TIP_FILES_MAX files in fields named `files`. Without
// files the same JSON may come as an application/json body.

/** A file as it arrived, before its type is checked. */
export type ReceivedFile = { name: string; buffer: Buffer };

function codeOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null ? (err as { code?: string }).code : undefined;
}

/** Validates `data` against `schema`; 400 with Chinese field errors otherwise. */
export function parseForm<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  // A multipart form's JSON is parsed here, past the app-wide guard on request bodies.
  assertSafeText(data);
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new AppError(
    400,
    ErrorCode.ValidationFailed,
    parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(root)',
      message: i.message,
    })),
  );
}

/** The JSON form and the files of a request (multipart or JSON). */
export async function readFormWithFiles(
  request: FastifyRequest,
  fileLimitBytes: number,
): Promise<{ data: unknown; files: ReceivedFile[] }> {
  if (!request.isMultipart()) return { data: request.body, files: [] };
  let data: unknown;
  const files: ReceivedFile[] = [];
  const mb = Math.round(fileLimitBytes / 1024 / 1024);
  try {
    for await (const part of request.parts({
      limits: {
        fileSize: fileLimitBytes,
        files: TIP_FILES_MAX,
        fields: 2,
        parts: TIP_FILES_MAX + 2,
      },
    })) {
      if (part.type === 'file') {
        files.push({ name: part.filename, buffer: await part.toBuffer() });
      } else if (part.fieldname === 'data') {
        // A field sent with an application/json type arrives parsed already.
        if (typeof part.value !== 'string') {
          data = part.value;
          continue;
        }
        try {
          data = JSON.parse(part.value);
        } catch {
          throw fieldError('(body)', '请求格式不正确');
        }
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = codeOf(err);
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, ErrorCode.PayloadTooLarge, [
        { path: 'files', message: `单个文件不能超过${mb}MB` },
      ]);
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw fieldError('files', `一次最多上传${TIP_FILES_MAX}个文件`);
    }
    throw fieldError('(body)', '请求格式不正确');
  }
  if (data === undefined) throw fieldError('(body)', '请求格式不正确');
  return { data, files };
}
