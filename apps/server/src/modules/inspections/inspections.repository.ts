import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { InspectionRecordTable } from '../../db/schema-inspection-records.js';
import { likePattern } from '../enterprises/enterprises.repository.js';

// Queries of the inspection records (现场检查记录), their inspectors, signatures, findings and
// history. No rules here: the services decide.

type Q = Kysely<Database> | Transaction<Database>;

/** Which records a caller may list. */
export type RecordScope =
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'territory'; districtIds: number[]; sectors: string[] | null; userId: number };

export type RecordFilter = {
  q?: string;
  status?: string;
  enterpriseId?: number;
  planId?: number;
  from?: string;
  to?: string;
  mine?: boolean;
  awaitingMySignature?: boolean;
  userId: number;
  like: 'like' | 'ilike';
};

const RECORD_COLUMNS = [
  'r.id',
  'r.record_no',
  'r.district_id',
  'r.enterprise_id',
  'r.sector',
  'r.plan_id',
  'r.plan_target_id',
  'r.origin',
  'r.started_at',
  'r.ended_at',
  'r.place',
  'r.enterprise_name',
  'r.content',
  'r.scorecard',
  'r.status',
  'r.canonical_text',
  'r.content_hash',
  'r.supersedes_record_id',
  'r.superseded_by_record_id',
  'r.signed_at',
  'r.acknowledged_at',
  'r.acknowledged_by_user_id',
  'r.acknowledged_by_name',
  'r.created_at',
  'r.created_by',
  'r.created_by_name',
  'r.updated_at',
  'r.version',
] as const;

