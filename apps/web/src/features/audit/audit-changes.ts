/** One changed field of an audit row. */
export type ChangeRow = { field: string; before: unknown; after: unknown; changed: boolean };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function pair(v: unknown): [unknown, unknown] | null {
  if (Array.isArray(v) && v.length === 2) return [v[0], v[1]];
  if (isRecord(v)) {
    if ('before' in v || 'after' in v) return [v.before, v.after];
    if ('from' in v || 'to' in v) return [v.from, v.to];
    if ('old' in v || 'new' in v) return [v.old, v.new];
  }
  return null;
}

/**
 * Reads an audit row's `changes` as field rows. Accepts `{ before: {...}, after: {...} }`, a map
 * of `field → { before, after }` (or from/to, old/new, [before, after]), or a plain map of new
 * values (a creation).
 */
export function changeRows(changes: Record<string, unknown> | null): ChangeRow[] {
  if (!changes) return [];
  const keys = Object.keys(changes);
  const onlyBeforeAfter = keys.length > 0 && keys.every((k) => k === 'before' || k === 'after');
  if (onlyBeforeAfter) {
    const before = isRecord(changes.before) ? changes.before : {};
    const after = isRecord(changes.after) ? changes.after : {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return fields.map((field) => ({
      field,
      before: before[field],
      after: after[field],
      changed: !same(before[field], after[field]),
    }));
  }
  return keys.map((field) => {
    const p = pair(changes[field]);
    if (p) return { field, before: p[0], after: p[1], changed: !same(p[0], p[1]) };
    return { field, before: undefined, after: changes[field], changed: true };
  });
}

/** A cell text for a changed value: strings as is, absent as "—", the rest as JSON. */
export function formatValue(v: unknown): string {
  if (v === undefined) return '—';
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
