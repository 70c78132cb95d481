import { SECTOR_LABELS, SECTORS, type Sector } from '../common/sector.js';
import {
  ENTERPRISE_TAG_LABELS,
  ENTERPRISE_TAGS,
  type EnterpriseTag,
  SUB_TYPE_LABELS,
} from '../enterprise/enterprise-attributes.js';
import {
  type CatalogDescriptor,
  type CatalogId,
  type CatalogItem,
  catalogItemSchema,
  catalogSchema,
  ITEM_COMPLETENESS_LABELS,
  ITEM_COMPLETENESS_VALUES,
  type ItemCompleteness,
  SOURCE_STATUSES,
  type SourceStatus,
} from './catalog.js';

// The catalog spreadsheet: one row per item, Chinese headers. Export and import use the same
// columns, so exporting a version and importing the file gives a draft with an empty diff.

export const CATALOG_SHEET_KEYS = [
  'code',
  'section',
  'clause',
  'title',
  'requirement',
  'completeness',
  'sectors',
  'subTypes',
  'tags',
  'local',
  'gapNote',
  'parentCode',
  'sourceStatus',
] as const;
export type CatalogSheetKey = (typeof CATALOG_SHEET_KEYS)[number];

export type CatalogSheetColumn = {
  key: CatalogSheetKey;
  header: string;
  required: boolean;
  width: number;
};

/** The columns in sheet order; the first ten are the bureau's usual layout. */
export const CATALOG_SHEET_COLUMNS: readonly CatalogSheetColumn[] = [
  { key: 'code', header: '编码', required: true, width: 22 },
  { key: 'section', header: '章节', required: true, width: 12 },
  { key: 'clause', header: '条款', required: true, width: 16 },
  { key: 'title', header: '标题', required: true, width: 24 },
  { key: 'requirement', header: '要求', required: false, width: 60 },
  { key: 'completeness', header: '完整性', required: true, width: 10 },
  { key: 'sectors', header: '适用行业', required: true, width: 14 },
  { key: 'subTypes', header: '适用类型', required: false, width: 16 },
  { key: 'tags', header: '适用标签', required: false, width: 16 },
  { key: 'local', header: '地方补充', required: false, width: 10 },
  { key: 'gapNote', header: '待补充说明', required: false, width: 40 },
  { key: 'parentCode', header: '上级编码', required: false, width: 20 },
  { key: 'sourceStatus', header: '来源状态', required: false, width: 16 },
];

/** Most rows a catalog sheet may have (the largest national catalog has under 100). */
export const MAX_CATALOG_SHEET_ROWS = 2000;

/** Chinese names of the reference's source statuses. */
export const SOURCE_STATUS_LABELS: Record<SourceStatus, string> = {
  found: '已核实',
  'found-code-only': '已核实（仅编号）',
  partial: '部分找到',
  'found-clause-unverified': '条款未核实',
  'fragment-unattributed': '片段未归属',
  'not-found': '未找到',
};

