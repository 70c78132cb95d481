import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { HazardRow } from '../../db/schema-hazards.js';
import { likePattern } from '../enterprises/enterprises.repository.js';
import { EXPORT_BATCH_ROWS } from '../../lib/xlsx.js';

type Q = Kysely<Database> | Transaction<Database>;

/** Which hazards a caller may see (same shape as the enterprise scope). */
export type HazardScope =
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'territory'; districtIds: number[]; sectors: string[] | null };

export type HazardFilter = {
  q?: string;
  sector?: string;
  enterpriseId?: number;
  level?: string;
  status?: string;
  origin?: string;
  overdue?: boolean;
  supervised?: boolean;
  catalogItemCode?: string;
  foundFrom?: string;
  foundTo?: string;
  districtId?: number;
  /** To-do views: what is waiting for whom. */
  awaiting?: 'plan' | 'plan_approval' | 'fix' | 'acceptance' | 'verification' | 'extension';
  today: string;
  like: 'like' | 'ilike';
};

export const HAZARD_SORT_COLUMNS = {
  foundAt: 'h.found_at',
  deadline: 'h.deadline',
  number: 'h.number',
  level: 'h.level',
  status: 'h.status',
  updatedAt: 'h.updated_at',
} as const;
export type HazardSortKey = keyof typeof HAZARD_SORT_COLUMNS;

/** The base query of hazards in a scope, with filters (no status filter: counts reuse it). */
function scoped(db: Q, scope: HazardScope, f: Omit<HazardFilter, 'status'>) {
  let q = db.selectFrom('hazards as h');
  if (scope.kind === 'enterprise') {
    q = q.where('h.enterprise_id', '=', scope.enterpriseId);
  } else {
    // A literal id list, not a LIKE subquery: with a bound LIKE pattern SQLite cannot see the
    // prefix when planning and falls back to scanning in sort order (~900 ms vs ~5 ms).
    q = q.where('h.district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
    if (scope.sectors) q = q.where('h.sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
  }
  if (f.sector) q = q.where('h.sector', '=', f.sector);
  if (f.enterpriseId) q = q.where('h.enterprise_id', '=', f.enterpriseId);
  if (f.districtId) q = q.where('h.district_id', '=', f.districtId);
  if (f.level) q = q.where('h.level', '=', f.level);
  if (f.origin) q = q.where('h.origin', '=', f.origin);
  if (f.catalogItemCode) q = q.where('h.catalog_item_code', '=', f.catalogItemCode);
  if (f.foundFrom) q = q.where('h.found_at', '>=', f.foundFrom);
  if (f.foundTo) q = q.where('h.found_at', '<=', f.foundTo);
  // Only the supervise action sets a level, and it stamps supervised_at with it: the second
  // condition changes no answer but lets the database read the partial index of hazards ever
  // supervised instead of every hazard of the scope (a city's sector: 41,000 index entries for
  // 33 supervised hazards, 7 ms a page).
  if (f.supervised === true)
    q = q.where('h.supervision_level', 'is not', null).where('h.supervised_at', 'is not', null);
  if (f.supervised === false) q = q.where('h.supervision_level', 'is', null);
  if (f.overdue === true)
    q = q.where('h.status', '!=', 'verified').where('h.deadline', '<', f.today);
  if (f.overdue === false)
    q = q.where((eb) =>
      eb.or([
        eb('h.status', '=', 'verified'),
        eb('h.deadline', 'is', null),
        eb('h.deadline', '>=', f.today),
      ]),
    );
  switch (f.awaiting) {
    case 'plan':
      q = q.where('h.status', '=', 'reported');
      break;
    case 'plan_approval':
      q = q.where('h.status', '=', 'planned');
      break;
    case 'fix':
      q = q.where('h.status', 'in', ['rectifying', 'fixed_on_spot']);
      break;
    case 'acceptance':
      q = q.where('h.status', '=', 'rectified').where('h.leader_accepted_at', 'is', null);
      break;
    case 'verification':
      q = q
        .where('h.status', '=', 'rectified')
        .where('h.leader_accepted_at', 'is not', null)
        .where('h.level', '=', 'major');
      break;
    case 'extension':
      q = q.where('h.extension_deadline', 'is not', null);
      break;
    case undefined:
      break;
  }
  if (f.q) {
    const pattern = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('h.title', f.like, pattern),
        eb('h.number', f.like, pattern),
        eb('h.description', f.like, pattern),
      ]),
    );
  }
  return q;
}

const LIST_COLUMNS = [
  'h.id',
  'h.number',
  'h.enterprise_id',
  'h.sector',
  'h.level',
  'h.title',
  'h.origin',
  'h.found_at',
  'h.status',
  'h.deadline',
  'h.supervision_level',
  'h.catalog_item_code',
  'h.district_id',
  'h.version',
  'h.updated_at',
] as const;

