import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  SelfInspectionItemTable,
  SelfInspectionPhotoRow,
  SelfInspectionTable,
} from '../../db/schema-self-inspections.js';
import { type EnterpriseScope, likePattern } from '../enterprises/enterprises.repository.js';

type Q = Kysely<Database> | Transaction<Database>;

// Queries of self-inspections: runs, their items and photos, history, and the coverage view.

const RUN_COLUMNS = [
  'r.id',
  'r.enterprise_id',
  'e.name as enterprise_name',
  'r.district_id',
  'o.name as district_name',
  'o.path as org_path',
  'r.sector',
  'r.campaign_id',
  'r.campaign_name',
  'r.status',
  'r.inspection_date',
  'r.inspectors',
  'r.photo_required',
  'r.catalogs',
  'r.item_count',
  'r.problem_count',
  'r.started_by_user_id',
  'r.started_by_name',
  'r.started_at',
  'r.submitted_by_user_id',
  'r.signer_name',
  'r.submitted_at',
  'r.submitted_on',
  'r.submit_key',
  'r.discarded_at',
  'r.discard_reason',
  'r.created_at',
  'r.updated_at',
  'r.version',
] as const;

function runs(db: Q) {
  return db
    .selectFrom('self_inspections as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .innerJoin('org_units as o', 'o.id', 'r.district_id');
}

/** One run with its enterprise and district names. */
export function findRun(db: Q, id: number) {
  return runs(db).select(RUN_COLUMNS).where('r.id', '=', id).executeTakeFirst();
}
export type RunRow = NonNullable<Awaited<ReturnType<typeof findRun>>>;

/** The run an enterprise is filling in, if any. */
export function findDraftOf(db: Q, enterpriseId: number) {
  return db
    .selectFrom('self_inspections')
    .select(['id'])
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

/** Inserts a run; returns its id. */
export async function insertRun(db: Q, row: Insertable<SelfInspectionTable>): Promise<number> {
  const { id } = await db
    .insertInto('self_inspections')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Inserts the checklist snapshot of a run. */
export async function insertItems(
  db: Q,
  rows: Insertable<SelfInspectionItemTable>[],
): Promise<void> {
  // Batches keep each statement well under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 50) {
    await db
      .insertInto('self_inspection_items')
      .values(rows.slice(i, i + 50))
      .execute();
  }
}

/**
 * Changes a run still in progress, if it still has the version the caller saw; bumps the
 * version. False when the version moved on or the run is no longer a draft.
 */
export async function updateDraftIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Updateable<SelfInspectionTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('self_inspections')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The items of a run in checklist order, with the numbers of the hazards they created. */
export function listItems(db: Q, runId: number) {
  return db
    .selectFrom('self_inspection_items as i')
    .leftJoin('hazards as h', 'h.id', 'i.hazard_id')
    .selectAll('i')
    .select('h.number as hazard_number')
    .where('i.run_id', '=', runId)
    .orderBy('i.ordinal')
    .execute();
}
export type ItemRow = Awaited<ReturnType<typeof listItems>>[number];

/** One item of a run. */
export function findItem(db: Q, runId: number, code: string) {
  return db
    .selectFrom('self_inspection_items')
    .selectAll()
    .where('run_id', '=', runId)
    .where('item_code', '=', code)
    .executeTakeFirst();
}

/** Saves the answer of one item. */
export async function saveAnswer(
  db: Q,
  itemId: number,
  set: Updateable<SelfInspectionItemTable>,
): Promise<void> {
  await db.updateTable('self_inspection_items').set(set).where('id', '=', itemId).execute();
}

/** Links an item to the hazard its answer created. */
export async function setItemHazard(db: Q, itemId: number, hazardId: number): Promise<void> {
  await db
    .updateTable('self_inspection_items')
    .set({ hazard_id: hazardId })
    .where('id', '=', itemId)
    .execute();
}

/** The photos of a run that are not removed. */
export function listPhotos(db: Q, runId: number): Promise<SelfInspectionPhotoRow[]> {
  return db
    .selectFrom('self_inspection_photos')
    .selectAll()
    .where('run_id', '=', runId)
    .where('voided_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Inserts a photo; returns its id. */
export async function insertPhoto(
  db: Q,
  row: Omit<SelfInspectionPhotoRow, 'id' | 'voided_at'>,
): Promise<number> {
  const { id } = await db
    .insertInto('self_inspection_photos')
    .values({ ...row, voided_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Marks a photo removed (files are never deleted). False when there was no such photo. */
export async function voidPhoto(db: Q, runId: number, photoId: number, at: string) {
  const res = await db
    .updateTable('self_inspection_photos')
    .set({ voided_at: at })
    .where('id', '=', photoId)
    .where('run_id', '=', runId)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Appends to a run's history. */
export async function insertEvent(
  db: Q,
  e: {
    run_id: number;
    action: string;
    actor_id: number | null;
    actor_name: string | null;
    actor_role: string | null;
    at: string;
    details: Record<string, unknown> | null;
  },
): Promise<void> {
  await db
    .insertInto('self_inspection_events')
    .values({ ...e, details: e.details ? JSON.stringify(e.details) : null })
    .execute();
}

/** The main leader of an enterprise as the registry names them. */
export async function findLeaderName(db: Q, enterpriseId: number): Promise<string | null> {
  const row = await db
    .selectFrom('enterprise_people')
    .select('name')
    .where('enterprise_id', '=', enterpriseId)
    .where('kind', '=', 'main_leader')
    .where('voided_at', 'is', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.name ?? null;
}

/** Per-run answer counts. */
function answerCounts(db: Q) {
  return db
    .selectFrom('self_inspection_items as i')
    .select((eb) => [
      'i.run_id',
      eb.fn.count<number>('i.answer').as('answered'),
      eb.fn
        .sum<number>(eb.case().when('i.answer', '=', 'compliant').then(1).else(0).end())
        .as('compliant'),
      eb.fn
        .sum<number>(eb.case().when('i.answer', '=', 'problem').then(1).else(0).end())
        .as('problems'),
      eb.fn
        .sum<number>(eb.case().when('i.answer', '=', 'not_applicable').then(1).else(0).end())
        .as('not_applicable'),
    ])
    .groupBy('i.run_id');
}

export type RunFilter = { enterpriseId?: number; status?: string };

function scopedRuns(db: Q, scope: EnterpriseScope, f: RunFilter) {
  let q = runs(db);
  if (scope.kind === 'enterprise') {
    q = q.where('r.enterprise_id', '=', scope.enterpriseId);
  } else {
    q = q.where('r.district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
    if (scope.sectors) q = q.where('r.sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
  }
  if (f.enterpriseId) q = q.where('r.enterprise_id', '=', f.enterpriseId);
  if (f.status) q = q.where('r.status', '=', f.status);
  return q;
}

/** One page of runs in a scope, newest first, with their answer counts. */
export async function listRuns(
  db: Q,
  scope: EnterpriseScope,
  f: RunFilter,
  page: { offset: number; limit: number },
) {
  const [items, count] = await Promise.all([
    scopedRuns(db, scope, f)
      .leftJoin(answerCounts(db).as('c'), 'c.run_id', 'r.id')
      .select(RUN_COLUMNS)
      .select(['c.answered', 'c.compliant', 'c.problems', 'c.not_applicable'])
      .orderBy('r.started_at', 'desc')
      .orderBy('r.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    scopedRuns(db, scope, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
export type RunListRow = Awaited<ReturnType<typeof listRuns>>['items'][number];

/** Whether an enterprise has submitted a run of a campaign by a day (the scorecard's fact). */
export async function hasSubmittedRun(
  db: Q,
  enterpriseId: number,
  campaignId: number,
  byDate: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('self_inspections')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'submitted')
    .where('submitted_on', '<=', byDate)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts a photo of a run as a 整改前 photo of the hazard it led to (same stored file). */
export async function attachPhotoToHazard(
  db: Q,
  hazardId: number,
  photo: SelfInspectionPhotoRow,
  actor: { id: number; name: string; role: string },
  at: string,
): Promise<number> {
  const { id } = await db
    .insertInto('hazard_files')
    .values({
      hazard_id: hazardId,
      kind: 'before',
      file_name: photo.file_name,
      mime_type: photo.mime_type,
      size_bytes: photo.size_bytes,
      sha256: photo.sha256,
      storage_key: photo.storage_key,
      uploaded_by_user_id: photo.uploaded_by_user_id,
      uploaded_at: at,
      voided_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('hazard_events')
    .values({
      hazard_id: hazardId,
      action: 'file_added',
      from_status: 'reported',
      to_status: 'reported',
      actor_id: actor.id,
      actor_name: actor.name,
      actor_role: actor.role,
      at,
      reason: null,
      details: JSON.stringify({ fileId: Number(id), kind: 'before', fileName: photo.file_name }),
      idempotency_key: null,
    })
    .execute();
  return Number(id);
}

// ---- coverage --------------------------------------------------------------------------------

/** Which enterprises the coverage view lists and which runs count. */
export type CoverageFilter = {
  /** Districts both in the caller's territory and under the campaign's org unit. */
  districtIds: number[];
  /** Sectors both of the campaign and of the caller (and the sector filter). */
  sectors: string[];
  campaignId: number;
  /** Runs submitted within these days (both inclusive) count; null bounds are open. */
  from: string | null;
  to: string | null;
  q?: string;
  like: 'like' | 'ilike';
  submitted?: boolean;
};

function submittedRuns(db: Q, f: CoverageFilter) {
  let q = db
    .selectFrom('self_inspections as s')
    .select((eb) => [
      's.enterprise_id',
      eb.fn.countAll<number>().as('runs'),
      eb.fn.sum<number>('s.problem_count').as('problems'),
      eb.fn.max('s.submitted_at').as('last_submitted_at'),
      eb.fn.max('s.id').as('last_run_id'),
    ])
    .where('s.campaign_id', '=', f.campaignId)
    .where('s.status', '=', 'submitted');
  if (f.from) q = q.where('s.submitted_on', '>=', f.from);
  if (f.to) q = q.where('s.submitted_on', '<=', f.to);
  return q.groupBy('s.enterprise_id');
}

function coverageBase(db: Q, f: CoverageFilter) {
  let q = db
    .selectFrom('enterprises as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .leftJoin(submittedRuns(db, f).as('sr'), 'sr.enterprise_id', 'e.id')
    .where('e.org_unit_id', 'in', f.districtIds.length ? f.districtIds : [-1])
    .where('e.sector', 'in', f.sectors.length ? f.sectors : ['-'])
    .where('e.status', '!=', 'closed');
  if (f.q) {
    const pattern = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([eb('e.name', f.like, pattern), eb('e.credit_code', f.like, pattern.toUpperCase())]),
    );
  }
  if (f.submitted === true) q = q.where('sr.enterprise_id', 'is not', null);
  if (f.submitted === false) q = q.where('sr.enterprise_id', 'is', null);
  return q;
}

const COVERAGE_COLUMNS = [
  'e.id as enterprise_id',
  'e.name as enterprise_name',
  'e.sector',
  'o.name as district_name',
  'sr.runs',
  'sr.problems',
  'sr.last_submitted_at',
  'sr.last_run_id',
] as const;

/** One page of the coverage rows: not submitted first, then by name. */
export async function listCoverage(
  db: Q,
  f: CoverageFilter,
  page: { offset: number; limit: number } | null,
) {
  let q = coverageBase(db, f)
    .select(COVERAGE_COLUMNS)
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('self_inspections as d')
            .select('d.id')
            .whereRef('d.enterprise_id', '=', 'e.id')
            .where('d.campaign_id', '=', f.campaignId)
            .where('d.status', '=', 'draft'),
        )
        .as('in_progress'),
    )
    .orderBy((eb) => eb.case().when('sr.enterprise_id', 'is', null).then(0).else(1).end())
    .orderBy('e.sector')
    .orderBy('e.name')
    .orderBy('e.id');
  if (page) q = q.offset(page.offset).limit(page.limit);
  const [items, count] = await Promise.all([
    q.execute(),
    coverageBase(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
export type CoverageRow = Awaited<ReturnType<typeof listCoverage>>['items'][number];

/** Totals per sector (ignoring the submitted filter and the search text). */
export function coverageBySector(db: Q, f: CoverageFilter) {
  return coverageBase(db, { ...f, submitted: undefined, q: undefined })
    .select((eb) => [
      'e.sector',
      eb.fn.countAll<number>().as('enterprises'),
      eb.fn.count<number>('sr.enterprise_id').as('submitted'),
      eb.fn.sum<number>('sr.problems').as('problems'),
    ])
    .groupBy('e.sector')
    .orderBy('e.sector')
    .execute();
}
