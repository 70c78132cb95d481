import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AccidentTable } from '../../db/schema-accidents.js';
import { likePattern } from '../enterprises/enterprises.repository.js';

// Kysely queries of accidents and of the records their trace-back reads (inspection records,
// hazards and their events, penalty cases and rectification orders — read only here).

type Q = Kysely<Database> | Transaction<Database>;

/** Which accidents a caller may see (the enterprise scope of the caller). */
export type AccidentScope =
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'territory'; districtIds: number[]; sectors: string[] | null };

export type AccidentFilter = {
  level?: string;
  type?: string;
  sector?: string;
  status?: string;
  /** ISO instants, inclusive lower and exclusive upper bound. */
  fromInstant?: string;
  toInstantExclusive?: string;
  q?: string;
  like: 'like' | 'ilike';
};

function base(db: Q) {
  return db
    .selectFrom('accidents as a')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .innerJoin('org_units as d', 'd.id', 'a.district_id');
}

const COLUMNS = [
  'a.id',
  'a.district_id',
  'a.enterprise_id',
  'a.sector',
  'a.occurred_at',
  'a.accident_type',
  'a.place',
  'a.deaths',
  'a.serious_injuries',
  'a.minor_injuries',
  'a.direct_loss_fen',
  'a.level',
  'a.suggested_level',
  'a.level_reason',
  'a.report',
  'a.status',
  'a.void_reason',
  'a.voided_at',
  'a.voided_by_name',
  'a.created_at',
  'a.created_by_name',
  'a.updated_at',
  'a.version',
  'e.name as enterprise_name',
  'd.name as district_name',
  'd.path as district_path',
] as const;

/** One accident with its enterprise and district (no scope check: the service does that). */
export function findAccident(db: Q, id: number) {
  return base(db).select(COLUMNS).where('a.id', '=', id).executeTakeFirst();
}
export type AccidentViewRow = NonNullable<Awaited<ReturnType<typeof findAccident>>>;

function scoped(db: Q, scope: AccidentScope, f: AccidentFilter) {
  let q = base(db);
  if (scope.kind === 'enterprise') {
    q = q.where('a.enterprise_id', '=', scope.enterpriseId);
  } else {
    q = q.where('a.district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
    if (scope.sectors) q = q.where('a.sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
  }
  if (f.level) q = q.where('a.level', '=', f.level);
  if (f.type) q = q.where('a.accident_type', '=', f.type);
  if (f.sector) q = q.where('a.sector', '=', f.sector);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.fromInstant) q = q.where('a.occurred_at', '>=', f.fromInstant);
  if (f.toInstantExclusive) q = q.where('a.occurred_at', '<', f.toInstantExclusive);
  if (f.q) q = q.where('e.name', f.like, likePattern(f.q));
  return q;
}

/** One page of accidents, newest first. */
export async function listAccidents(
  db: Q,
  scope: AccidentScope,
  filter: AccidentFilter,
  page: { offset: number; limit: number },
) {
  const q = scoped(db, scope, filter);
  const [items, total] = await Promise.all([
    q
      .select(COLUMNS)
      .orderBy('a.occurred_at', 'desc')
      .orderBy('a.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    q
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n)),
  ]);
  return { items, total };
}