/**
 * The sorts whose page is taken by sorting the matches (from a covering index), never by walking
 * an index in that order. A walk is quick only when the matches are spread evenly along it, and
 * here they are not:
 * - numbers begin with the district's code, so a territory's hazards sit together in the number
 *   index and a walk crosses every other district's first (PostgreSQL: 8.8 s for one district's
 *   已验收, 3.7 s for 13 districts);
 * - a filter on the level or status makes that sort an order by id, a walk of the primary key in
 *   time order, past every later hazard when another filter is for an earlier period (1.6 s for a
 *   city's half-year by level);
 * - SQLite walked the whole province's (status, deadline) index, reading each row to test the
 *   district (a city's 待整改 by deadline: ~20 ms vs < 1 ms under load).
 * The price is a sort of every match: about a second for the whole province's ledger, tens of
 * milliseconds for a city's. The found date and the last change are not correlated with the
 * district and keep their column: a city's default view walks the found-date index.
 */
const SORTED_FROM_MATCHES: ReadonlySet<HazardSortKey> = new Set([
  'number',
  'level',
  'status',
  'deadline',
]);

/**
 * What the page of ids is ordered by. An expression (`column || ''`) orders the same as its
 * column but matches no index, so neither database can answer the order by walking one.
 */
export function hazardPageOrder(sort: HazardSortKey) {
  const column = HAZARD_SORT_COLUMNS[sort];
  return SORTED_FROM_MATCHES.has(sort) ? sql<string | null>`${sql.ref(column)} || ''` : column;
}

/**
 * One page of hazards, sorted, with their enterprise names (the total comes from countByStatus).
 */
export async function listHazardPage(
  db: Q,
  scope: HazardScope,
  f: HazardFilter,
  page: {
    offset: number;
    limit: number;
    sort: HazardSortKey;
    order: 'asc' | 'desc';
  },
) {
  const base = f.status
    ? scoped(db, scope, f).where('h.status', '=', f.status)
    : scoped(db, scope, f);
  const sortKey = hazardPageOrder(page.sort);
  // Deferred join: the page of ids comes from the covering index; only those rows are read.
  const pageIds = base
    .select('h.id')
    .orderBy(sortKey, page.order)
    .orderBy('h.id', 'desc')
    .offset(page.offset)
    .limit(page.limit);
  return db
    .selectFrom('hazards as h')
    .innerJoin('enterprises as e', 'e.id', 'h.enterprise_id')
    .select([...LIST_COLUMNS, 'e.name as enterprise_name'])
    .where('h.id', 'in', pageIds)
    .orderBy(HAZARD_SORT_COLUMNS[page.sort], page.order)
    .orderBy('h.id', 'desc')
    .execute();
}

