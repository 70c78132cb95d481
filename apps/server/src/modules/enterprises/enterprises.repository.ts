import { type Kysely, sql, type Transaction } from 'kysely';
import type { CreateEnterpriseInput, PersonInput, HazardSourceInput } from '@hazard-ledger/domain';
import type { Database, NewEnterprise } from '../../db/schema.js';
import { EXPORT_BATCH_ROWS } from '../../lib/xlsx.js';

type Q = Kysely<Database> | Transaction<Database>;

/** Which enterprises a caller may see. */
export type EnterpriseScope =
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'territory'; districtIds: number[]; sectors: string[] | null };

export type EnterpriseFilter = {
  q?: string;
  sector?: string;
  subType?: string;
  tag?: string;
  orgUnitId?: number;
  status?: string;
  like: 'like' | 'ilike';
};

export const ENTERPRISE_SORT_COLUMNS = {
  name: 'e.name',
  creditCode: 'e.credit_code',
  sector: 'e.sector',
  status: 'e.status',
  employees: 'e.employees',
  updatedAt: 'e.updated_at',
} as const;
export type EnterpriseSortKey = keyof typeof ENTERPRISE_SORT_COLUMNS;

/** Escapes LIKE wildcards in user input. */
export function likePattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
}

/**
 * The enterprises of a scope matching a filter. Only enterprise columns, so that ids and counts
 * come from the covering index; callers join the district for the columns they show.
 */
