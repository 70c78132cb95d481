import { type Kysely, sql, type Transaction } from 'kysely';
import type { CatalogItem } from '@hazard-ledger/domain';
import type {
  CatalogItemRow,
  CatalogVersionRow,
  Database,
  NewCatalogItem,
} from '../../db/schema.js';
import { likePattern } from '../enterprises/enterprises.repository.js';

type Q = Kysely<Database> | Transaction<Database>;

/** Rows per bulk insert (well under SQLite's bound-parameter limit). */
const CHUNK = 100;

/** Counts of a version's live (not voided) items. */
export type VersionCounts = { itemCount: number; incompleteCount: number; localCount: number };

/** Item counts of several versions, by version id. */
export async function countItems(db: Q, versionIds: number[]): Promise<Map<number, VersionCounts>> {
  const out = new Map<number, VersionCounts>();
  if (versionIds.length === 0) return out;
  const rows = await db
    .selectFrom('catalog_items')
    .select((eb) => [
      'catalog_version_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .sum<number>(eb.case().when('completeness', '=', 'incomplete').then(1).else(0).end())
        .as('incomplete'),
      eb.fn.sum<number>('local').as('local'),
    ])
    .where('catalog_version_id', 'in', versionIds)
    .where('voided_at', 'is', null)
    .groupBy('catalog_version_id')
    .execute();
  for (const r of rows) {
    out.set(Number(r.catalog_version_id), {
      itemCount: Number(r.n),
      incompleteCount: Number(r.incomplete ?? 0),
      localCount: Number(r.local ?? 0),
    });
  }
  return out;
}

/** Every version of a catalog, newest first. */
export function listVersions(db: Q, catalogId: string): Promise<CatalogVersionRow[]> {
  return db
    .selectFrom('catalog_versions')
    .selectAll()
    .where('catalog_id', '=', catalogId)
    .orderBy('version', 'desc')
    .execute();
}

/** One version of a catalog. */
export function findVersion(
  db: Q,
  catalogId: string,
  version: number,
): Promise<CatalogVersionRow | undefined> {
  return db
    .selectFrom('catalog_versions')
    .selectAll()
    .where('catalog_id', '=', catalogId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The current (highest published) version of a catalog. */
export function findCurrentVersion(
  db: Q,
  catalogId: string,
): Promise<CatalogVersionRow | undefined> {
  return db
    .selectFrom('catalog_versions')
    .selectAll()
    .where('catalog_id', '=', catalogId)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The current published version of every catalog. */
export function listCurrentVersions(db: Q): Promise<CatalogVersionRow[]> {
  return db
    .selectFrom('catalog_versions as v')
    .selectAll('v')
    .where('v.status', '=', 'published')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('catalog_versions as n')
            .select('n.id')
            .whereRef('n.catalog_id', '=', 'v.catalog_id')
            .where('n.status', '=', 'published')
            .whereRef('n.version', '>', 'v.version'),
        ),
      ),
    )
    .orderBy('v.catalog_id')
    .execute();
}