/** How many hazards match (status filter included). */
export async function countHazards(db: Q, scope: HazardScope, f: HazardFilter): Promise<number> {
  const base = f.status
    ? scoped(db, scope, f).where('h.status', '=', f.status)
    : scoped(db, scope, f);
  const row = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * What countByStatus's answer depends on, as a string: the scope and every filter but the status
 * (not applied to counts). Only HazardFilter's own keys: a list query spread into the filter also
 * carries its page and sort, which do not change the counts.
 */
export function countByStatusKey(scope: HazardScope, f: HazardFilter): string {
  const filter = (Object.keys(COUNTS_ANSWER) as (keyof HazardFilter)[])
    .filter((key) => key !== 'status' && f[key] !== undefined)
    .sort()
    .map((key) => [key, f[key]]);
  return JSON.stringify([scope, filter]);
}

/** Counts per status under the same filters (without the status filter). */
export async function countByStatus(db: Q, scope: HazardScope, f: HazardFilter) {
  if (scope.kind === 'territory' && countsSufficeFor(f)) return keptCountByStatus(db, scope, f);
  // Grouping by an expression, not the bare column: otherwise SQLite walks the (status, deadline)
  // index for its order and ignores the selective district/time indexes (750 ms vs 5 ms).
  const rows = await scoped(db, scope, f)
    .select([sql<string>`h.status || ''`.as('status'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(sql`h.status || ''`)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
}

/**
 * Which filters hazard_counts can answer (its columns; the status filter is not applied to
 * counts, `today` and `like` only shape others). A Record, so that a filter added to HazardFilter
 * must be classified here before this compiles.
 */
const COUNTS_ANSWER: Record<keyof HazardFilter, boolean> = {
  sector: true,
  districtId: true,
  level: true,
  status: true,
  today: true,
  like: true,
  origin: true,
  q: false,
  enterpriseId: false,
  overdue: false,
  supervised: false,
  catalogItemCode: false,
  foundFrom: false,
  foundTo: false,
  awaiting: false,
};

/** Whether every filter that is set narrows only by columns of hazard_counts. */
function countsSufficeFor(f: HazardFilter): boolean {
  return (Object.keys(COUNTS_ANSWER) as (keyof HazardFilter)[]).every(
    (key) => COUNTS_ANSWER[key] || f[key] === undefined || f[key] === '',
  );
}

/**
 * countByStatus from hazard_counts, kept by triggers on hazards: a province's counts without
 * grouping its 2,000,000 hazards (~550 ms). The same conditions as scoped() on those columns.
 */
async function keptCountByStatus(
  db: Q,
  scope: Extract<HazardScope, { kind: 'territory' }>,
  f: HazardFilter,
) {
  let q = db
    .selectFrom('hazard_counts')
    .where('district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
  if (scope.sectors) q = q.where('sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
  if (f.sector) q = q.where('sector', '=', f.sector);
  if (f.districtId) q = q.where('district_id', '=', f.districtId);
  if (f.level) q = q.where('level', '=', f.level);
  if (f.origin) q = q.where('origin', '=', f.origin);
  const rows = await q
    .select(['status', (eb) => eb.fn.sum<number | string>('total').as('n')])
    .groupBy('status')
    .having((eb) => eb.fn.sum('total'), '>', 0)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
}

/**
 * Every hazard of a scope matching the filter, in batches (for the export). The matching ids come
 * first from the covering index (a few MB even for 100,000 rows); rows are then read by id.
 */
export async function* iterateHazards(
  db: Q,
  scope: HazardScope,
  f: HazardFilter,
  batch = EXPORT_BATCH_ROWS,
) {
  const base = f.status
    ? scoped(db, scope, f).where('h.status', '=', f.status)
    : scoped(db, scope, f);
  const ids = (await base.select('h.id').orderBy('h.id').execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += batch) {
    yield await db
      .selectFrom('hazards as h')
      .innerJoin('enterprises as e', 'e.id', 'h.enterprise_id')
      .selectAll('h')
      .select(['e.name as enterprise_name', 'e.credit_code as enterprise_credit_code'])
      .where('h.id', 'in', ids.slice(i, i + batch))
      .orderBy('h.id')
      .execute();
  }
}

/** One hazard with the facts access depends on. */
export function findHazard(db: Q, id: number) {
  return db
    .selectFrom('hazards as h')
    .innerJoin('enterprises as e', 'e.id', 'h.enterprise_id')
    .innerJoin('org_units as o', 'o.id', 'h.district_id')
    .selectAll('h')
    .select([
      'e.name as enterprise_name',
      'e.credit_code as enterprise_credit_code',
      'o.path as district_path',
      'o.name as district_name',
    ])
    .where('h.id', '=', id)
    .executeTakeFirst();
}
export type HazardWithContext = NonNullable<Awaited<ReturnType<typeof findHazard>>>;

/** Allocates the next number of a district and year atomically (works under concurrency). */
export async function nextHazardNumber(
  trx: Transaction<Database>,
  districtId: number,
  year: number,
): Promise<number> {
  const row = await trx
    .insertInto('hazard_numbers')
    .values({ district_id: districtId, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['district_id', 'year'])
        .doUpdateSet({ last_number: sql`hazard_numbers.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

/** Inserts a hazard; returns its id. */
export async function insertHazard(
  trx: Transaction<Database>,
  row: Omit<HazardRow, 'id'>,
): Promise<number> {
  const { id } = await trx
    .insertInto('hazards')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a hazard if the version matches; bumps the version. */
export async function updateHazardIfVersion(
  trx: Transaction<Database>,
  id: number,
  version: number,
  set: Partial<Omit<HazardRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await trx
    .updateTable('hazards')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The history of a hazard, oldest first. */
export function listEvents(db: Q, hazardId: number) {
  return db
    .selectFrom('hazard_events')
    .selectAll()
    .where('hazard_id', '=', hazardId)
    .orderBy('id')
    .execute();
}

/** An earlier event of the hazard with the same idempotency key. */
export function findEventByKey(db: Q, hazardId: number, key: string) {
  return db
    .selectFrom('hazard_events')
    .select('id')
    .where('hazard_id', '=', hazardId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** Live files of a hazard. */
export function listFiles(db: Q, hazardId: number) {
  return db
    .selectFrom('hazard_files')
    .selectAll()
    .where('hazard_id', '=', hazardId)
    .where('voided_at', 'is', null)
    .orderBy('id')
    .execute();
}
