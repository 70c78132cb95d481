import type { FastifyInstance } from 'fastify';
import { ErrorCode, type FieldError } from '@hazard-ledger/domain';
import { AppError } from './app-error.js';

// Text no person types and no database keeps as sent: NUL (PostgreSQL refuses it in text, so
// it was a 500 there) and lone UTF-16 surrogates (both databases silently stored replacement
// characters, each in its own way). Refused at the door with a field error, for every route.

// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const MESSAGE = '含有不允许的字符（空字符或无效的 Unicode 编码）';

/** Every place in a parsed JSON value (keys included) whose text is unsafe, as field paths. */
export function unsafeTextFields(value: unknown, prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  // An explicit stack: a deeply nested body must not overflow the call stack here.
  const stack: { value: unknown; path: string }[] = [{ value, path: prefix }];
  while (stack.length > 0 && out.length < 20) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSAFE.test(v)) out.push({ path: path || '(root)', message: MESSAGE });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, path: path ? `${path}.${i}` : String(i) }));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const child = path ? `${path}.${key}` : key;
        if (UNSAFE.test(key)) out.push({ path: child, message: MESSAGE });
        stack.push({ value: item, path: child });
      }
    }
  }
  return out;
}

/** Throws a 400 with field errors when `value` holds unsafe text. */
export function assertSafeText(value: unknown, prefix = ''): void {
  const fields = unsafeTextFields(value, prefix);
  if (fields.length > 0) throw new AppError(400, ErrorCode.ValidationFailed, fields);
}

/** Checks the body, query string and path parameters of every request before validation. */
export function registerUnsafeTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    assertSafeText(request.params, 'params');
    assertSafeText(request.query, 'querystring');
    assertSafeText(request.body);
  });
}