function scoped(db: Q, scope: EnterpriseScope, f: EnterpriseFilter) {
  let q = db.selectFrom('enterprises as e');
  if (scope.kind === 'enterprise') {
    q = q.where('e.id', '=', scope.enterpriseId);
  } else {
    // A literal id list (not a bound LIKE on paths) so the planner can use the district indexes.
    q = q.where('e.org_unit_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
    if (scope.sectors) q = q.where('e.sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
  }
  if (f.q) {
    const pattern = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([eb('e.name', f.like, pattern), eb('e.credit_code', f.like, pattern.toUpperCase())]),
    );
  }
  if (f.sector) q = q.where('e.sector', '=', f.sector);
  if (f.subType) q = q.where('e.sub_type', '=', f.subType);
  if (f.tag) q = q.where('e.tags', 'like', `%"${f.tag}"%`);
  if (f.orgUnitId) q = q.where('e.org_unit_id', '=', f.orgUnitId);
  if (f.status) q = q.where('e.status', '=', f.status);
  return q;
}

const ROW_COLUMNS = [
  'e.id',
  'e.name',
  'e.credit_code',
  'e.sector',
  'e.sub_type',
  'e.tags',
  'e.org_unit_id',
  'o.name as district_name',
  'o.path as org_path',
  'e.address',
  'e.longitude',
  'e.latitude',
  'e.status',
  'e.status_date',
  'e.status_reason',
  'e.employees',
  'e.safety_agency',
  'e.safety_staff_count',
  'e.licences',
  'e.created_at',
  'e.updated_at',
  'e.version',
] as const;

/** Which page of the list, in which order. */
export type EnterprisePage = {
  offset: number;
  limit: number;
  sort: EnterpriseSortKey;
  order: 'asc' | 'desc';
};

/** One page of the matching enterprises with their main leader, and how many match. */
export async function listEnterprises(
  db: Q,
  scope: EnterpriseScope,
  f: EnterpriseFilter,
  page: EnterprisePage,
) {
  const [items, total] = await Promise.all([
    listEnterprisePage(db, scope, f, page),
    countEnterprises(db, scope, f),
  ]);
  return { items, total };
}

/** How many enterprises of the scope match the filter. */
export async function countEnterprises(
  db: Q,
  scope: EnterpriseScope,
  f: EnterpriseFilter,
): Promise<number> {
  const row = await scoped(db, scope, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * What the page of ids is ordered by. A name search matches few of a scope's enterprises, so
 * they are sorted after matching: ordered by an expression that sorts like its column but
 * matches no index. Otherwise the planner could walk the (sector, name) index of the whole
 * province in name order, testing each row's district and name (a city's search within a
 * sector: 6.5 ms a page instead of 2). Without a search, walking an index in order is right.
 */
function enterprisePageOrder(sort: EnterpriseSortKey, f: EnterpriseFilter) {
  const column = ENTERPRISE_SORT_COLUMNS[sort];
  if (!f.q) return column;
  return sort === 'employees'
    ? sql<number | null>`${sql.ref(column)} + 0`
    : sql<string>`${sql.ref(column)} || ''`;
}

/** One page of the matching enterprises with their main leader. */
export function listEnterprisePage(
  db: Q,
  scope: EnterpriseScope,
  f: EnterpriseFilter,
  page: EnterprisePage,
) {
  // Deferred join: the page's ids are sorted and cut first, and only those rows are read with
  // their leaders. Selecting the leader subqueries in the sorted query made SQLite evaluate them
  // for every matching row before sorting (a city's hazchem list: thousands of lookups a page).
  const pageIds = scoped(db, scope, f)
    .select('e.id')
    .orderBy(enterprisePageOrder(page.sort, f), page.order)
    .orderBy('e.id', 'asc')
    .offset(page.offset)
    .limit(page.limit);
  return db
    .selectFrom('enterprises as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .where('e.id', 'in', pageIds)
    .select(ROW_COLUMNS)
    .select((eb) => [
      eb
        .selectFrom('enterprise_people as p')
        .select('p.name')
        .whereRef('p.enterprise_id', '=', 'e.id')
        .where('p.kind', '=', 'main_leader')
        .where('p.voided_at', 'is', null)
        .orderBy('p.id')
        .limit(1)
        .as('leader_name'),
      eb
        .selectFrom('enterprise_people as p')
        .select('p.phone')
        .whereRef('p.enterprise_id', '=', 'e.id')
        .where('p.kind', '=', 'main_leader')
        .where('p.voided_at', 'is', null)
        .orderBy('p.id')
        .limit(1)
        .as('leader_phone'),
    ])
    .orderBy(ENTERPRISE_SORT_COLUMNS[page.sort], page.order)
    .orderBy('e.id', 'asc')
    .execute();
}

export type EnterpriseListRow = Awaited<ReturnType<typeof listEnterprises>>['items'][number];

/** Every enterprise of a scope matching the filter, in batches (for the export). */
export async function* iterateEnterprises(
  db: Q,
  scope: EnterpriseScope,
  f: EnterpriseFilter,
  batch = EXPORT_BATCH_ROWS,
) {
  let lastId = 0;
  for (;;) {
    const rows = await scoped(db, scope, f)
      .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
      .select(ROW_COLUMNS)
      .where('e.id', '>', lastId)
      .orderBy('e.id')
      .limit(batch)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    lastId = rows[rows.length - 1]!.id;
  }
}

export type EnterpriseRow = Awaited<ReturnType<typeof findEnterprise>> & object;

/** One enterprise with its district (no scope check: services do that). */
export function findEnterprise(db: Q, id: number) {
  return db
    .selectFrom('enterprises as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .select(ROW_COLUMNS)
    .where('e.id', '=', id)
    .executeTakeFirst();
}

/** Enterprises by credit code (for the import's create-or-update decision). */
export function findEnterprisesByCreditCodes(db: Q, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enterprises as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .select(ROW_COLUMNS)
    .where('e.credit_code', 'in', codes)
    .execute();
}

/** Whether a credit code is used by another enterprise. */
export async function creditCodeTaken(db: Q, code: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('enterprises').select('id').where('credit_code', '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The stored columns of an enterprise from validated input. */
export function enterpriseColumns(input: CreateEnterpriseInput) {
  return {
    name: input.name,
    credit_code: input.creditCode,
    sector: input.sector,
    sub_type: input.subType,
    tags: JSON.stringify([...input.tags].sort()),
    org_unit_id: input.orgUnitId,
    address: input.address,
    longitude: input.longitude,
    latitude: input.latitude,
    status: input.status,
    status_date: input.statusDate,
    status_reason: input.statusReason,
    employees: input.employees,
    safety_agency: input.safetyAgency,
    safety_staff_count: input.safetyStaffCount,
    licences: JSON.stringify(input.licences),
  };
}

/** Inserts an enterprise; returns its id. */
export async function insertEnterprise(db: Q, row: NewEnterprise): Promise<number> {
  const { id } = await db
    .insertInto('enterprises')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates an enterprise if its version matches; returns whether it did. */
export async function updateEnterpriseIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Partial<NewEnterprise>,
): Promise<boolean> {
  const r = await db
    .updateTable('enterprises')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Active people of an enterprise, optionally of one kind. */
export function listPeople(db: Q, enterpriseId: number, kind?: string) {
  let q = db
    .selectFrom('enterprise_people')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('voided_at', 'is', null);
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('kind').orderBy('id').execute();
}

/** One person row of an enterprise. */
export function findPerson(db: Q, enterpriseId: number, personId: number) {
  return db
    .selectFrom('enterprise_people')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', personId)
    .executeTakeFirst();
}

/** Person columns from validated input. */
export function personColumns(input: PersonInput) {
  return {
    kind: input.kind,
    name: input.name,
    position: input.position,
    phone: input.phone,
    id_number: input.idNumber,
    assessed: input.assessed === null ? null : input.assessed ? 1 : 0,
    specialty: input.specialty,
  };
}

/** Inserts a person; returns the id. */
export async function insertPerson(
  db: Q,
  enterpriseId: number,
  input: PersonInput,
  at: string,
): Promise<number> {
  const { id } = await db
    .insertInto('enterprise_people')
    .values({
      enterprise_id: enterpriseId,
      ...personColumns(input),
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a person row if the version matches. */
export async function updatePersonIfVersion(
  db: Q,
  personId: number,
  version: number,
  set: Record<string, unknown>,
): Promise<boolean> {
  const r = await db
    .updateTable('enterprise_people')
    .set({ ...set, version: version + 1 })
    .where('id', '=', personId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Active major hazard sources of an enterprise. */
export function listHazardSources(db: Q, enterpriseId: number) {
  return db
    .selectFrom('hazard_sources')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('voided_at', 'is', null)
    .orderBy('level')
    .orderBy('id')
    .execute();
}

/** One hazard source row of an enterprise. */
export function findHazardSource(db: Q, enterpriseId: number, sourceId: number) {
  return db
    .selectFrom('hazard_sources')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', sourceId)
    .executeTakeFirst();
}

/** Hazard source columns from validated input. */
export function hazardSourceColumns(input: HazardSourceInput) {
  return {
    name: input.name,
    level: input.level,
    substances: input.substances,
    leader_name: input.leader.name,
    leader_phone: input.leader.phone,
    technical_name: input.technical.name,
    technical_phone: input.technical.phone,
    operations_name: input.operations.name,
    operations_phone: input.operations.phone,
  };
}

/** Inserts a hazard source; returns the id. */
export async function insertHazardSource(
  db: Q,
  enterpriseId: number,
  input: HazardSourceInput,
  at: string,
): Promise<number> {
  const { id } = await db
    .insertInto('hazard_sources')
    .values({
      enterprise_id: enterpriseId,
      ...hazardSourceColumns(input),
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a hazard source if the version matches. */
export async function updateHazardSourceIfVersion(
  db: Q,
  sourceId: number,
  version: number,
  set: Record<string, unknown>,
): Promise<boolean> {
  const r = await db
    .updateTable('hazard_sources')
    .set({ ...set, version: version + 1 })
    .where('id', '=', sourceId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Accounts bound to an enterprise. */
export function listEnterpriseAccounts(db: Q, enterpriseId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'status', 'last_login_at'])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('role')
    .orderBy('username')
    .execute();
}