/** The open draft of a catalog, if any. */
export function findDraft(db: Q, catalogId: string): Promise<CatalogVersionRow | undefined> {
  return db
    .selectFrom('catalog_versions')
    .selectAll()
    .where('catalog_id', '=', catalogId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

/** The next version number of a catalog (discarded drafts keep theirs). */
export async function nextVersionNumber(db: Q, catalogId: string): Promise<number> {
  const r = await db
    .selectFrom('catalog_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('catalog_id', '=', catalogId)
    .executeTakeFirst();
  return Number(r?.v ?? 0) + 1;
}

export type NewVersion = {
  catalogId: string;
  version: number;
  descriptor: string;
  basedOnVersion: number | null;
  source: 'seed' | 'draft' | 'import';
  sourceFileName: string | null;
  note: string | null;
  diffSummary: string | null;
  diff: string | null;
  createdBy: number | null;
  createdByName: string | null;
  at: string;
};

/** Inserts a draft version; returns its id. */
export async function insertDraftVersion(db: Q, v: NewVersion): Promise<number> {
  const { id } = await db
    .insertInto('catalog_versions')
    .values({
      catalog_id: v.catalogId,
      version: v.version,
      status: 'draft',
      descriptor: v.descriptor,
      based_on_version: v.basedOnVersion,
      source: v.source,
      source_file_name: v.sourceFileName,
      note: v.note,
      diff_summary: v.diffSummary,
      diff: v.diff,
      revision: 1,
      created_at: v.at,
      created_by: v.createdBy,
      created_by_name: v.createdByName,
      updated_at: v.at,
      published_at: null,
      published_by: null,
      published_by_name: null,
      discarded_at: null,
      discard_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** The stored columns of a domain item. */
export function itemColumns(item: CatalogItem) {
  return {
    code: item.code,
    section: item.section,
    clause: item.clause,
    parent_code: item.parentCode,
    title: item.title,
    requirement: item.requirement,
    completeness: item.completeness,
    gap_note: item.gapNote,
    source_status: item.sourceStatus,
    applies_to: JSON.stringify(item.appliesTo),
    local: item.local ? 1 : 0,
  };
}

/** Inserts items into a (draft) version in order, in batches. */
export async function insertItems(
  db: Q,
  versionId: number,
  items: readonly CatalogItem[],
  at: string,
  firstOrdinal = 1,
): Promise<void> {
  const rows: NewCatalogItem[] = items.map((item, i) => ({
    catalog_version_id: versionId,
    ...itemColumns(item),
    ordinal: firstOrdinal + i,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
    version: 1,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('catalog_items')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/** Items of a version in catalog order; voided ones only when asked. */
export function listAllItems(
  db: Q,
  versionIds: number[],
  includeVoided = false,
): Promise<CatalogItemRow[]> {
  if (versionIds.length === 0) return Promise.resolve([]);
  let q = db.selectFrom('catalog_items').selectAll().where('catalog_version_id', 'in', versionIds);
  if (!includeVoided) q = q.where('voided_at', 'is', null);
  return q.orderBy('catalog_version_id').orderBy('ordinal').orderBy('id').execute();
}

export type ItemFilter = {
  q?: string;
  section?: string;
  completeness?: string;
  local?: boolean;
  includeVoided: boolean;
  like: 'like' | 'ilike';
};

/** One page of a version's items. */
export async function listItemsPage(
  db: Q,
  versionId: number,
  f: ItemFilter,
  page: { offset: number; limit: number },
) {
  let q = db.selectFrom('catalog_items').where('catalog_version_id', '=', versionId);
  if (!f.includeVoided) q = q.where('voided_at', 'is', null);
  if (f.section) q = q.where('section', '=', f.section);
  if (f.completeness) q = q.where('completeness', '=', f.completeness);
  if (f.local !== undefined) q = q.where('local', '=', f.local ? 1 : 0);
  if (f.q) {
    const pattern = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('code', f.like, pattern),
        eb('title', f.like, pattern),
        eb('clause', f.like, pattern),
        eb('requirement', f.like, pattern),
      ]),
    );
  }
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('ordinal').orderBy('id').offset(page.offset).limit(page.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** One item of a version by code. */
export function findItem(
  db: Q,
  versionId: number,
  code: string,
): Promise<CatalogItemRow | undefined> {
  return db
    .selectFrom('catalog_items')
    .selectAll()
    .where('catalog_version_id', '=', versionId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The highest ordinal of a version (new items go after it). */
export async function maxOrdinal(db: Q, versionId: number): Promise<number> {
  const r = await db
    .selectFrom('catalog_items')
    .select((eb) => eb.fn.max('ordinal').as('m'))
    .where('catalog_version_id', '=', versionId)
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}

/** Every local item code a catalog ever used (so a number is never reused). */
export async function localCodesEverUsed(db: Q, catalogId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('catalog_items as i')
    .innerJoin('catalog_versions as v', 'v.id', 'i.catalog_version_id')
    .select('i.code')
    .distinct()
    .where('v.catalog_id', '=', catalogId)
    .where('i.local', '=', 1)
    .execute();
  return rows.map((r) => r.code);
}

/** Updates a draft item if its row version matches; returns whether it did. */
export async function updateItemIfVersion(
  db: Q,
  itemId: number,
  version: number,
  set: Partial<NewCatalogItem>,
): Promise<boolean> {
  const r = await db
    .updateTable('catalog_items')
    .set({ ...set, version: version + 1 })
    .where('id', '=', itemId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks a draft changed (its revision goes up); returns whether it was still a draft. */
export async function touchDraft(db: Q, versionId: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('catalog_versions')
    .set({ revision: sql<number>`revision + 1`, updated_at: at })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Moves a draft to published or discarded if its revision matches; returns whether it did. */
export async function closeDraftIfRevision(
  db: Q,
  versionId: number,
  revision: number,
  set: Partial<{
    status: string;
    published_at: string;
    published_by: number | null;
    published_by_name: string | null;
    discarded_at: string;
    discard_reason: string;
    diff: string | null;
    diff_summary: string | null;
    note: string | null;
    updated_at: string;
  }>,
): Promise<boolean> {
  const r = await db
    .updateTable('catalog_versions')
    .set(set)
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Publishes a version row outright (the start-up seed, whose draft nobody else can see). */
export async function publishSeededVersion(db: Q, versionId: number, at: string): Promise<void> {
  await db
    .updateTable('catalog_versions')
    .set({ status: 'published', published_at: at, updated_at: at })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .execute();
}
