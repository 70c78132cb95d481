import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  EnforcementMeasureRow,
  PenaltyCasePartyTable,
  PenaltyCaseRow,
  PenaltyCaseTable,
} from '../../db/schema-penalty-cases.js';
import { likePattern } from '../enterprises/enterprises.repository.js';

// Queries of penalty cases, their parties, hazards and history, enforcement measures, and the
// facts the repeat-offender view counts.

type Q = Kysely<Database> | Transaction<Database>;

/** Which records a caller may see (the enterprise scope's shape). */
export type CaseScope =
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'territory'; districtIds: number[]; sectors: string[] | null };

// ---- Cases ----

/** Allocates the next case number of a district and year atomically. */
export async function nextCaseNumber(
  trx: Transaction<Database>,
  districtId: number,
  year: number,
): Promise<number> {
  const row = await trx
    .insertInto('penalty_case_numbers')
    .values({ district_id: districtId, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['district_id', 'year'])
        .doUpdateSet({ last_number: sql`penalty_case_numbers.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

/** Inserts a case; returns its id. */
export async function insertCase(
  trx: Transaction<Database>,
  row: Omit<PenaltyCaseTable, 'id'>,
): Promise<number> {
  const { id } = await trx
    .insertInto('penalty_cases')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** One case with the enterprise and district facts access and documents need. */
export function findCase(db: Q, id: number) {
  return db
    .selectFrom('penalty_cases as c')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .innerJoin('org_units as o', 'o.id', 'c.district_id')
    .leftJoin('inspection_records as r', 'r.id', 'c.inspection_record_id')
    .selectAll('c')
    .select([
      'e.name as enterprise_name',
      'e.credit_code as enterprise_credit_code',
      'e.address as enterprise_address',
      'o.path as district_path',
      'o.name as district_name',
      'r.record_no as inspection_record_no',
      'r.started_at as inspection_started_at',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type CaseWithContext = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export type CaseFilter = {
  status?: string;
  sector?: string;
  enterpriseId?: number;
  q?: string;
  like: 'like' | 'ilike';
  /** Enterprise users see only these statuses. */
  statuses?: readonly string[];
};

function scopedCases(db: Q, scope: CaseScope, f: CaseFilter) {
  let q = db
    .selectFrom('penalty_cases as c')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .innerJoin('org_units as o', 'o.id', 'c.district_id');
  if (scope.kind === 'enterprise') {
    q = q.where('c.enterprise_id', '=', scope.enterpriseId);
  } else {
    q = q.where('c.district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
    if (scope.sectors) q = q.where('c.sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
  }
  if (f.statuses) q = q.where('c.status', 'in', f.statuses.length ? [...f.statuses] : ['-']);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.sector) q = q.where('c.sector', '=', f.sector);
  if (f.enterpriseId) q = q.where('c.enterprise_id', '=', f.enterpriseId);
  if (f.q) {
    const pattern = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('c.matter', f.like, pattern),
        eb('c.case_no', f.like, pattern),
        eb('e.name', f.like, pattern),
      ]),
    );
  }
  return q;
}

/** One page of cases, newest filing first, and the total. */
export async function listCasePage(
  db: Q,
  scope: CaseScope,
  f: CaseFilter,
  page: { offset: number; limit: number },
) {
  const [items, count] = await Promise.all([
    scopedCases(db, scope, f)
      .selectAll('c')
      .select(['e.name as enterprise_name', 'o.name as district_name'])
      .orderBy('c.filed_on', 'desc')
      .orderBy('c.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    scopedCases(db, scope, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
export type CaseListRow = Awaited<ReturnType<typeof listCasePage>>['items'][number];

/** Updates a case if the version matches; bumps the version. */
export async function updateCaseIfVersion(
  trx: Transaction<Database>,
  id: number,
  version: number,
  set: Partial<Omit<PenaltyCaseRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await trx
    .updateTable('penalty_cases')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- Hazards of cases ----

/** The ledger facts of the hazards of some cases (what the rules of a case read). */
export function listCaseHazards(db: Q, caseIds: number[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('penalty_case_hazards as ch')
    .innerJoin('hazards as h', 'h.id', 'ch.hazard_id')
    .select([
      'ch.case_id',
      'h.id',
      'h.number',
      'h.title',
      'h.level',
      'h.status',
      'h.origin',
      'h.catalog_item_code',
      'h.reported_to_bureau_at',
      'h.plan_approved_at',
      'h.deadline',
      'h.fixed_at',
      'h.verified_at',
    ])
    .where('ch.case_id', 'in', caseIds)
    .orderBy('h.id')
    .execute();
}
export type CaseHazardRow = Awaited<ReturnType<typeof listCaseHazards>>[number];

/** Replaces the hazards a case concerns. */
export async function replaceCaseHazards(
  trx: Transaction<Database>,
  caseId: number,
  hazardIds: number[],
): Promise<void> {
  await trx.deleteFrom('penalty_case_hazards').where('case_id', '=', caseId).execute();
  if (hazardIds.length === 0) return;
  await trx
    .insertInto('penalty_case_hazards')
    .values(hazardIds.map((hazard_id) => ({ case_id: caseId, hazard_id })))
    .execute();
}

/** Hazards by id with their enterprise (to check they belong to the case's enterprise). */
export function findHazardOwners(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('hazards').select(['id', 'enterprise_id']).where('id', 'in', ids).execute();
}

/** An inspection record's enterprise and number (cases refer to records by id). */
export function findInspectionRecord(db: Q, id: number) {
  return db
    .selectFrom('inspection_records')
    .select(['id', 'enterprise_id', 'record_no', 'started_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The registry's main leader (主要负责人) of an enterprise, if recorded. */
export async function findMainLeaderNames(
  db: Q,
  enterpriseIds: number[],
): Promise<Map<number, string>> {
  if (enterpriseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('enterprise_people')
    .select(['enterprise_id', 'name'])
    .where('enterprise_id', 'in', enterpriseIds)
    .where('kind', '=', 'main_leader')
    .where('voided_at', 'is', null)
    .orderBy('id')
    .execute();
  const out = new Map<number, string>();
  for (const r of rows) if (!out.has(r.enterprise_id)) out.set(r.enterprise_id, r.name);
  return out;
}

// ---- Parties ----

/** The parties of some cases, in order. */
export function listParties(db: Q, caseIds: number[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('penalty_case_parties')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
}

/** Replaces the parties of a case; returns the new rows' ids in order. */
export async function replaceParties(
  trx: Transaction<Database>,
  caseId: number,
  parties: Omit<PenaltyCasePartyTable, 'id' | 'case_id' | 'seq'>[],
): Promise<number[]> {
  await trx.deleteFrom('penalty_case_parties').where('case_id', '=', caseId).execute();
  const ids: number[] = [];
  for (const [i, p] of parties.entries()) {
    const { id } = await trx
      .insertInto('penalty_case_parties')
      .values({ ...p, case_id: caseId, seq: i + 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(Number(id));
  }
  return ids;
}

/** A decided party found by the verification code of its decision. */
export function findDecisionByHash(db: Q, hash: string) {
  return db
    .selectFrom('penalty_case_parties as p')
    .innerJoin('penalty_cases as c', 'c.id', 'p.case_id')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .select([
      'p.kind',
      'p.name',
      'p.decision_no',
      'c.decision_date',
      'c.status',
      'e.name as enterprise_name',
    ])
    .where('p.decision_hash', '=', hash)
    .executeTakeFirst();
}

// ---- History ----

/** The history of a case, oldest first. */
export function listEvents(db: Q, caseId: number) {
  return db
    .selectFrom('penalty_case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

/** An earlier event of the case with the same idempotency key. */
export function findEventByKey(db: Q, caseId: number, key: string) {
  return db
    .selectFrom('penalty_case_events')
    .select('id')
    .where('case_id', '=', caseId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** Appends a history row. */
export async function insertEvent(
  trx: Transaction<Database>,
  row: {
    case_id: number;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_id: number;
    actor_name: string;
    actor_role: string;
    at: string;
    note: string | null;
    details: string | null;
    idempotency_key: string | null;
  },
): Promise<void> {
  await trx.insertInto('penalty_case_events').values(row).execute();
}

// ---- Measures ----

/** Inserts a measure; returns its id. */
export async function insertMeasure(
  trx: Transaction<Database>,
  row: Omit<EnforcementMeasureRow, 'id'>,
): Promise<number> {
  const { id } = await trx
    .insertInto('enforcement_measures')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

const MEASURE_COLUMNS = [
  'm.id',
  'm.district_id',
  'm.enterprise_id',
  'm.sector',
  'm.kind',
  'm.date',
  'm.data',
  'm.penalty_case_id',
  'm.created_by',
  'm.created_by_name',
  'm.created_at',
  'm.updated_at',
  'm.voided_at',
  'm.void_reason',
  'm.voided_by',
  'm.version',
  'e.name as enterprise_name',
  'c.case_no as penalty_case_no',
] as const;

/** One measure with its enterprise and district path. */
export function findMeasure(db: Q, id: number) {
  return db
    .selectFrom('enforcement_measures as m')
    .innerJoin('enterprises as e', 'e.id', 'm.enterprise_id')
    .innerJoin('org_units as o', 'o.id', 'm.district_id')
    .leftJoin('penalty_cases as c', 'c.id', 'm.penalty_case_id')
    .select([...MEASURE_COLUMNS, 'o.path as district_path'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}
export type MeasureWithContext = NonNullable<Awaited<ReturnType<typeof findMeasure>>>;

export type MeasureFilter = {
  enterpriseId?: number;
  kind?: string;
  /** Enterprise users see only these kinds, never voided ones. */
  kinds?: readonly string[];
  includeVoided: boolean;
};

/** One page of measures, latest first, and the total. */
export async function listMeasurePage(
  db: Q,
  scope: CaseScope,
  f: MeasureFilter,
  page: { offset: number; limit: number },
) {
  const scoped = () => {
    let q = db
      .selectFrom('enforcement_measures as m')
      .innerJoin('enterprises as e', 'e.id', 'm.enterprise_id')
      .leftJoin('penalty_cases as c', 'c.id', 'm.penalty_case_id');
    if (scope.kind === 'enterprise') {
      q = q.where('m.enterprise_id', '=', scope.enterpriseId);
    } else {
      q = q.where('m.district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
      if (scope.sectors)
        q = q.where('m.sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
    }
    if (f.enterpriseId) q = q.where('m.enterprise_id', '=', f.enterpriseId);
    if (f.kind) q = q.where('m.kind', '=', f.kind);
    if (f.kinds) q = q.where('m.kind', 'in', f.kinds.length ? [...f.kinds] : ['-']);
    if (!f.includeVoided) q = q.where('m.voided_at', 'is', null);
    return q;
  };
  const [items, count] = await Promise.all([
    scoped()
      .select(MEASURE_COLUMNS)
      .orderBy('m.date', 'desc')
      .orderBy('m.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    scoped()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
export type MeasureListRow = Awaited<ReturnType<typeof listMeasurePage>>['items'][number];

/** Updates a measure if the version matches; bumps the version. */
export async function updateMeasureIfVersion(
  trx: Transaction<Database>,
  id: number,
  version: number,
  set: Partial<Omit<EnforcementMeasureRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await trx
    .updateTable('enforcement_measures')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The documents of some measures (rows of `attachments`), oldest first. */
export function listMeasureDocuments(db: Q, measureIds: number[]) {
  if (measureIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attachments')
    .select(['id', 'owner_id', 'file_name', 'mime_type', 'size'])
    .where('owner_type', '=', MEASURE_OWNER)
    .where('owner_id', 'in', measureIds)
    .orderBy('id')
    .execute();
}

/** The `attachments.owner_type` of measure documents. */
export const MEASURE_OWNER = 'enforcement_measure';

// ---- Repeat offenders ----

/**
 * Major-hazard penalty decisions (status decided, executed or closed with a decision date) of
 * the enterprises in scope, decided between `from` and `to` inclusive.
 */
export function listMajorDecisions(
  db: Q,
  scope: Extract<CaseScope, { kind: 'territory' }>,
  f: { from: string; to: string; sector?: string },
) {
  let q = db
    .selectFrom('penalty_cases as c')
    .select(['c.id', 'c.case_no', 'c.enterprise_id', 'c.decision_date'])
    .where('c.district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1])
    .where('c.status', 'in', ['decided', 'executed', 'closed'])
    .where('c.decision_major_hazard', '=', 1)
    .where('c.decision_date', '>=', f.from)
    .where('c.decision_date', '<=', f.to);
  if (scope.sectors) q = q.where('c.sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
  if (f.sector) q = q.where('c.sector', '=', f.sector);
  return q.orderBy('c.decision_date').orderBy('c.id').execute();
}

/**
 * The hazards of the (enterprise, catalog item) pairs in scope that have more than one hazard
 * and at least one verified: the only pairs where an item can recur after verification.
 */
export async function listRecurrenceCandidates(
  db: Q,
  scope: Extract<CaseScope, { kind: 'territory' }>,
  f: { to: string; sector?: string },
) {
  let groups = db
    .selectFrom('hazards as h')
    .select(['h.enterprise_id', 'h.catalog_item_code'])
    .where('h.district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1])
    .where('h.catalog_item_code', 'is not', null)
    .where('h.found_at', '<=', f.to);
  if (scope.sectors)
    groups = groups.where('h.sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
  if (f.sector) groups = groups.where('h.sector', '=', f.sector);
  const pairs = await groups
    .groupBy(['h.enterprise_id', 'h.catalog_item_code'])
    .having((eb) => eb.fn.countAll(), '>', 1)
    .having(
      (eb) => eb.fn.sum(eb.case().when('h.verified_at', 'is not', null).then(1).else(0).end()),
      '>',
      0,
    )
    .execute();
  if (pairs.length === 0) return [];
  const enterpriseIds = [...new Set(pairs.map((p) => p.enterprise_id))];
  const wanted = new Set(pairs.map((p) => `${p.enterprise_id}\u0000${p.catalog_item_code}`));
  const rows = await db
    .selectFrom('hazards')
    .select([
      'id',
      'number',
      'enterprise_id',
      'catalog_item_code',
      'found_at',
      'verified_at',
      'status',
    ])
    .where('enterprise_id', 'in', enterpriseIds)
    .where('catalog_item_code', 'is not', null)
    .where('found_at', '<=', f.to)
    .orderBy('id')
    .execute();
  return rows.filter((r) => wanted.has(`${r.enterprise_id}\u0000${r.catalog_item_code}`));
}

/** Enterprises by id with their district's name. */
export function findEnterprises(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enterprises as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .select(['e.id', 'e.name', 'e.sector', 'o.name as district_name'])
    .where('e.id', 'in', ids)
    .execute();
}

/** The latest closure proposal (not voided) of each of some enterprises. */
export async function findClosureProposals(
  db: Q,
  enterpriseIds: number[],
): Promise<Map<number, { measureId: number; date: string }>> {
  if (enterpriseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('enforcement_measures')
    .select(['id', 'enterprise_id', 'date'])
    .where('enterprise_id', 'in', enterpriseIds)
    .where('kind', '=', 'closure_proposal')
    .where('voided_at', 'is', null)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const out = new Map<number, { measureId: number; date: string }>();
  for (const r of rows) out.set(r.enterprise_id, { measureId: r.id, date: r.date });
  return out;
}

/** Whether a case with this id belongs to the enterprise. */
export async function caseBelongsTo(db: Q, caseId: number, enterpriseId: number) {
  const row = await db
    .selectFrom('penalty_cases')
    .select('id')
    .where('id', '=', caseId)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  return row !== undefined;
}
