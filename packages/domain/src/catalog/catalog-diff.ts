import { z } from 'zod';
import type { CatalogItem } from './catalog.js';

// The difference between two versions of a catalog, item by item and field by field. It is
// shown when a spreadsheet is imported into a draft and stored when a version is published, so
// a reader can see exactly what a new version changed.

/** The item fields a diff compares; `appliesTo` is compared part by part. */
export const DIFF_FIELDS = [
  'section',
  'clause',
  'parentCode',
  'title',
  'requirement',
  'completeness',
  'gapNote',
  'sourceStatus',
  'appliesTo.sectors',
  'appliesTo.subTypes',
  'appliesTo.tags',
  'local',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

/** Chinese names of the compared fields, as the spreadsheet headers name them. */
export const DIFF_FIELD_LABELS: Record<DiffField, string> = {
  section: '章节',
  clause: '条款',
  parentCode: '上级编码',
  title: '标题',
  requirement: '要求',
  completeness: '完整性',
  gapNote: '待补充说明',
  sourceStatus: '来源状态',
  'appliesTo.sectors': '适用行业',
  'appliesTo.subTypes': '适用类型',
  'appliesTo.tags': '适用标签',
  local: '地方补充',
};

const fieldValue = z.union([z.string(), z.boolean(), z.array(z.string()), z.null()]);

/** An item as a diff lists it when added or removed. */
export const diffItemSchema = z.object({
  code: z.string(),
  section: z.string(),
  clause: z.string(),
  title: z.string(),
});

export const fieldChangeSchema = z.object({
  field: z.enum(DIFF_FIELDS),
  before: fieldValue,
  after: fieldValue,
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** What changed from one version of a catalog to another. */
export const catalogDiffSchema = z.object({
  added: z.array(diffItemSchema),
  removed: z.array(diffItemSchema),
  changed: z.array(diffItemSchema.extend({ changes: z.array(fieldChangeSchema) })),
  summary: z.object({
    added: z.number().int(),
    removed: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
  }),
});
export type CatalogDiff = z.infer<typeof catalogDiffSchema>;

/** The fields of an item a diff looks at (what the database and the spreadsheet carry). */
export type DiffableItem = Pick<
  CatalogItem,
  | 'code'
  | 'section'
  | 'clause'
  | 'parentCode'
  | 'title'
  | 'requirement'
  | 'completeness'
  | 'gapNote'
  | 'sourceStatus'
  | 'appliesTo'
  | 'local'
>;

function valueOf(item: DiffableItem, field: DiffField): FieldChange['before'] {
  const a = item.appliesTo;
  if (field === 'appliesTo.sectors') return [...a.sectors];
  if (field === 'appliesTo.subTypes') return a.subTypes ? [...a.subTypes] : null;
  if (field === 'appliesTo.tags') return a.tags ? [...a.tags] : null;
  return item[field];
}

/** Lists compare as sets: the order of sectors, sub-types or tags carries no meaning. */
function sameValue(a: FieldChange['before'], b: FieldChange['before']): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  }
  return a === b;
}

const brief = (i: DiffableItem) => ({
  code: i.code,
  section: i.section,
  clause: i.clause,
  title: i.title,
});

/** The field-level changes of one item between two versions (empty when equal). */
export function diffItem(before: DiffableItem, after: DiffableItem): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of DIFF_FIELDS) {
    const b = valueOf(before, field);
    const a = valueOf(after, field);
    if (!sameValue(a, b)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

/**
 * Compares two versions of a catalog by item code: items only in `after` are added, only in
 * `before` removed, in both with a differing field changed. Order is the order of `after`
 * (then `before` for removed items); moving an item is not a change.
 */
export function diffCatalogItems(
  before: readonly DiffableItem[],
  after: readonly DiffableItem[],
): CatalogDiff {
  const old = new Map(before.map((i) => [i.code, i]));
  const next = new Set(after.map((i) => i.code));
  const diff: CatalogDiff = {
    added: [],
    removed: [],
    changed: [],
    summary: { added: 0, removed: 0, changed: 0, unchanged: 0 },
  };
  for (const item of after) {
    const prior = old.get(item.code);
    if (!prior) {
      diff.added.push(brief(item));
      continue;
    }
    const changes = diffItem(prior, item);
    if (changes.length > 0) diff.changed.push({ ...brief(item), changes });
    else diff.summary.unchanged++;
  }
  for (const item of before) if (!next.has(item.code)) diff.removed.push(brief(item));
  diff.summary.added = diff.added.length;
  diff.summary.removed = diff.removed.length;
  diff.summary.changed = diff.changed.length;
  return diff;
}

/** Whether a diff records no change at all. */
export function isEmptyDiff(diff: CatalogDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/** A one-line Chinese summary, e.g. "新增2项，删除0项，修改1项". */
export function diffSummaryText(diff: CatalogDiff): string {
  const s = diff.summary;
  return `新增${s.added}项，删除${s.removed}项，修改${s.changed}项`;
}