const SEPARATOR = '；';
const splitList = (text: string) =>
  text
    .split(/[;；,，、\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The cells of one item, in column order. */
export function formatCatalogRow(item: CatalogItem): string[] {
  const sectors = item.appliesTo.sectors;
  const subTypeLabel = (t: string) =>
    sectors.map((s) => SUB_TYPE_LABELS[s][t]?.zh).find((l) => l !== undefined) ?? t;
  const cells: Record<CatalogSheetKey, string> = {
    code: item.code,
    section: item.section,
    clause: item.clause,
    title: item.title,
    requirement: item.requirement ?? '',
    completeness: ITEM_COMPLETENESS_LABELS[item.completeness].zh,
    sectors: sectors.map((s) => SECTOR_LABELS[s].zh).join(SEPARATOR),
    subTypes: item.appliesTo.subTypes?.map(subTypeLabel).join(SEPARATOR) ?? '',
    tags: item.appliesTo.tags?.map((t) => ENTERPRISE_TAG_LABELS[t].zh).join(SEPARATOR) ?? '',
    local: item.local ? '是' : '否',
    gapNote: item.gapNote ?? '',
    parentCode: item.parentCode ?? '',
    sourceStatus: item.sourceStatus ? SOURCE_STATUS_LABELS[item.sourceStatus] : '',
  };
  return CATALOG_SHEET_COLUMNS.map((c) => cells[c.key]);
}

/** One problem with one cell (or the whole row, or the file). */
export type CatalogSheetError = {
  rowNumber: number;
  column: CatalogSheetKey | 'row' | 'file';
  header: string;
  message: string;
};

const HEADER_OF = new Map(CATALOG_SHEET_COLUMNS.map((c) => [c.key, c.header]));

function lookup<T extends string>(
  text: string,
  values: readonly T[],
  label: (v: T) => string,
): T | undefined {
  return values.find((v) => v === text || label(v) === text);
}

type RowResult = { item: Record<string, unknown>; errors: CatalogSheetError[] };

function parseRow(
  catalogId: CatalogId,
  rowNumber: number,
  cell: (key: CatalogSheetKey) => string,
): RowResult {
  const errors: CatalogSheetError[] = [];
  const fail = (column: CatalogSheetKey, message: string) =>
    errors.push({ rowNumber, column, header: HEADER_OF.get(column) ?? column, message });

  const completenessText = cell('completeness');
  const completeness = lookup<ItemCompleteness>(
    completenessText,
    ITEM_COMPLETENESS_VALUES,
    (v) => ITEM_COMPLETENESS_LABELS[v].zh,
  );
  if (!completeness) fail('completeness', '完整性应填“完整”或“待补充”');

  const sectors: Sector[] = [];
  for (const text of splitList(cell('sectors'))) {
    const s = lookup<Sector>(text, SECTORS, (v) => SECTOR_LABELS[v].zh);
    if (s) sectors.push(s);
    else fail('sectors', `未知的行业领域“${text}”`);
  }
  if (cell('sectors') === '') fail('sectors', '请填写适用行业');

  const subTypeTexts = splitList(cell('subTypes'));
  const subTypes: string[] = [];
  for (const text of subTypeTexts) {
    const key = sectors
      .flatMap((s) => Object.entries(SUB_TYPE_LABELS[s]))
      .find(([k, l]) => k === text || l.zh === text)?.[0];
    if (key) subTypes.push(key);
    else fail('subTypes', `“${text}”不是所选行业的企业类型`);
  }

  const tags: EnterpriseTag[] = [];
  for (const text of splitList(cell('tags'))) {
    const t = lookup<EnterpriseTag>(text, ENTERPRISE_TAGS, (v) => ENTERPRISE_TAG_LABELS[v].zh);
    if (t) tags.push(t);
    else fail('tags', `未知的适用标签“${text}”`);
  }

  const localText = cell('local');
  if (!['', '是', '否'].includes(localText)) fail('local', '地方补充应填“是”或“否”');

  const statusText = cell('sourceStatus');
  const sourceStatus =
    statusText === ''
      ? null
      : lookup<SourceStatus>(statusText, SOURCE_STATUSES, (v) => SOURCE_STATUS_LABELS[v]);
  if (sourceStatus === undefined) fail('sourceStatus', `未知的来源状态“${statusText}”`);

  const orNull = (text: string) => (text === '' ? null : text);
  return {
    item: {
      code: cell('code').toUpperCase(),
      standard: catalogId,
      section: cell('section'),
      clause: cell('clause'),
      parentCode: orNull(cell('parentCode').toUpperCase()),
      title: cell('title'),
      requirement: orNull(cell('requirement')),
      completeness: completeness ?? 'incomplete',
      gapNote: orNull(cell('gapNote')),
      sourceStatus: sourceStatus ?? null,
      appliesTo: {
        sectors,
        subTypes: subTypes.length > 0 ? subTypes : null,
        tags: tags.length > 0 ? tags : null,
      },
      local: localText === '是',
    },
    errors,
  };
}

/** Maps a schema issue path of an item to the sheet column it came from. */
function columnOfPath(path: readonly PropertyKey[]): CatalogSheetKey | 'row' {
  const [first, second] = path;
  if (first === 'appliesTo') {
    if (second === 'subTypes') return 'subTypes';
    if (second === 'tags') return 'tags';
    return 'sectors';
  }
  if (first === 'standard') return 'code';
  const key = CATALOG_SHEET_KEYS.find((k) => k === first);
  return key ?? 'row';
}

/**
 * Reads the rows of a catalog sheet into items of `catalogId`, checked one by one with the
 * item schema and together with the catalog schema (unique codes, known sections, parents
 * present). Returns the items only when there is no error at all.
 */
export function parseCatalogSheet(
  catalogId: CatalogId,
  descriptor: CatalogDescriptor,
  header: readonly string[],
  rows: readonly { rowNumber: number; cells: readonly string[] }[],
): { items: CatalogItem[]; errors: CatalogSheetError[] } {
  const indexOf = new Map<CatalogSheetKey, number>();
  for (const c of CATALOG_SHEET_COLUMNS) {
    const i = header.findIndex((h) => h.trim() === c.header);
    if (i >= 0) indexOf.set(c.key, i);
  }
  const missing = CATALOG_SHEET_COLUMNS.filter((c) => c.required && !indexOf.has(c.key));
  if (missing.length > 0) {
    const names = missing.map((c) => c.header).join('、');
    return {
      items: [],
      errors: [{ rowNumber: 1, column: 'file', header: '', message: `缺少必填列：${names}` }],
    };
  }
  if (rows.length === 0) {
    return {
      items: [],
      errors: [{ rowNumber: 2, column: 'file', header: '', message: '文件中没有条目' }],
    };
  }
  const errors: CatalogSheetError[] = [];
  const items: CatalogItem[] = [];
  const rowNumbers: number[] = [];
  for (const row of rows) {
    const cell = (key: CatalogSheetKey) => {
      const i = indexOf.get(key);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    const parsed = parseRow(catalogId, row.rowNumber, cell);
    if (parsed.errors.length > 0) {
      errors.push(...parsed.errors);
      continue;
    }
    const checked = catalogItemSchema.safeParse(parsed.item);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const column = columnOfPath(issue.path);
        errors.push({
          rowNumber: row.rowNumber,
          column,
          header: column === 'row' ? '' : (HEADER_OF.get(column) ?? ''),
          message: issue.message,
        });
      }
      continue;
    }
    items.push(checked.data);
    rowNumbers.push(row.rowNumber);
  }
  if (errors.length > 0) return { items: [], errors };
  const whole = catalogSchema.safeParse({
    catalog: descriptor,
    items,
    unattributedFragments: [],
    unnumberedTexts: [],
  });
  if (!whole.success) {
    for (const issue of whole.error.issues) {
      const [, index, ...rest] = issue.path;
      const column = columnOfPath(rest);
      errors.push({
        rowNumber: typeof index === 'number' ? (rowNumbers[index] ?? 0) : 0,
        column,
        header: column === 'row' ? '' : (HEADER_OF.get(column) ?? ''),
        message: issue.message,
      });
    }
    return { items: [], errors };
  }
  return { items, errors: [] };
}
