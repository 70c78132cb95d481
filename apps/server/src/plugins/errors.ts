import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  ERROR_MESSAGES,
  ErrorCode,
  type FieldError,
  localeFromAcceptLanguage,
} from '@hazard-ledger/domain';
import { AppError } from '../lib/app-error.js';

function message(code: ErrorCode, request: FastifyRequest): string {
  const locale = localeFromAcceptLanguage(request.headers['accept-language']);
  return ERROR_MESSAGES[code][locale];
}

/** Sends the one error shape of the API. */
export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: ErrorCode,
  fields: FieldError[] = [],
  details: Record<string, unknown> = {},
): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error: { code, message: message(code, request), fields, ...details } });
}

function fieldPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').replace(/\//g, '.');
}

/**
 * Errors Fastify raises before routing (a URL that is not valid percent-encoded UTF-8, a path
 * parameter over the length limit): the same error shape as every other refusal, instead of
 * Fastify's own body that echoes the URL back.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void sendError(reply, request, tooLong ? 414 : 400, ErrorCode.ValidationFailed, [
    { path: '(url)', message: tooLong ? '请求地址过长' : '请求地址格式不正确' },
  ]);
}

/** Renders every failure as `{ error: { code, message, fields } }`; never a stack trace. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendError(reply, request, error.statusCode, error.code, error.fields, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const prefix = error.validationContext === 'body' ? '' : `${error.validationContext ?? ''}.`;
      const fields = error.validation.map((v) => ({
        path: `${prefix}${fieldPath(v.instancePath)}`.replace(/\.$/, '') || '(root)',
        message: v.message ?? '格式不正确',
      }));
      return sendError(reply, request, 400, ErrorCode.ValidationFailed, fields);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return sendError(reply, request, 413, ErrorCode.PayloadTooLarge);
    }
    if (error.statusCode === 429) {
      return sendError(reply, request, 429, ErrorCode.RateLimited);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, wrong content type and similar client errors.
      return sendError(reply, request, error.statusCode, ErrorCode.ValidationFailed, [
        { path: '(body)', message: '请求格式不正确' },
      ]);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 500, ErrorCode.Internal);
  });
}