export async function insertAccident(
  trx: Transaction<Database>,
  row: Insertable<AccidentTable>,
): Promise<number> {
  const { id } = await trx
    .insertInto('accidents')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a recorded accident at the version the caller saw; false when it moved on. */
export async function updateAccident(
  trx: Transaction<Database>,
  id: number,
  version: number,
  set: Updateable<AccidentTable>,
): Promise<boolean> {
  const res = await trx
    .updateTable('accidents')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'recorded')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The enterprise an accident is recorded at, with its district path. */
export function findEnterprise(db: Q, id: number) {
  return db
    .selectFrom('enterprises as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .select(['e.id', 'e.name', 'e.sector', 'e.org_unit_id', 'o.path as org_path'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

// ---- Trace-back reads ----

/** The enterprise's inspection records started in [from, to] (ISO instants, inclusive). */
export function inspectionsInWindow(db: Q, enterpriseId: number, from: string, to: string) {
  return db
    .selectFrom('inspection_records')
    .select(['id', 'record_no', 'status', 'started_at', 'ended_at', 'place'])
    .where('enterprise_id', '=', enterpriseId)
    .where('started_at', '>=', from)
    .where('started_at', '<=', to)
    .orderBy('started_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

export function inspectorsOf(db: Q, recordIds: number[]) {
  if (recordIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspection_record_inspectors')
    .select(['record_id', 'seq', 'name', 'certificate_no'])
    .where('record_id', 'in', recordIds)
    .orderBy('record_id')
    .orderBy('seq')
    .execute();
}

export function signaturesOf(db: Q, recordIds: number[]) {
  if (recordIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspection_record_signatures')
    .select(['record_id', 'signer_name', 'certificate_no', 'signed_at'])
    .where('record_id', 'in', recordIds)
    .orderBy('record_id')
    .orderBy('signed_at')
    .orderBy('id')
    .execute();
}

export function findingsOf(db: Q, recordIds: number[]) {
  if (recordIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspection_record_findings')
    .select(['record_id', 'seq', 'hazard_id', 'catalog_item_code', 'level'])
    .where('record_id', 'in', recordIds)
    .orderBy('record_id')
    .orderBy('seq')
    .execute();
}

const HAZARD_COLUMNS = [
  'id',
  'number',
  'title',
  'level',
  'catalog_id',
  'catalog_item_code',
  'found_at',
  'deadline',
  'extension_deadline',
  'status',
  'created_at',
] as const;

export function hazardsByIds(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('hazards').select(HAZARD_COLUMNS).where('id', 'in', ids).execute();
}
export type TraceHazardRow = Awaited<ReturnType<typeof hazardsByIds>>[number];

/**
 * The enterprise's hazards found by a China day on any of the given catalog items (the open ones
 * at the accident are picked by the service from their events). The day found, not the instant
 * the row was written: a hazard entered into the ledger later still existed when it was found.
 */
export function hazardsOnItems(
  db: Q,
  enterpriseId: number,
  items: { catalogId: string; code: string }[],
  foundBy: string,
) {
  if (items.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('hazards')
    .select(HAZARD_COLUMNS)
    .where('enterprise_id', '=', enterpriseId)
    .where('found_at', '<=', foundBy)
    .where((eb) =>
      eb.or(
        items.map((i) =>
          eb.and([eb('catalog_id', '=', i.catalogId), eb('catalog_item_code', '=', i.code)]),
        ),
      ),
    )
    .orderBy('found_at')
    .orderBy('id')
    .execute();
}

/** The status changes of some hazards up to an instant. */
export function hazardEventsUpTo(db: Q, hazardIds: number[], at: string) {
  if (hazardIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('hazard_events')
    .select(['id', 'hazard_id', 'to_status', 'at'])
    .where('hazard_id', 'in', hazardIds)
    .where('at', '<=', at)
    .execute();
}

/** The enterprise's penalty cases filed in [from, to] (China dates). */
export function penaltyCasesInWindow(db: Q, enterpriseId: number, from: string, to: string) {
  return db
    .selectFrom('penalty_cases')
    .select(['id', 'case_no', 'filed_on', 'matter', 'status'])
    .where('enterprise_id', '=', enterpriseId)
    .where('filed_on', '>=', from)
    .where('filed_on', '<=', to)
    .orderBy('filed_on')
    .orderBy('id')
    .execute();
}

/** The enterprise's rectification orders issued in [from, to] (China dates). */
export function ordersInWindow(db: Q, enterpriseId: number, from: string, to: string) {
  return db
    .selectFrom('enforcement_orders')
    .select(['id', 'order_no', 'issued_on', 'deadline', 'status'])
    .where('enterprise_id', '=', enterpriseId)
    .where('issued_on', '>=', from)
    .where('issued_on', '<=', to)
    .orderBy('issued_on')
    .orderBy('id')
    .execute();
}
