import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { likePattern } from '../enterprises/enterprises.repository.js';

type Q = Kysely<Database> | Transaction<Database>;

// Queries of key periods (关键时间节点), the enterprises' on-duty roster and daily check-ins.

const PERIOD_COLUMNS = [
  'k.id',
  'k.org_unit_id',
  'o.name as org_unit_name',
  'o.path as org_path',
  'k.name',
  'k.start_date',
  'k.end_date',
  'k.sectors',
  'k.note',
  'k.created_by_name',
  'k.created_at',
  'k.voided_at',
  'k.version',
] as const;

function periods(db: Q) {
  return db
    .selectFrom('key_periods as k')
    .innerJoin('org_units as o', 'o.id', 'k.org_unit_id')
    .where('k.voided_at', 'is', null);
}

/** One live key period with its org unit. */
export function findKeyPeriod(db: Q, id: number) {
  return periods(db).select(PERIOD_COLUMNS).where('k.id', '=', id).executeTakeFirst();
}
export type KeyPeriodRow = Awaited<ReturnType<typeof findKeyPeriod>> & object;

/** Where periods may be: under a territory and/or at exact org paths, for some sectors. */
export type PeriodPlaces = {
  subtreeOf: string | null;
  atPaths: string[];
  /** At least one of these sectors (null: any). */
  sectors: string[] | null;
  year?: number;
};

function placed(db: Q, p: PeriodPlaces) {
  let q = periods(db).where((eb) => {
    const ors = [];
    if (p.subtreeOf) ors.push(eb('o.path', 'like', `${p.subtreeOf}%`));
    if (p.atPaths.length > 0) ors.push(eb('o.path', 'in', p.atPaths));
    return ors.length > 0 ? eb.or(ors) : eb.val(false);
  });
  if (p.sectors) {
    const sectors = p.sectors.length > 0 ? p.sectors : ['-'];
    q = q.where((eb) => eb.or(sectors.map((s) => eb('k.sectors', 'like', `%"${s}"%`))));
  }
  if (p.year !== undefined) {
    q = q
      .where('k.start_date', '<=', `${p.year}-12-31`)
      .where('k.end_date', '>=', `${p.year}-01-01`);
  }
  return q;
}

