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

type NamePath = (string | number)[];

function matchPattern(pattern: string, segments: readonly string[]): NamePath | null {
  const parts = pattern.split('.');
  if (parts.length > segments.length) return null;
  const name: NamePath = [];
  for (let i = 0; i < parts.length; i++) {
    const want = parts[i]!;
    const got = segments[i]!;
    if (want === '*') {
      if (!/^\d+$/.test(got)) return null;
      name.push(Number(got));
    } else if (want === got) {
      name.push(got);
    } else {
      return null;
    }
  }
  return name;
}

/**
 * Like applyFieldErrors, for forms with nested fields and lists. `known` holds dotted field
 * paths where `*` stands for a list index ("leader.phone", "licences.*.number", "licences"); an
 * error goes to the longest one that prefixes its path ("licences.0.number.x" → licences[0].number).
 */
export function applyNestedFieldErrors<T>(
  form: FormInstance<T>,
  errors: readonly FieldError[],
  known: readonly string[],
): FieldError[] {
  const patterns = [...known].sort((a, b) => b.split('.').length - a.split('.').length);
  const byField = new Map<string, { name: NamePath; messages: string[] }>();
  const unmatched: FieldError[] = [];
  for (const e of errors) {
    const segments = e.path.split('.');
    let name: NamePath | null = null;
    for (const p of patterns) {
      name = matchPattern(p, segments);
      if (name) break;
    }
    if (!name) {
      unmatched.push(e);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, messages: [] };
    if (!entry.messages.includes(e.message)) entry.messages.push(e.message);
    byField.set(key, entry);
  }
  form.setFields(
    [...byField.values()].map(({ name, messages }) => ({ name: name as never, errors: messages })),
  );
  return unmatched;
}
