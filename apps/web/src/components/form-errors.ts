import type { FormInstance } from 'antd';
import type { FieldError } from '@hazard-ledger/domain';
import type { ZodError } from 'zod';

const HAS_CJK = /[\u3400-\u9fff]/;

/**
 * Turns zod issues into field errors. The domain schemas carry Chinese messages for the rules a
 * user can break; zod's own English defaults (type errors, sizes) become `fallback`.
 */
export function zodFieldErrors(error: ZodError, fallback: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.code === 'custom' || HAS_CJK.test(issue.message) ? issue.message : fallback,
  }));
}

/**
 * Shows field errors under the form items they name. A path like "sectors.0" goes to "sectors".
 * Returns the errors that match no field of `known`, for the caller to show elsewhere.
 */
export function applyFieldErrors<T>(
  form: FormInstance<T>,
  errors: readonly FieldError[],
  known: readonly string[],
): FieldError[] {
  const byField = new Map<string, string[]>();
  const unmatched: FieldError[] = [];
  for (const e of errors) {
    const top = e.path.split('.')[0] ?? '';
    if (!known.includes(top)) {
      unmatched.push(e);
      continue;
    }
    const list = byField.get(top) ?? [];
    if (!list.includes(e.message)) list.push(e.message);
    byField.set(top, list);
  }
  form.setFields(
    [...byField].map(([name, messages]) => ({ name: name as never, errors: messages })),
  );
  return unmatched;
}