/** One page of periods, latest first. */
export async function listKeyPeriods(
  db: Q,
  p: PeriodPlaces,
  page: { offset: number; limit: number },
) {
  const [items, count] = await Promise.all([
    placed(db, p)
      .select(PERIOD_COLUMNS)
      .orderBy('k.start_date', 'desc')
      .orderBy('k.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    placed(db, p)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Every period at some places (for one enterprise's periods of a year), by start date. */
export function listAllKeyPeriods(db: Q, p: PeriodPlaces) {
  return placed(db, p)
    .select(PERIOD_COLUMNS)
    .orderBy('k.start_date', 'asc')
    .orderBy('k.id', 'asc')
    .execute();
}

export type PeriodColumns = {
  name: string;
  start_date: string;
  end_date: string;
  sectors: string;
  note: string | null;
};

/** Inserts a key period; returns its id. */
export async function insertKeyPeriod(
  db: Q,
  row: PeriodColumns & {
    org_unit_id: number;
    created_by: number;
    created_by_name: string;
    created_at: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('key_periods')
    .values({ ...row, updated_at: row.created_at, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a live period with the version read; returns whether it did. */
export async function updateKeyPeriodIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Partial<PeriodColumns> & { updated_at: string; voided_at?: string; void_reason?: string },
): Promise<boolean> {
  const r = await db
    .updateTable('key_periods')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** An enterprise's roster between two days. */
export function listRoster(db: Q, enterpriseId: number, from: string, to: string) {
  return db
    .selectFrom('key_period_roster')
    .select(['duty_date', 'leader_name', 'leader_phone'])
    .where('enterprise_id', '=', enterpriseId)
    .where('duty_date', '>=', from)
    .where('duty_date', '<=', to)
    .orderBy('duty_date')
    .execute();
}

/** Names (or renames) the leader on duty of an enterprise's day. */
export async function upsertRosterDay(
  db: Q,
  row: {
    enterprise_id: number;
    duty_date: string;
    leader_name: string;
    leader_phone: string | null;
    updated_by: number;
    updated_at: string;
  },
): Promise<void> {
  await db
    .insertInto('key_period_roster')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['enterprise_id', 'duty_date']).doUpdateSet({
        leader_name: row.leader_name,
        leader_phone: row.leader_phone,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Removes the roster entries of some days of an enterprise. */
export async function deleteRosterDays(db: Q, enterpriseId: number, days: string[]): Promise<void> {
  if (days.length === 0) return;
  await db
    .deleteFrom('key_period_roster')
    .where('enterprise_id', '=', enterpriseId)
    .where('duty_date', 'in', days)
    .execute();
}

/** An enterprise's check-ins between two days. */
export function listCheckIns(db: Q, enterpriseId: number, from: string, to: string) {
  return db
    .selectFrom('key_period_check_ins')
    .select(['duty_date', 'person_name', 'note', 'checked_in_at', 'checked_in_by_name'])
    .where('enterprise_id', '=', enterpriseId)
    .where('duty_date', '>=', from)
    .where('duty_date', '<=', to)
    .orderBy('duty_date')
    .execute();
}

/** Records a check-in; returns false when the day was already checked in. */
export async function insertCheckIn(
  db: Q,
  row: {
    enterprise_id: number;
    duty_date: string;
    key_period_id: number;
    person_name: string;
    note: string | null;
    checked_in_at: string;
    checked_in_by: number;
    checked_in_by_name: string;
  },
): Promise<boolean> {
  const r = await db
    .insertInto('key_period_check_ins')
    .values(row)
    .onConflict((oc) => oc.columns(['enterprise_id', 'duty_date']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The enterprises a period speaks to, within a staff member's reach. */
export type PeriodAudience = {
  /** The period's org subtree and the staff territory: an enterprise lies under both. */
  paths: string[];
  sectors: string[];
  q?: string;
  like?: 'like' | 'ilike';
  /** Only enterprises with fewer check-ins than days between `from` and `to` (missed days). */
  missedOnly?: { from: string; to: string; days: number };
};

/** Check-ins of the enterprise `e` between two days, as a scalar subquery. */
function checkInCount(db: Q, from: string, to: string) {
  return (
    db
      .selectFrom('key_period_check_ins as c')
      .select(sql<number>`count(*)`.as('n'))
      // Correlated with the enterprise row `e` of the outer query.
      .where('c.enterprise_id', '=', sql.ref<number>('e.id'))
      .where('c.duty_date', '>=', from)
      .where('c.duty_date', '<=', to)
  );
}

function audience(db: Q, a: PeriodAudience) {
  let q = db
    .selectFrom('enterprises as e')
    .innerJoin('org_units as eo', 'eo.id', 'e.org_unit_id')
    .where('e.status', '!=', 'closed')
    .where('e.sector', 'in', a.sectors.length ? a.sectors : ['-']);
  for (const p of a.paths) q = q.where('eo.path', 'like', `${p}%`);
  if (a.q && a.like) q = q.where('e.name', a.like, likePattern(a.q));
  const missed = a.missedOnly;
  if (missed) {
    q = q.where((eb) => eb(checkInCount(db, missed.from, missed.to), '<', missed.days));
  }
  return q;
}

/** One page of a period's enterprises with their check-in and roster counts. */
export async function listPeriodEnterprises(
  db: Q,
  a: PeriodAudience,
  range: { start: string; end: string; pastTo: string | null },
  page: { offset: number; limit: number },
) {
  const [items, count] = await Promise.all([
    audience(db, a)
      .select((eb) => [
        'e.id',
        'e.name',
        'e.sector',
        'eo.name as district_name',
        checkInCount(db, range.start, range.pastTo ?? range.start)
          .$castTo<number>()
          .as('past_check_ins'),
        eb
          .selectFrom('key_period_roster as r')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('r.enterprise_id', '=', 'e.id')
          .where('r.duty_date', '>=', range.start)
          .where('r.duty_date', '<=', range.end)
          .$castTo<number>()
          .as('roster_days'),
        checkInCount(db, range.start, range.end).$castTo<number>().as('check_ins'),
      ])
      .orderBy('eo.path')
      .orderBy('e.name')
      .orderBy('e.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    audience(db, a)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map((r) => ({
      id: Number(r.id),
      name: r.name,
      sector: r.sector,
      district_name: r.district_name,
      past_check_ins: range.pastTo ? Number(r.past_check_ins) : 0,
      roster_days: Number(r.roster_days),
      check_ins: Number(r.check_ins),
    })),
    total: Number(count.n),
  };
}

/**
 * Figures of a period over an audience: how many enterprises, how many missed a day, and the
 * missed days in all (days from `from` to `to` without a check-in).
 */
export async function periodStats(
  db: Q,
  a: PeriodAudience,
  past: { from: string; to: string; days: number } | null,
) {
  const rows = await audience(db, a)
    .select((eb) => [
      'e.id',
      past ? checkInCount(db, past.from, past.to).$castTo<number>().as('n') : eb.val(0).as('n'),
    ])
    .execute();
  let enterprisesWithMissed = 0;
  let missedDays = 0;
  for (const r of rows) {
    const missed = past ? past.days - Number(r.n) : 0;
    if (missed > 0) {
      enterprisesWithMissed += 1;
      missedDays += missed;
    }
  }
  return { enterpriseCount: rows.length, enterprisesWithMissed, missedDays };
}

/** The check-in days of some enterprises between two days. */
export async function checkInDays(db: Q, enterpriseIds: number[], from: string, to: string) {
  if (enterpriseIds.length === 0) return [];
  const rows = await db
    .selectFrom('key_period_check_ins')
    .select(['enterprise_id', 'duty_date'])
    .where('enterprise_id', 'in', enterpriseIds)
    .where('duty_date', '>=', from)
    .where('duty_date', '<=', to)
    .execute();
  return rows.map((r) => ({ enterprise_id: Number(r.enterprise_id), duty_date: r.duty_date }));
}