/** One record with its enterprise and district. */
export function findRecord(db: Q, id: number) {
  return db
    .selectFrom('inspection_records as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .innerJoin('org_units as o', 'o.id', 'r.district_id')
    .select(RECORD_COLUMNS)
    .select([
      'e.name as current_enterprise_name',
      'e.address as enterprise_address',
      'o.name as district_name',
      'o.path as district_path',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
}
export type RecordWithContext = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

/** The signed (or superseded) record a verification code belongs to. */
export async function findSignedRecordIdByHash(db: Q, hash: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('inspection_records')
    .select('id')
    .where('content_hash', '=', hash)
    .where('status', 'in', ['signed', 'superseded'])
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}

/** Ids of the records that carry signatures to check (signed or superseded), in id order. */
export async function listSignedRecordIds(db: Q, afterId: number, limit: number) {
  const rows = await db
    .selectFrom('inspection_records')
    .select('id')
    .where('status', 'in', ['signed', 'superseded'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Record numbers by id. */
export async function recordNumbers(db: Q, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('inspection_records')
    .select(['id', 'record_no'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.record_no]));
}

/** A correction of the record that is still being made (draft or signing). */
export function findPendingCorrection(db: Q, recordId: number) {
  return db
    .selectFrom('inspection_records')
    .select(['id', 'record_no', 'status'])
    .where('supersedes_record_id', '=', recordId)
    .where('status', 'in', ['draft', 'signing'])
    .executeTakeFirst();
}

/** Allocates the next record number of a district and year atomically. */
export async function nextRecordNumber(
  trx: Transaction<Database>,
  districtId: number,
  year: number,
): Promise<number> {
  const row = await trx
    .insertInto('inspection_record_numbers')
    .values({ district_id: districtId, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['district_id', 'year'])
        .doUpdateSet({ last_number: sql`inspection_record_numbers.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

type NewRecord = Omit<InspectionRecordTable, 'id' | 'version'> & { version: number };

/** Inserts a record; returns its id. */
export async function insertRecord(trx: Transaction<Database>, row: NewRecord): Promise<number> {
  const { id } = await trx
    .insertInto('inspection_records')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

type RecordSet = Partial<Omit<InspectionRecordTable, 'id' | 'version'>>;

/** Updates a record if its version matches (and, when given, its status); bumps the version. */
export async function updateRecordIfVersion(
  trx: Transaction<Database>,
  id: number,
  version: number,
  set: RecordSet,
  status?: string,
): Promise<boolean> {
  let q = trx
    .updateTable('inspection_records')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version);
  if (status) q = q.where('status', '=', status);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Takes the record's row lock for a signature: bumps the version only while it is in `signing`.
 * Concurrent signers queue here, so the last one sees every other signature.
 */
export async function lockForSigning(
  trx: Transaction<Database>,
  id: number,
  at: string,
): Promise<boolean> {
  const r = await trx
    .updateTable('inspection_records')
    .set({ updated_at: at, version: sql`version + 1` })
    .where('id', '=', id)
    .where('status', '=', 'signing')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Replaces the inspectors named on a record. */
export async function replaceInspectors(
  trx: Transaction<Database>,
  recordId: number,
  inspectors: readonly { userId: number; name: string; certificateNo: string }[],
): Promise<void> {
  await trx.deleteFrom('inspection_record_inspectors').where('record_id', '=', recordId).execute();
  if (inspectors.length === 0) return;
  await trx
    .insertInto('inspection_record_inspectors')
    .values(
      inspectors.map((p, i) => ({
        record_id: recordId,
        user_id: p.userId,
        seq: i + 1,
        name: p.name,
        certificate_no: p.certificateNo,
      })),
    )
    .execute();
}

/** The inspectors named on a record, in order. */
export function listInspectorRows(db: Q, recordId: number) {
  return db
    .selectFrom('inspection_record_inspectors')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('seq')
    .execute();
}

/** The signatures of a record, oldest first. */
export function listSignatures(db: Q, recordId: number) {
  return db
    .selectFrom('inspection_record_signatures')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}

/** Stores one signature. */
export async function insertSignature(
  trx: Transaction<Database>,
  row: {
    record_id: number;
    user_id: number;
    signer_name: string;
    certificate_no: string;
    key_id: number;
    signature: string;
    signed_at: string;
  },
): Promise<void> {
  await trx.insertInto('inspection_record_signatures').values(row).execute();
}

/** Discards the signatures of a record sent back to draft (they covered a text that changes). */
export async function deleteSignatures(trx: Transaction<Database>, recordId: number) {
  await trx.deleteFrom('inspection_record_signatures').where('record_id', '=', recordId).execute();
}

/** The finding rows of a record (hazard links, written at full signature). */
export function listFindingRows(db: Q, recordId: number) {
  return db
    .selectFrom('inspection_record_findings')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('seq')
    .execute();
}

/** Stores the finding rows of a fully signed record. */
export async function insertFindingRows(
  trx: Transaction<Database>,
  rows: {
    record_id: number;
    seq: number;
    hazard_id: number | null;
    linked: number;
    catalog_item_code: string | null;
    level: string;
    no_penalty: string | null;
    penalty_decision: string | null;
    penalty_note: string | null;
    created_at: string;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx.insertInto('inspection_record_findings').values(rows).execute();
}

/** Appends a history entry. */
export async function insertEvent(
  trx: Transaction<Database>,
  row: {
    record_id: number;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_id: number | null;
    actor_name: string | null;
    at: string;
    note: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('inspection_record_events')
    .values({ ...row, idempotency_key: null })
    .execute();
}

/** The history of a record, oldest first. */
export function listEvents(db: Q, recordId: number) {
  return db
    .selectFrom('inspection_record_events')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}

function scoped(db: Q, scope: RecordScope, f: RecordFilter) {
  let q = db.selectFrom('inspection_records as r');
  if (scope.kind === 'enterprise') {
    // Enterprises see their records once signed: drafts are the inspectors' working copies.
    q = q
      .where('r.enterprise_id', '=', scope.enterpriseId)
      .where('r.status', 'in', ['signed', 'superseded']);
  } else {
    const districtIds = scope.districtIds.length ? scope.districtIds : [-1];
    const sectors = scope.sectors ? (scope.sectors.length ? scope.sectors : ['-']) : null;
    q = q.where((eb) =>
      eb.or([
        sectors
          ? eb.and([eb('r.district_id', 'in', districtIds), eb('r.sector', 'in', sectors)])
          : eb('r.district_id', 'in', districtIds),
        eb('r.created_by', '=', scope.userId),
        eb.exists(
          eb
            .selectFrom('inspection_record_inspectors as ri')
            .select('ri.id')
            .whereRef('ri.record_id', '=', 'r.id')
            .where('ri.user_id', '=', scope.userId),
        ),
      ]),
    );
  }
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.enterpriseId) q = q.where('r.enterprise_id', '=', f.enterpriseId);
  if (f.planId) q = q.where('r.plan_id', '=', f.planId);
  // started_at is a UTC instant; the day bounds are China days (UTC+8).
  if (f.from) q = q.where('r.started_at', '>=', `${shiftDay(f.from, -1)}T16:00:00.000Z`);
  if (f.to) q = q.where('r.started_at', '<', `${f.to}T16:00:00.000Z`);
  if (f.mine || f.awaitingMySignature) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('inspection_record_inspectors as rm')
          .select('rm.id')
          .whereRef('rm.record_id', '=', 'r.id')
          .where('rm.user_id', '=', f.userId),
      ),
    );
  }
  if (f.awaitingMySignature) {
    q = q
      .where('r.status', '=', 'signing')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('inspection_record_signatures as s')
              .select('s.id')
              .whereRef('s.record_id', '=', 'r.id')
              .where('s.user_id', '=', f.userId),
          ),
        ),
      );
  }
  if (f.q) {
    const pattern = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('r.record_no', f.like, pattern),
        eb('r.place', f.like, pattern),
        eb.exists(
          eb
            .selectFrom('enterprises as eq')
            .select('eq.id')
            .whereRef('eq.id', '=', 'r.enterprise_id')
            .where('eq.name', f.like, pattern),
        ),
      ]),
    );
  }
  return q;
}

function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** One page of records (newest visit first) and the total. */
export async function listRecordPage(
  db: Q,
  scope: RecordScope,
  f: RecordFilter,
  page: { offset: number; limit: number },
) {
  const [rows, count] = await Promise.all([
    scoped(db, scope, f)
      .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
      .innerJoin('org_units as o', 'o.id', 'r.district_id')
      .select([
        'r.id',
        'r.record_no',
        'r.status',
        'r.enterprise_id',
        'e.name as enterprise_name',
        'r.sector',
        'o.name as district_name',
        'r.origin',
        'r.plan_id',
        'r.started_at',
        'r.place',
        'r.content',
        'r.acknowledged_at',
        'r.superseded_by_record_id',
        'r.signed_at',
        'r.created_at',
      ])
      .orderBy('r.started_at', 'desc')
      .orderBy('r.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    scoped(db, scope, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Who signed which of the given records. */
export async function signersOf(db: Q, recordIds: number[]) {
  const out = new Map<number, number[]>();
  if (recordIds.length === 0) return out;
  const rows = await db
    .selectFrom('inspection_record_signatures')
    .select(['record_id', 'user_id'])
    .where('record_id', 'in', recordIds)
    .execute();
  for (const r of rows) out.set(r.record_id, [...(out.get(r.record_id) ?? []), r.user_id]);
  return out;
}

/** Accounts by id, with what the inspector rule needs. */
export function findUsers(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select([
      'u.id',
      'u.display_name',
      'u.role',
      'u.status',
      'u.certificate_no',
      'o.name as org_unit_name',
    ])
    .where('u.id', 'in', ids)
    .execute();
}

/** Active accounts of the given roles with a certificate number, under a territory. */
export function listCertifiedUsers(db: Q, roles: readonly string[], territoryPath: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select(['u.id', 'u.display_name', 'u.certificate_no', 'o.name as org_unit_name'])
    .where('u.role', 'in', [...roles])
    .where('u.status', '=', 'active')
    .where('u.certificate_no', 'is not', null)
    .where('u.certificate_no', '!=', '')
    .where('o.path', 'like', `${territoryPath}%`)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .limit(500)
    .execute();
}

const HAZARD_REF_COLUMNS = [
  'h.id',
  'h.number',
  'h.title',
  'h.level',
  'h.status',
  'h.origin',
  'h.enterprise_id',
  'h.catalog_item_code',
  'h.reported_to_bureau_at',
  'h.deadline',
  'h.found_at',
  'h.plan_approved_at',
  'h.fixed_at',
  'h.version',
] as const;

/** The enterprise's hazards not yet verified (closed), oldest found first. */
export function listOpenHazards(db: Q, enterpriseId: number) {
  return db
    .selectFrom('hazards as h')
    .select(HAZARD_REF_COLUMNS)
    .where('h.enterprise_id', '=', enterpriseId)
    .where('h.status', '!=', 'verified')
    .orderBy('h.found_at')
    .orderBy('h.id')
    .limit(500)
    .execute();
}
export type HazardRefRow = Awaited<ReturnType<typeof listOpenHazards>>[number];

/** Hazards by id. */
export function findHazardRefs(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([] as HazardRefRow[]);
  return db
    .selectFrom('hazards as h')
    .select(HAZARD_REF_COLUMNS)
    .where('h.id', 'in', ids)
    .execute();
}

/** Catalog item texts by code, from the current published versions. */
export async function catalogItemTexts(db: Q, codes: string[]) {
  const out = new Map<string, { clause: string; title: string }>();
  if (codes.length === 0) return out;
  const rows = await db
    .selectFrom('catalog_items as i')
    .innerJoin('catalog_versions as v', 'v.id', 'i.catalog_version_id')
    .select(['i.code', 'i.clause', 'i.title', 'v.status', 'v.version'])
    .where('i.code', 'in', codes)
    .orderBy('v.version')
    .execute();
  // The newest published version's wording wins; a draft's never shows.
  for (const r of rows) if (r.status === 'published') out.set(r.code, r);
  return out;
}
