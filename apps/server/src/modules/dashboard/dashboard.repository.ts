import { HAZARD_STATUSES, HazardStatus } from '@hazard-ledger/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

// The dashboard's own reads: plain counts of the hazard ledger that the ledger page's filters
// reproduce (sector, status, overdue, supervised), so a click lands on exactly the records
// counted. Report figures are not read here: they come from reports/figures.repository.ts.

type Db = Kysely<Database>;

/** Every status but verified (销号): an index can seek these, unlike `status != 'verified'`. */
const OPEN_HAZARD_STATUSES = HAZARD_STATUSES.filter((s) => s !== HazardStatus.Verified);

/** The territory and sectors a staff dashboard counts. */
export type LedgerScope = { districtIds: number[]; sectors: readonly string[] | null };

function scopedHazards(db: Db, scope: LedgerScope) {
  let q = db
    .selectFrom('hazards')
    .where('district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
  if (scope.sectors) q = q.where('sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
  return q;
}

/** Names of org units by id. */
export function orgUnitNames(db: Db, ids: number[]) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('id', 'in', ids.length ? ids : [-1])
    .orderBy('id')
    .execute();
}

/**
 * Hazards of the scope by sector and status (every level), from the counts the database keeps
 * per district, sector, status and level (hazard_counts: the same as grouping the hazards).
 */
export function hazardsBySectorAndStatus(db: Db, scope: LedgerScope) {
  let q = db
    .selectFrom('hazard_counts')
    .where('district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
  if (scope.sectors) q = q.where('sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
  return q
    .select(['sector', 'status'])
    .select((eb) => eb.fn.sum<number | string>('total').as('count'))
    .groupBy(['sector', 'status'])
    .having((eb) => eb.fn.sum('total'), '>', 0)
    .execute();
}

/**
 * Overdue hazards (not verified, deadline before today: the ledger's `overdue` filter), those
 * of them that are major, and hazards under supervision. Each count reads only its hazards
 * through an index, not every hazard of the scope (2,000,000 for a province): the open ones
 * (`status IN` the statuses other than verified) with their deadline, and the supervised ones
 * from the partial index of hazards ever supervised.
 */
export async function hazardAlerts(db: Db, scope: LedgerScope, today: string) {
  const [overdue, supervised] = await Promise.all([
    scopedHazards(db, scope)
      .select((eb) => [
        eb.fn.countAll<number | string>().as('overdue'),
        eb.fn
          .sum<number | string | null>(eb.case().when('level', '=', 'major').then(1).else(0).end())
          .as('overdue_major'),
      ])
      .where('status', 'in', OPEN_HAZARD_STATUSES)
      .where('deadline', '<', today)
      .executeTakeFirst(),
    scopedHazards(db, scope)
      .select((eb) => eb.fn.countAll<number | string>().as('supervised'))
      // supervised_at is set with the first supervision and never cleared, so it holds for
      // every hazard under supervision: the condition that selects the partial index.
      .where('supervised_at', 'is not', null)
      .where('supervision_level', 'is not', null)
      .executeTakeFirst(),
  ]);
  return {
    overdue: Number(overdue?.overdue ?? 0),
    overdueMajor: Number(overdue?.overdue_major ?? 0),
    supervised: Number(supervised?.supervised ?? 0),
  };
}

/** An enterprise's open (not verified) hazards by status and level. */
export function openHazardsOfEnterprise(db: Db, enterpriseId: number) {
  return db
    .selectFrom('hazards')
    .select(['status', 'level'])
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '!=', 'verified')
    .groupBy(['status', 'level'])
    .execute();
}

/** An enterprise's open hazards with a deadline, nearest (and overdue) first. */
export function nearestDeadlines(db: Db, enterpriseId: number, limit: number) {
  return db
    .selectFrom('hazards')
    .select(['id', 'number', 'title', 'level', 'status', 'deadline'])
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '!=', 'verified')
    .where('deadline', 'is not', null)
    .orderBy('deadline')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** How many of an enterprise's open hazards are past their deadline. */
export async function overdueOfEnterprise(db: Db, enterpriseId: number, today: string) {
  const row = await db
    .selectFrom('hazards')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '!=', 'verified')
    .where('deadline', '<', today)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
